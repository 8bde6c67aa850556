import { useState } from 'react';
import type { AccountView } from '../../../../shared/accounts';
import { usePrefsStore } from '../../app/prefsStore';
import { useConfirm } from '../../components/dialogs';
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

/** Settings → Accounts: add, edit, remove, switch and test accounts. */
export function AccountsSection() {
  const t = useT();
  const locale = usePrefsStore((store) => store.prefs.locale);
  const state = useAccountsStore((store) => store.state);
  const error = useAccountsStore((store) => store.error);
  const tests = useAccountsStore((store) => store.tests);
  const { use, remove, test, dismissError } = useAccountsStore.getState();
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);
  const confirm = useConfirm();

  if (!state) return null;
  const confirmRemove = async (account: AccountView): Promise<void> => {
    const sure = await confirm({
      title: t('accounts.removeTitle'),
      content: t('accounts.removeConfirm', { name: account.name }),
      okText: t('accounts.remove'),
      cancelText: t('accounts.form.cancel'),
      danger: true,
    });
    if (sure) await remove(account.id);
  };

  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accounts.title')}</h2>
      {error && <ErrorBanner error={error} onDismiss={dismissError} />}
      {!state.vault.available && <p className="notice warning">{t('accounts.vault.unavailable')}</p>}
      {state.vault.available && state.vault.kind === 'safe-storage' && (
        <p className="notice">{t('accounts.vault.safeStorage')}</p>
      )}
      <table className="accounts-table">
        <thead>
          <tr>
            <th scope="col">{t('accounts.col.name')}</th>
            <th scope="col">{t('accounts.col.provider')}</th>
            <th scope="col">{t('accounts.col.appid')}</th>
            <th scope="col">{t('accounts.col.server')}</th>
            <th scope="col">{t('accounts.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {state.accounts.map((account) => (
            <tr
              key={account.id}
              data-account={account.name}
              aria-current={account.id === state.activeId ? 'true' : undefined}
            >
              <td>
                {account.name}
                {account.id === state.activeId && <span className="badge">{t('accounts.active')}</span>}
              </td>
              <td>
                {state.providers.find((p) => p.id === account.provider)?.label[locale] ?? account.provider}
              </td>
              <td>{revealed(account)}</td>
              <td>{account.builtIn ? t('accounts.builtIn') : account.settings.baseUrl}</td>
              <td>
                <div className="row-actions">
                  <button type="button" onClick={() => void test(account.id)}>
                    {t('accounts.test')}
                  </button>
                  {account.id !== state.activeId && (
                    <button type="button" onClick={() => void use(account.id)}>
                      {t('accounts.use')}
                    </button>
                  )}
                  {!account.builtIn && (
                    <>
                      <button type="button" onClick={() => setEditing(account)}>
                        {t('accounts.edit')}
                      </button>
                      <button type="button" onClick={() => void confirmRemove(account)}>
                        {t('accounts.remove')}
                      </button>
                    </>
                  )}
                </div>
                <ConnectionResult outcome={tests[account.id]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing === null ? (
        <button
          type="button"
          className="primary"
          onClick={() => setEditing('new')}
          disabled={!state.vault.available}
        >
          {t('accounts.add')}
        </button>
      ) : (
        <AccountForm
          providers={state.providers}
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { account: editing })}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}
