import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useGridStore } from './gridStore';

/**
 * Puts the numbers of the grid's checked rows on the active account's do-not-call list
 * (`dnc:addRows`: main reads and normalises the rows' numbers, so the renderer sends ids only).
 * Says how many went on, were already there, or are not telephone numbers.
 *
 * The confirmation closes at once and the trigger shows the work in progress: handing the
 * Popconfirm a promise would put its OK button in antd's own loading state, which could outlive
 * the popup and greet the next confirmation with a spinning, unclickable button.
 */
export function DncRowsButton({ disabled }: { disabled: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const { message } = App.useApp();
  const list = useGridStore((state) => state.list);
  const checked = useGridStore((state) => state.checked);
  const [busy, setBusy] = useState(false);
  if (!list) return null;

  const add = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await window.api.dnc.addRows({
        listId: list.id,
        rowIds: [...checked],
        target: 'account',
      });
      if (!result.ok) {
        useGridStore.setState({ error: result.error });
        return;
      }
      const { added, already, invalidCount } = result.value;
      const parts = [fmt.plural(added, { one: t('toolbar.dnc.added.one'), other: t('toolbar.dnc.added') })];
      if (already > 0) parts.push(t('toolbar.dnc.already', { count: fmt.number(already) }));
      if (invalidCount > 0) parts.push(t('toolbar.dnc.invalid', { count: fmt.number(invalidCount) }));
      void message.success({ content: <span role="status">{parts.join(t('toolbar.dnc.separator'))}</span> });
      useGridStore.getState().setChecked(new Set());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('toolbar.dnc.title')}
      description={t('toolbar.dnc.confirm', { count: fmt.number(checked.size) })}
      okText={t('toolbar.dnc.ok')}
      cancelText={t('common.cancel')}
      onConfirm={() => {
        void add();
      }}
    >
      <Button loading={busy} disabled={disabled || checked.size === 0}>
        {t('toolbar.dnc.button', { count: fmt.number(checked.size) })}
      </Button>
    </Popconfirm>
  );
}
