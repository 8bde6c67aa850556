import { useT } from '../i18n/useT';

/**
 * The header slot for switching accounts. Accounts (and the built-in sandbox account) arrive
 * with the accounts issue; until then it says plainly that none is set up.
 */
export function AccountSwitcher() {
  const t = useT();
  return (
    <div className="account-switcher" data-slot="account-switcher">
      <span className="account-label">{t('account.label')}</span>
      <button type="button" disabled title={t('account.comingSoon')}>
        {t('account.none')}
      </button>
    </div>
  );
}
