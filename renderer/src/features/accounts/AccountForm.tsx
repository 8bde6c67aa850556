import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
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
  /** Called with the saved account's name, or nothing when cancelled. */
  onDone: (savedName?: string) => void;
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
  // Inline validation: a field shows its problem once left (blurred) or after a save attempt.
  const [touched, setTouched] = useState<ReadonlySet<string> | 'all'>(new Set());
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const provider = providers.find((p) => p.id === draft.provider) ?? providers[0]!;
  const stored = new Set(
    Object.entries(account?.secrets ?? {}).flatMap(([name, state]) => (state.stored ? [name] : [])),
  );
  const problems = validateDraft(draft, provider, stored);
  const label = (text: Localized): string => text[locale];

  const submit = async (): Promise<void> => {
    setTouched('all');
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const result = await save({ ...draft, ...(account ? { id: account.id } : {}) });
    setBusy(false);
    if (result.ok) onDone(draft.name.trim());
    else setServerError(result.error);
  };
  const shown = (key: string): boolean => touched === 'all' || touched.has(key);
  const leave = (key: string) => () => {
    if (touched !== 'all' && !touched.has(key)) setTouched(new Set([...touched, key]));
  };

  const field = (
    key: string,
    text: string,
    value: string,
    onChange: (value: string) => void,
    extra: {
      type?: string;
      autoComplete?: string;
      spellCheck?: boolean;
      placeholder?: string;
      autoFocus?: boolean;
    } = {},
  ) => {
    const problem = shown(key) ? problems[key] : undefined;
    const id = `account-${key.replace('.', '-')}`;
    const props = {
      id,
      value,
      onBlur: leave(key),
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value),
      'aria-invalid': problem ? true : undefined,
      ...extra,
    };
    return (
      <Form.Item
        key={key}
        label={text}
        htmlFor={id}
        validateStatus={problem ? 'error' : undefined}
        help={problem ? t(problem) : undefined}
      >
        {extra.type === 'password' ? <Input.Password {...props} /> : <Input {...props} />}
      </Form.Item>
    );
  };

  const title = account ? t('accounts.form.editTitle', { name: account.name }) : t('accounts.form.addTitle');
  return (
    <Card className="account-form" size="small" title={<h3>{title}</h3>}>
      <Form layout="vertical" onFinish={() => void submit()} aria-label={title} noValidate>
        {serverError && <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />}
        {!account && providers.length > 1 && (
          <Form.Item label={t('accounts.form.provider')} htmlFor="account-provider">
            <Select
              id="account-provider"
              value={draft.provider}
              onChange={(value: string) => {
                const next = providers.find((p) => p.id === value);
                if (next) setDraft({ ...emptyDraft(next), name: draft.name });
              }}
              options={providers.map((p) => ({ value: p.id, label: label(p.label) }))}
            />
          </Form.Item>
        )}
        {field('name', t('accounts.form.name'), draft.name, (name) => setDraft({ ...draft, name }), {
          autoFocus: true,
        })}
        {provider.fields.map((setting) =>
          field(
            `setting.${setting.name}`,
            label(setting.label),
            draft.settings[setting.name] ?? '',
            (value) => setDraft({ ...draft, settings: { ...draft.settings, [setting.name]: value } }),
            { type: setting.kind === 'integer' || setting.kind === 'pem' ? 'text' : setting.kind },
          ),
        )}
        {provider.secrets.map((secret) =>
          field(
            `secret.${secret.name}`,
            label(secret.label),
            draft.secrets?.[secret.name] ?? '',
            (value) => setDraft({ ...draft, secrets: { ...draft.secrets, [secret.name]: value } }),
            secret.revealed
              ? { autoComplete: 'off', spellCheck: false }
              : {
                  type: 'password',
                  autoComplete: 'new-password',
                  placeholder: stored.has(secret.name) ? t('accounts.form.signatureKept') : '',
                },
          ),
        )}
        <Typography.Paragraph type="secondary" className="form-hint">
          {t('accounts.form.signatureHint')}
        </Typography.Paragraph>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('accounts.form.save')}
          </Button>
          <Button onClick={() => onDone()} disabled={busy}>
            {t('accounts.form.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
