import { baseUrlProblem, missing } from '../../providers/accountRules';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The first wrong field of a Sobot account, or null (see ProviderFactory.checkAccount). */
export function checkSobotAccount(
  settings: Record<string, string>,
  secrets: Record<string, string>,
  stored: ReadonlySet<string>,
): { field: string; reason: string } | null {
  const urlProblem = baseUrlProblem(settings['baseUrl'] ?? '');
  if (urlProblem) return { field: 'baseUrl', reason: urlProblem };
  const email = (settings['email'] ?? '').trim();
  if (email !== '' && (!EMAIL.test(email) || email.length > 254))
    return { field: 'email', reason: 'not an email' };
  for (const name of ['appid', 'signature'])
    if (missing(secrets[name]) && !stored.has(name)) return { field: name, reason: 'required' };
  return null;
}
