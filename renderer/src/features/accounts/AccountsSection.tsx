import { App, Alert, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { AccountForm } from './AccountForm';
import { useAccountsStore } from './accountsStore';
import { ConnectionResult } from './ConnectionResult';

/** The ids a provider shows back (an appid, say), so accounts can be told apart. */
function revealed(account: AccountView): string {
  const secrets: Record<string, { value?: string }> = account.secrets;
  return Object.values(secrets)
    .flatMap((secret) => (secret.value ? [secret.value] : []))
    .join(' · ');
}

/** A cell cut to one line, whole on hover (and whole for screen readers). */
function Clipped({ text }: { text: string }) {
  return (
    <Tooltip title={text} mouseEnterDelay={0.4}>
      <span className="accounts-clipped">{text}</span>
    </Tooltip>
  );
}

/** Settings → Accounts: add, edit, remove, switch and test accounts. */
export function AccountsSection() {
  const t = useT();
  const { message } = App.useApp();
  const locale = usePrefsStore((store) => store.prefs.locale);
  const state = useAccountsStore((store) => store.state);
  const error = useAccountsStore((store) => store.error);
  const tests = useAccountsStore((store) => store.tests);
  const { use, remove, test, dismissError } = useAccountsStore.getState();
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);

  if (!state) return null;
  const removeAccount = async (account: AccountView): Promise<void> => {
    await remove(account.id);
    if (!useAccountsStore.getState().error)
      void message.success(t('accounts.removed', { name: account.name }));
  };
  const providerName = (account: AccountView): string =>
    state.providers.find((p) => p.id === account.provider)?.label[locale] ?? account.provider;

  return (
    <Card className="settings-card accounts" title={<h2 id="accounts-title">{t('accounts.title')}</h2>}>
      <section aria-labelledby="accounts-title">
        {error && <ErrorBanner error={error} onDismiss={dismissError} />}
        {!state.vault.available && <Alert type="warning" showIcon title={t('accounts.vault.unavailable')} />}
        {state.vault.available && state.vault.kind === 'safe-storage' && (
          <Alert type="info" showIcon title={t('accounts.vault.safeStorage')} />
        )}
        <Table<AccountView>
          className="accounts-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={state.accounts}
          // Fixed columns that share the card's width: the long ones (identifier, server) are cut
          // to one line with the whole text on hover, and the actions wrap, so nothing scrolls.
          tableLayout="fixed"
          onRow={(account) =>
            ({
              'data-account': account.name,
              'aria-current': account.id === state.activeId ? 'true' : undefined,
            }) as React.HTMLAttributes<HTMLTableRowElement>
          }
          columns={[
            {
              key: 'name',
              title: t('accounts.col.name'),
              render: (_, account) => (
                <Space size={[8, 4]} wrap>
                  <span className="accounts-account-name">{account.name}</span>
                  {account.id === state.activeId && (
                    <Tag color="blue" className="nowrap">
                      {t('accounts.active')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              key: 'provider',
              title: t('accounts.col.provider'),
              width: '15%',
              render: (_, account) => providerName(account),
            },
            {
              key: 'appid',
              title: t('accounts.col.appid'),
              width: '16%',
              ellipsis: { showTitle: false },
              render: (_, account) => <Clipped text={revealed(account)} />,
            },
            {
              key: 'server',
              title: t('accounts.col.server'),
              ellipsis: { showTitle: false },
              render: (_, account) => (
                <Clipped text={account.builtIn ? t('accounts.builtIn') : (account.settings.baseUrl ?? '')} />
              ),
            },
            {
              key: 'actions',
              title: t('accounts.col.actions'),
              width: 300,
              className: 'accounts-actions',
              render: (_, account) => (
                <>
                  <Space wrap size={6}>
                    <Button
                      size="small"
                      loading={tests[account.id]?.status === 'running'}
                      onClick={() => void test(account.id)}
                    >
                      {t('accounts.test')}
                    </Button>
                    {account.id !== state.activeId && (
                      <Button size="small" onClick={() => void use(account.id)}>
                        {t('accounts.use')}
                      </Button>
                    )}
                    {!account.builtIn && (
                      <>
                        <Button size="small" onClick={() => setEditing(account)}>
                          {t('accounts.edit')}
                        </Button>
                        <Popconfirm
                          title={t('accounts.removeTitle')}
                          description={t('accounts.removeConfirm', { name: account.name })}
                          okText={t('accounts.remove')}
                          cancelText={t('accounts.form.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => void removeAccount(account)}
                        >
                          <Button size="small" danger>
                            {t('accounts.remove')}
                          </Button>
                        </Popconfirm>
                      </>
                    )}
                  </Space>
                  <ConnectionResult outcome={tests[account.id]} />
                </>
              ),
            },
          ]}
        />
        {editing === null ? (
          <Button
            type="primary"
            className="accounts-add"
            onClick={() => setEditing('new')}
            disabled={!state.vault.available}
          >
            {t('accounts.add')}
          </Button>
        ) : (
          <AccountForm
            providers={state.providers}
            key={editing === 'new' ? 'new' : editing.id}
            {...(editing === 'new' ? {} : { account: editing })}
            onDone={(saved) => {
              setEditing(null);
              if (saved) void message.success(t('accounts.saved', { name: saved }));
            }}
          />
        )}
      </section>
    </Card>
  );
}
