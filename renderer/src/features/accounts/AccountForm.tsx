import { useState, type FormEvent } from 'react';
import type { AccountDraft, AccountView } from '../../../../shared/accounts';
import type { AppError } from '../../../../shared/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { useAccountsStore } from './accountsStore';
import { validateDraft, type DraftField } from './validateDraft';

const DEFAULT_BASE_URL = 'https://icall.sobot.com/api/icall/5/task/';

interface AccountFormProps {
  /** The account to edit; absent to add one. */
  account?: AccountView;
  onDone: () => void;
}

/**
 * Add or edit an account. The signature field is write-only: it starts empty even when one is
 * stored, and leaving it empty keeps the stored one.
 */
export function AccountForm({ account, onDone }: AccountFormProps) {
  const t = useT();
  const save = useAccountsStore((state) => state.save);
  const [draft, setDraft] = useState<AccountDraft>({
    name: account?.name ?? '',
    baseUrl: account?.baseUrl ?? DEFAULT_BASE_URL,
    email: account?.email ?? '',
    appid: account?.appid ?? '',
    signature: '',
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const problems = validateDraft(draft, !account);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await save({ ...draft, ...(account ? { id: account.id } : {}) });
    setBusy(false);
    if (result.ok) onDone();
    else setServerError(result.error);
  };

  const field = (name: DraftField, label: string, type = 'text', extra: Record<string, string> = {}) => {
    const problem = touched ? problems[name] : undefined;
    return (
      <div className="form-field">
        <label htmlFor={`account-${name}`}>{label}</label>
        <input
          id={`account-${name}`}
          type={type}
          value={draft[name] ?? ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `account-${name}-problem` : undefined}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
          {...extra}
        />
        {problem && (
          <span id={`account-${name}-problem`} className="field-problem">
            {t(problem)}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="account-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={
        account ? t('accounts.form.editTitle', { name: account.name }) : t('accounts.form.addTitle')
      }
    >
      <h3>{account ? t('accounts.form.editTitle', { name: account.name }) : t('accounts.form.addTitle')}</h3>
      {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}
      {field('name', t('accounts.form.name'), 'text', { autoFocus: 'true' })}
      {field('baseUrl', t('accounts.form.baseUrl'), 'url')}
      {field('email', t('accounts.form.email'), 'email')}
      {field('appid', t('accounts.form.appid'), 'text', { autoComplete: 'off', spellCheck: 'false' })}
      {field('signature', t('accounts.form.signature'), 'password', {
        autoComplete: 'new-password',
        placeholder: account?.hasSignature ? t('accounts.form.signatureKept') : '',
      })}
      <p className="form-hint">{t('accounts.form.signatureHint')}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.form.save')}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t('accounts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
