import { useState, type FormEvent } from 'react';
import type { AccountDraft, AccountView } from '../../../../shared/accounts';
import type { Localized } from '../../../../shared/locale';
import type { ProviderInfo } from '../../../../shared/providers';
import type { AppError } from '../../../../shared/result';
import { usePrefsStore } from '../../app/prefsStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';
import { useAccountsStore } from './accountsStore';
import { validateDraft } from './validateDraft';

interface AccountFormProps {
  /** Every provider an account can be made for (from the accounts state). */
  providers: readonly ProviderInfo[];
  /** The account to edit; absent to add one. */
  account?: AccountView;
  onDone: () => void;
}

function emptyDraft(provider: ProviderInfo): AccountDraft {
  const settings: Record<string, string> = {};
  for (const field of provider.fields) settings[field.name] = field.defaultValue ?? '';
  return { provider: provider.id, name: '', settings, secrets: {} };
}

function draftOf(account: AccountView): AccountDraft {
  const secrets: Record<string, string> = {};
  for (const [name, state] of Object.entries(account.secrets)) if (state.value) secrets[name] = state.value;
  return { provider: account.provider, name: account.name, settings: { ...account.settings }, secrets };
}

/**
 * Add or edit an account of any provider: its fields come from the provider's description.
 * Secret fields are write-only (a revealed id is shown back): they start empty when a value is
 * stored, and leaving them empty keeps the stored one.
 */
export function AccountForm({ providers, account, onDone }: AccountFormProps) {
  const t = useT();
  const locale = usePrefsStore((state) => state.prefs.locale);
  const save = useAccountsStore((state) => state.save);
  const [draft, setDraft] = useState<AccountDraft>(() =>
    account ? draftOf(account) : emptyDraft(providers[0]!),
  );
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const provider = providers.find((p) => p.id === draft.provider) ?? providers[0]!;
  const stored = new Set(
    Object.entries(account?.secrets ?? {}).flatMap(([name, state]) => (state.stored ? [name] : [])),
  );
  const problems = validateDraft(draft, provider, stored);
  const label = (text: Localized): string => text[locale];

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

  const input = (
    key: string,
    text: string,
    value: string,
    onChange: (value: string) => void,
    extra: Record<string, string> = {},
  ) => {
    const problem = touched ? problems[key] : undefined;
    const id = `account-${key.replace('.', '-')}`;
    return (
      <div className="form-field" key={key}>
        <label htmlFor={id}>{text}</label>
        <input
          id={id}
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => onChange(event.target.value)}
          {...extra}
        />
        {problem && (
          <span id={`${id}-problem`} className="field-problem">
            {t(problem)}
          </span>
        )}
      </div>
    );
  };

  const title = account ? t('accounts.form.editTitle', { name: account.name }) : t('accounts.form.addTitle');
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3>{title}</h3>
      {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}
      {!account && providers.length > 1 && (
        <div className="form-field">
          <label htmlFor="account-provider">{t('accounts.form.provider')}</label>
          <select
            id="account-provider"
            value={draft.provider}
            onChange={(event) => {
              const next = providers.find((p) => p.id === event.target.value);
              if (next) setDraft({ ...emptyDraft(next), name: draft.name });
            }}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {label(p.label)}
              </option>
            ))}
          </select>
        </div>
      )}
      {input('name', t('accounts.form.name'), draft.name, (name) => setDraft({ ...draft, name }), {
        autoFocus: 'true',
      })}
      {provider.fields.map((field) =>
        input(
          `setting.${field.name}`,
          label(field.label),
          draft.settings[field.name] ?? '',
          (value) => setDraft({ ...draft, settings: { ...draft.settings, [field.name]: value } }),
          { type: field.kind === 'integer' ? 'text' : field.kind === 'pem' ? 'text' : field.kind },
        ),
      )}
      {provider.secrets.map((secret) =>
        input(
          `secret.${secret.name}`,
          label(secret.label),
          draft.secrets?.[secret.name] ?? '',
          (value) => setDraft({ ...draft, secrets: { ...draft.secrets, [secret.name]: value } }),
          secret.revealed
            ? { autoComplete: 'off', spellCheck: 'false' }
            : {
                type: 'password',
                autoComplete: 'new-password',
                placeholder: stored.has(secret.name) ? t('accounts.form.signatureKept') : '',
              },
        ),
      )}
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
