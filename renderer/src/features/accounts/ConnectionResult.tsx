import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';
import type { TestOutcome } from './accountsStore';

/** What "test connection" found, in the user's language; server and network errors as mapped by main. */
export function ConnectionResult({ outcome }: { outcome: TestOutcome | undefined }) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  if (!outcome) return null;
  if (outcome.status === 'running')
    return (
      <p className="test-result" role="status">
        {t('accounts.testing')}
      </p>
    );
  if (outcome.status === 'error') {
    return (
      <p className="test-result test-error" role="alert">
        {outcome.error.message} <code>{outcome.error.code}</code>
      </p>
    );
  }
  const { checks } = outcome.report;
  const failed = checks.some((check) => check.outcome === 'failed');
  return (
    <div className={`test-result ${failed ? 'test-error' : 'test-ok'}`} role="status">
      <p>{failed ? t('accounts.test.failedCheck') : t('accounts.test.ok')}</p>
      <ul>
        {checks.map((check, i) => (
          <li key={i}>
            {check.label[locale]}: {t(`accounts.test.${check.outcome}`)}
            {check.detail ? ` (${check.detail})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
