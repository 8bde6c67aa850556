import { useT } from '../../i18n/useT';
import type { TestOutcome } from './accountsStore';

/** What "test connection" found, in the user's language; server and network errors as mapped by main. */
export function ConnectionResult({ outcome }: { outcome: TestOutcome | undefined }) {
  const t = useT();
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
  const { report } = outcome;
  const login =
    report.login === 'passed'
      ? t('accounts.test.loginPassed')
      : report.login === 'failed'
        ? t('accounts.test.loginFailed', { reason: report.reason ?? '' })
        : t('accounts.test.loginSkipped');
  return (
    <p className={`test-result ${report.login === 'failed' ? 'test-error' : 'test-ok'}`} role="status">
      {t('accounts.test.ok', { robots: report.robotNum })} {login}
    </p>
  );
}
