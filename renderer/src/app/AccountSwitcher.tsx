import { useAccountsStore } from '../features/accounts/accountsStore';
import { useT } from '../i18n/useT';

/** The header's account switcher: every screen shows the active account's data. */
export function AccountSwitcher() {
  const t = useT();
  const state = useAccountsStore((store) => store.state);
  const use = useAccountsStore((store) => store.use);
  if (!state) return null;
  return (
    <div className="account-switcher" data-slot="account-switcher">
      <label htmlFor="account-switcher">{t('account.label')}</label>
      <select
        id="account-switcher"
        title={t('accounts.switcher.label')}
        value={state.activeId}
        onChange={(event) => void use(event.target.value)}
      >
        {state.accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </select>
    </div>
  );
}
