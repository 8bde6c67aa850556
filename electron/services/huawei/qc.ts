/**
 * Quality-inspection transcripts. The QC service takes a Bearer token from
 * `POST /apigovernance/api/oauth/tokenByAkSk` (`app_key`, `app_secret`, header
 * `X-Token-Expire` ≤ 3600 s), kept until `Expires` − 60 s and fetched again once when a call
 * answers 401; then `POST /apiaccess/CCSQM/rest/ccisqm/v1/appraisecall/detail` with
 * `{call_uuid}` and `Authorization: Bearer …`, `x-app-key`, `x-UserId`.
 */
import { CecAuthError } from './errors';
import { wireNumber, wireText } from './fields';
import type { JsonObject } from './json';
import { toQcTranscript, type TranscriptOptions } from './transcript';
import type { CecTransport } from './transport';
import type { QcTranscript } from './types';

export const QC_TOKEN_PATH = '/apigovernance/api/oauth/tokenByAkSk';
export const QC_DETAIL_PATH = '/apiaccess/CCSQM/rest/ccisqm/v1/appraisecall/detail';
/** The longest token life the service grants, and what is asked for. */
export const MAX_TOKEN_SECONDS = 3600;
/** A token is dropped this long before it expires, so no call goes out with a dying one. */
export const TOKEN_MARGIN_MS = 60_000;

/** The QC account: its app key and secret, and the operator id sent as x-UserId. */
export interface QcCredentials {
  appKey: string;
  appSecret: string;
  userId?: string;
  /** Token lifetime asked for, ≤ 3600 s (default 3600). */
  tokenSeconds?: number;
}

/** QC operations over an unsigned transport to the QC domain. */
export function qcOperations(t: CecTransport, creds: QcCredentials, now: () => number) {
  let token: { value: string; until: number } | null = null;
  let pending: Promise<string> | null = null;
  const seconds = Math.min(MAX_TOKEN_SECONDS, Math.max(60, creds.tokenSeconds ?? MAX_TOKEN_SECONDS));

  const fetchToken = async (signal?: AbortSignal): Promise<string> => {
    const body = await t.plain({
      operation: 'qcToken',
      method: 'POST',
      path: QC_TOKEN_PATH,
      json: { app_key: creds.appKey, app_secret: creds.appSecret },
      headers: { 'X-Token-Expire': String(seconds) },
      idempotent: true,
      signal,
    });
    const value = wireText(body['AccessToken']);
    if (value === '') throw new CecAuthError('huawei.qc_auth_refused', 'qcToken');
    const life = wireNumber(body['Expires']) ?? seconds;
    token = { value, until: now() + life * 1000 - TOKEN_MARGIN_MS };
    return value;
  };

  /** The cached token, or a fresh one (concurrent callers share one token request). */
  const currentToken = (signal?: AbortSignal, force = false): Promise<string> => {
    if (!force && token && now() < token.until) return Promise.resolve(token.value);
    pending ??= fetchToken(signal).finally(() => {
      pending = null;
    });
    return pending;
  };

  const detail = async (callUuid: string, signal?: AbortSignal): Promise<JsonObject> => {
    const send = (bearer: string) =>
      t.plain({
        operation: 'qcDetail',
        method: 'POST',
        path: QC_DETAIL_PATH,
        json: { call_uuid: callUuid },
        headers: {
          Authorization: `Bearer ${bearer}`,
          'x-app-key': creds.appKey,
          ...(creds.userId ? { 'x-UserId': creds.userId } : {}),
        },
        idempotent: true,
        signal,
      });
    const first = await currentToken(signal);
    try {
      return await send(first);
    } catch (err) {
      if (!(err instanceof CecAuthError)) throw err;
      // Once: a token revoked or expired early. A second 401 means the app key itself is refused.
      if (token?.value === first) token = null;
      return send(await currentToken(signal, token === null));
    }
  };

  return {
    /** The raw detail answer of one call. */
    detail,
    /** The call's transcript placed on its recording. */
    async transcript(
      callUuid: string,
      options: TranscriptOptions & { signal?: AbortSignal } = {},
    ): Promise<QcTranscript> {
      return toQcTranscript(await detail(callUuid, options.signal), options);
    },
    /** Drops the cached token (after the app key or secret changed). */
    forgetToken(): void {
      token = null;
    },
  };
}

/** The QC operations' type. */
export type QcOperations = ReturnType<typeof qcOperations>;
