/**
 * Verifying auth-v2 the way the platform does, from the request as it arrived: the method and
 * path of the request line, the raw query (decoded, then encoded and sorted again), the values
 * of the headers the client says it signed, and the body's bytes. Any failure is HTTP 401 with
 * no body (the caller only learns "refused"); the reason is for the sandbox's log and tests.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { expectedSignature, parseAuthV2, type QueryItems } from '../../huawei/signer';
import { CEC_SANDBOX_AK, CEC_SANDBOX_SK, MAX_CLOCK_SKEW_MS } from './tenant';

/** Why a signature was refused. */
export type RefusalReason = 'no_auth' | 'unknown_ak' | 'stale_time' | 'host_unsigned' | 'bad_signature';

/** The raw query of a request line as decoded items (a `+` is a plus: RFC 3986, not forms). */
export function rawQueryItems(rawUrl: string): QueryItems {
  const q = rawUrl.indexOf('?');
  if (q < 0 || q === rawUrl.length - 1) return [];
  return rawUrl
    .slice(q + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const k = eq < 0 ? part : part.slice(0, eq);
      const v = eq < 0 ? '' : part.slice(eq + 1);
      return [decodeURIComponent(k), decodeURIComponent(v)] as const;
    });
}

/**
 * Checks a request's signature; null when it is good.
 * @param body the body's bytes exactly as received
 * @param realNow the sandbox's real clock (the signature time is the client's real time)
 */
export function verifyRequest(req: IncomingMessage, body: Buffer, realNow: number): RefusalReason | null {
  const header = req.headers['authorization'];
  const auth = parseAuthV2(Array.isArray(header) ? header[0] : header);
  if (!auth) return 'no_auth';
  if (auth.ak !== CEC_SANDBOX_AK) return 'unknown_ak';
  if (Math.abs(realNow - auth.time) > MAX_CLOCK_SKEW_MS) return 'stale_time';
  if (!auth.signedHeaders.includes('host')) return 'host_unsigned';
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return 'bad_signature';
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  let query: QueryItems;
  try {
    query = rawQueryItems(rawUrl);
  } catch {
    return 'bad_signature';
  }
  const expected = expectedSignature(auth, CEC_SANDBOX_SK, {
    method: req.method ?? 'GET',
    path: q < 0 ? rawUrl : rawUrl.slice(0, q),
    query,
    headers,
    body: body.toString('utf8'),
  });
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(auth.signature, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b) ? null : 'bad_signature';
}
