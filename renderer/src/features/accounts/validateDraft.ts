import type { AccountDraft } from '../../../../shared/accounts';
import type { MessageKey } from '../../i18n/messages';

export type DraftField = 'name' | 'baseUrl' | 'email' | 'appid' | 'signature';

/**
 * Checks the form before anything is sent, so the operator sees what to fix next to the field.
 * Main validates again: this is for the person, not for security.
 */
export function validateDraft(draft: AccountDraft, isNew: boolean): Partial<Record<DraftField, MessageKey>> {
  const problems: Partial<Record<DraftField, MessageKey>> = {};
  if (!draft.name.trim()) problems.name = 'accounts.form.required';
  try {
    const url = new URL(draft.baseUrl.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.baseUrl = 'accounts.form.badUrl';
  } catch {
    problems.baseUrl = 'accounts.form.badUrl';
  }
  if (draft.email && !/^[^\s@]+@[^\s@]+$/.test(draft.email.trim())) problems.email = 'accounts.form.badEmail';
  if (!draft.appid.trim()) problems.appid = 'accounts.form.required';
  if (isNew && !draft.signature) problems.signature = 'accounts.form.required';
  return problems;
}
