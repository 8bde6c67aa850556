/**
 * Classifying what `fetch` throws: whether the request left this machine (which decides what
 * may be repeated), timeouts against the caller's own abort, and certificate failures — which
 * on a private-CA tenant mean "give the account its CA certificate", never "turn TLS off".
 */
import type { NetErrorCode } from '../../../shared/codes/net';
import { CecTransportError } from './errors';

/** OpenSSL/Node codes of a certificate the trusted CAs do not vouch for. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Whether a low-level code is a certificate failure. */
export function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.has(code);
}

/** Error codes raised before a byte of the request left this machine. */
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

/** Finds a Node/undici/OpenSSL error code anywhere in a cause chain. */
export function findErrorCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && /^[A-Z_0-9]+$/.test(e.code)) return e.code;
  const inner = findErrorCode(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors))
    for (const sub of e.errors) {
      const c = findErrorCode(sub, depth + 1);
      if (c) return c;
    }
  return undefined;
}

function isUnusableUrl(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  if (/bad port|unknown scheme|invalid url|failed to parse url/i.test(err.message)) return true;
  return isUnusableUrl(err.cause, depth + 1);
}

/** Turns an exception from fetch or from reading the body into a transport error. */
export function classifyThrown(
  err: unknown,
  operation: string,
  state: { timedOut: boolean; userAborted: boolean; responded: boolean },
): CecTransportError {
  if (state.userAborted) return new CecTransportError({ code: 'net.aborted', operation, sent: 'maybe' });
  if (state.timedOut)
    return new CecTransportError({ code: 'net.timeout', operation, sent: state.responded ? 'yes' : 'maybe' });
  const causeCode = findErrorCode(err) ?? (isUnusableUrl(err) ? 'ERR_INVALID_URL' : undefined);
  // The handshake failed: nothing of the request was sent, and repeating cannot help.
  if (isTlsCode(causeCode))
    return new CecTransportError({ code: 'huawei.tls_untrusted', operation, sent: 'no', causeCode });
  const notSent = causeCode ? NOT_SENT[causeCode] : undefined;
  if (notSent)
    return new CecTransportError({
      code: notSent,
      operation,
      sent: 'no',
      ...(causeCode ? { causeCode } : {}),
    });
  return new CecTransportError({
    code: 'net.unreachable',
    operation,
    sent: state.responded ? 'yes' : 'maybe',
    ...(causeCode ? { causeCode } : {}),
    reason: state.responded ? 'body interrupted' : 'connection failed',
  });
}
