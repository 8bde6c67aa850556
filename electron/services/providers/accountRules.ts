/**
 * Checks every provider applies to an account's fields. Credentials travel with every request
 * to the base URL (Sobot's in the URL itself), so it must be https — plain http only to this
 * machine (the embedded sandbox, a local test server).
 */

/** Why a base URL cannot be used, or null when it can. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'a URL with a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'not http(s)';
  return isLoopbackHost(url.hostname) ? null : 'plain http to another machine (use https)';
}

/** Whether a host name is this machine (names and literal addresses). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/** A required field that is empty. */
export function missing(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
