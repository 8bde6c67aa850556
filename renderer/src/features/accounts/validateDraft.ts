import type { AccountDraft } from '../../../../shared/accounts';
import type { ProviderInfo } from '../../../../shared/providers';
import type { MessageKey } from '../../i18n/messages';

/** Whether a host name is this machine (plain http is allowed there only). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function urlProblem(value: string): MessageKey | undefined {
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:') return undefined;
    if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  } catch {
    // fall through
  }
  return 'accounts.form.badUrl';
}

/**
 * Checks the form before anything is sent, so the operator sees what to fix next to the field
 * (keyed `name`, `setting.<field>` or `secret.<field>`). Main validates again: this is for the
 * person, not for security.
 * @param stored the secrets already kept for this account (their fields may stay empty)
 */
export function validateDraft(
  draft: AccountDraft,
  provider: ProviderInfo,
  stored: ReadonlySet<string>,
): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  if (!draft.name.trim()) problems['name'] = 'accounts.form.required';
  for (const field of provider.fields) {
    const value = (draft.settings[field.name] ?? '').trim();
    const key = `setting.${field.name}`;
    if (!value) {
      if (field.required) problems[key] = 'accounts.form.required';
      continue;
    }
    if (field.kind === 'url') {
      const problem = urlProblem(value);
      if (problem) problems[key] = problem;
    }
    if (field.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) problems[key] = 'accounts.form.badEmail';
    if (field.kind === 'integer' && !/^\d+$/.test(value)) problems[key] = 'accounts.form.badNumber';
  }
  for (const secret of provider.secrets) {
    if (secret.required && !draft.secrets?.[secret.name] && !stored.has(secret.name))
      problems[`secret.${secret.name}`] = 'accounts.form.required';
  }
  return problems;
}
