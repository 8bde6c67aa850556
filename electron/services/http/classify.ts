/**
 * Turns what `fetch()` (or reading a body) threw into a {@link TransportError}: a stable code,
 * and whether the request may have reached the server.
 */
import type { NetErrorCode } from '../../../shared/codes/net';
import { TransportError } from './errors';

/** Finds a Node/undici error code (`ECONNREFUSED`, …) anywhere in a cause chain. */
export function findErrorCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
  const inner = findErrorCode(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors))
    for (const sub of e.errors) {
      const c = findErrorCode(sub, depth + 1);
      if (c) return c;
    }
  return undefined;
}

/** Whether a fetch error says the URL itself cannot be used (message text, no code). */
function isUnusableUrl(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  if (/bad port|unknown scheme|invalid url|failed to parse url/i.test(err.message)) return true;
  return isUnusableUrl(err.cause, depth + 1);
}

/** Error codes raised before a single byte of the request left this machine. */
const NOT_SENT: Record<string, NetErrorCode> = {
  ECONNREFUSED: 'net.unreachable',
  EHOSTUNREACH: 'net.unreachable',
  ENETUNREACH: 'net.offline',
  ENOTFOUND: 'net.offline',
  EAI_AGAIN: 'net.offline',
  EAI_FAIL: 'net.offline',
  UND_ERR_CONNECT_TIMEOUT: 'net.timeout',
  ERR_INVALID_URL: 'net.unreachable',
};

/** TLS failures: the server's certificate is not trusted (nothing of the request was sent). */
const CERTIFICATE =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_UNTRUSTED)$/;

/** What happened around the attempt, as the sender saw it. */
export interface AttemptState {
  timedOut: boolean;
  userAborted: boolean;
  responded: boolean;
}

/** Classifies an exception from `fetch()` or from reading the body. */
export function classifyThrown(err: unknown, endpoint: string, state: AttemptState): TransportError {
  if (state.userAborted) return new TransportError({ code: 'net.aborted', endpoint, sent: 'maybe' });
  if (state.timedOut)
    return new TransportError({ code: 'net.timeout', endpoint, sent: state.responded ? 'yes' : 'maybe' });
  // undici refuses some URLs before connecting ("bad port", "unknown scheme"): nothing was
  // sent, and repeating cannot help (retry.ts checks ERR_INVALID_URL).
  const causeCode = findErrorCode(err) ?? (isUnusableUrl(err) ? 'ERR_INVALID_URL' : undefined);
  if (causeCode && CERTIFICATE.test(causeCode))
    return new TransportError({ code: 'net.certificate', endpoint, sent: 'no', causeCode });
  const notSent = causeCode ? NOT_SENT[causeCode] : undefined;
  if (notSent) return new TransportError({ code: notSent, endpoint, sent: 'no', causeCode });
  // Resets and unknown socket failures: the request may have been processed.
  return new TransportError({
    code: 'net.unreachable',
    endpoint,
    sent: state.responded ? 'yes' : 'maybe',
    ...(causeCode ? { causeCode } : {}),
    reason: state.responded ? 'body interrupted' : 'connection failed',
  });
}
