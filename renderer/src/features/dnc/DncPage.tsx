import {
  App,
  Alert,
  Button,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import type { DncAddResult, DncEntry } from '../../../../shared/dnc';
import { PHONE_INVALID_REASONS } from '../../../../shared/phone';
import type { Result } from '../../../../shared/result';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { AddNumbersModal } from './AddNumbersModal';
import { subscribeDncChanges, useDncStore, type DncTarget, type DncView } from './dncStore';

const ACCEPT = '.xlsx,.csv,.txt';

/** 免打扰名单: numbers no upload plan will send, per account or for every account. */
export function DncPage() {
  const t = useT();
  const fmt = useFormat();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const { message } = App.useApp();
  const { entries, total, scope, page, pageSize, loading, error } = useDncStore();
  const { show, add, importFile, remove, dismissError } = useDncStore.getState();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [refused, setRefused] = useState<DncAddResult | null>(null);

  useEffect(() => {
    void useDncStore.getState().load();
    return subscribeDncChanges();
  }, []);

  /** Says what an add did; keeps the refused values on screen. */
  const report = (result: Result<DncAddResult>): boolean => {
    if (!result.ok) return false;
    const { added, already, invalidCount } = result.value;
    const parts = [t('dnc.added', { added: fmt.number(added) })];
    if (already > 0) parts.push(t('dnc.already', { count: fmt.number(already) }));
    if (invalidCount > 0) parts.push(t('dnc.invalid', { count: fmt.number(invalidCount) }));
    void (invalidCount > 0
      ? message.warning(parts.join(locale === 'zh-CN' ? '，' : ', '))
      : message.success(parts.join(locale === 'zh-CN' ? '，' : ', ')));
    setRefused(invalidCount > 0 ? result.value : null);
    return true;
  };

  const onAdd = async (telephones: string[], target: DncTarget, reason: string): Promise<boolean> => {
    const ok = report(await add(telephones, target, reason));
    if (ok) setAdding(false);
    return ok;
  };

  const onImport = async (file: File): Promise<void> => {
    setImporting(true);
    try {
      report(await importFile(file, scope === 'all' ? 'all' : 'account'));
    } finally {
      setImporting(false);
    }
  };

  const onRemove = async (): Promise<void> => {
    const result = await remove(selected);
    if (result.ok) {
      void message.success(t('dnc.removed', { count: fmt.number(result.value) }));
      setSelected([]);
    }
  };

  const scopeLabel = (entry: DncEntry): string =>
    entry.accountId === null ? t('dnc.scope.all') : t('dnc.scope.account');

  return (
    <div className="dnc-page">
      <h1>{t('dnc.title')}</h1>
      <Typography.Paragraph type="secondary">{t('dnc.body')}</Typography.Paragraph>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {refused && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          title={t('dnc.invalidTitle')}
          description={
            <ul className="dnc-refused">
              {refused.invalid.slice(0, 10).map((item, index) => (
                <li key={index}>
                  <code>{item.value || '""'}</code> — {PHONE_INVALID_REASONS[item.reason][locale]}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Flex gap="small" wrap align="center" className="dnc-toolbar">
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('dnc.add')}
        </Button>
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void onImport(file);
            return false;
          }}
        >
          <Button loading={importing}>{importing ? t('dnc.importing') : t('dnc.import')}</Button>
        </Upload>
        <Segmented<DncView>
          aria-label={t('dnc.col.scope')}
          value={scope}
          onChange={(value) => void show({ scope: value })}
          options={(['both', 'account', 'all'] as const).map((value) => ({
            value,
            label: t(`dnc.scope.${value}`),
          }))}
        />
        <Input.Search
          allowClear
          aria-label={t('dnc.search')}
          placeholder={t('dnc.search')}
          onSearch={(value) => void show({ search: value })}
          className="dnc-search"
        />
        <Space>
          <Popconfirm
            title={t('dnc.removeConfirm', { count: fmt.number(selected.length) })}
            onConfirm={() => void onRemove()}
            disabled={selected.length === 0}
          >
            <Button danger disabled={selected.length === 0}>
              {t('dnc.removeSelected', { count: fmt.number(selected.length) })}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
      <Table<DncEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={entries}
        locale={{ emptyText: t('dnc.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => t('dnc.total', { count: fmt.number(count) }),
          onChange: (next, size) => void show({ page: next, pageSize: size }),
        }}
        columns={[
          { key: 'telephone', title: t('dnc.col.telephone'), dataIndex: 'telephone' },
          { key: 'scope', title: t('dnc.col.scope'), render: (_value, entry) => scopeLabel(entry) },
          {
            key: 'reason',
            title: t('dnc.col.reason'),
            dataIndex: 'reason',
            ellipsis: { showTitle: true },
            render: (reason: string | null) => reason ?? '—',
          },
          {
            key: 'source',
            title: t('dnc.col.source'),
            render: (_value, entry) => t(`dnc.source.${entry.source}`),
          },
          {
            key: 'addedAt',
            title: t('dnc.col.addedAt'),
            render: (_value, entry) => fmt.dateTime(entry.addedAt),
          },
        ]}
      />
      <AddNumbersModal open={adding} onCancel={() => setAdding(false)} onAdd={onAdd} />
    </div>
  );
}
