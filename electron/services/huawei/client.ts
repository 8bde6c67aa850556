/**
 * The Huawei Cloud CEC client of one account: CC-iSales campaigns, numbers and results, CC-FS
 * recordings (auth-v2 signed) and QC transcripts (Bearer token), over one limiter (≤ 10
 * requests in flight, as the result query asks) and the account's shared add-numbers pacer.
 */
import { silentLogger, type Logger } from '../log';
import { createLimiter } from '../http/limiter';
import { resolveRetry, type RetryOptions } from '../http/retry';
import { campaignOperations, ISALES_V1 } from './campaigns';
import { CecValidationError } from './errors';
import { addNumberRows, type AddNumbersOptions, type AddNumbersReport, type WireNumber } from './numbers';
import { pacerFor, type Pacer } from './pacer';
import { qcOperations, type QcCredentials } from './qc';
import { downloadRecording, recordingSource, type RecordingFetch, type RecordingOptions } from './recordings';
import { resultOperations } from './results';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time';
import { tlsSetup, type HttpFetch } from './tls';
import { createTransport, pathOf } from './transport';
import type { NumberRow, QcTranscript, RecordingSource } from './types';
import type { TranscriptOptions } from './transcript';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_CONCURRENCY = 10;
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** How to reach one CEC account. Secrets come from the keychain at construction, never a file. */
export interface HuaweiClientOptions {
  /** `https://host:port` of CC-iSales and CC-FS. */
  baseUrl: string;
  ak: string;
  sk: string;
  vdnId: number | string;
  /** IANA zone of the tenant (callTimeStr, result days); default Asia/Shanghai. */
  timeZone?: string;
  /** PEM of the tenant's private CA; TLS is verified against it plus the public roots. */
  caPem?: string;
  /** The QC service, when the account has one. */
  qc?: QcCredentials & { baseUrl: string };
  fetch?: HttpFetch;
  /** The signing clock (tests pass a fixed one; a skewed one is what a 401 usually means). */
  now?: () => number;
  timeoutMs?: number;
  maxConcurrency?: number;
  retry?: RetryOptions | false;
  log?: Logger;
  /** The account's add-numbers pacer; default: the one shared by every client of this account. */
  pacer?: Pacer;
}

/** Builds a client. @throws CecValidationError for an unusable base URL, vdnId or zone */
export function createHuaweiCecClient(options: HuaweiClientOptions) {
  const vdnId = String(options.vdnId).trim();
  if (!/^\d{1,4}$/.test(vdnId) || Number(vdnId) < 1) throw new CecValidationError('vdnId', '1 to 9999');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new CecValidationError('timeZone', 'not a known IANA time zone');
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new CecValidationError('baseUrl', 'not a URL');
  }
  const now = options.now ?? Date.now;
  const log = options.log ?? silentLogger;
  const tls = tlsSetup(options.caPem, options.fetch);
  const retry = resolveRetry(options.retry);
  const limiter = createLimiter(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY);
  const shared = {
    ak: options.ak,
    sk: options.sk,
    fetch: tls.fetch,
    init: tls.init,
    now,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    limiter,
    log,
    retry,
    maxJsonBytes: MAX_JSON_BYTES,
  };
  const transport = createTransport({ ...shared, baseUrl: options.baseUrl });
  const qcTransport = options.qc ? createTransport({ ...shared, baseUrl: options.qc.baseUrl }) : null;
  const pacer = options.pacer ?? pacerFor(`${base.host}|${options.ak}|${vdnId}`);
  const campaigns = campaignOperations(transport, vdnId, now);
  const results = resultOperations(transport, vdnId, timeZone);
  const qc = options.qc && qcTransport ? qcOperations(qcTransport, options.qc, now) : null;

  const sendNumbers =
    (campaignId: string) => (rows: WireNumber[], signal?: AbortSignal, onDispatch?: () => void) =>
      transport.json({
        operation: 'addNumbers',
        method: 'POST',
        path: pathOf(ISALES_V1, vdnId, 'calldata', campaignId),
        json: { callDataList: rows },
        idempotent: false,
        signal,
        ...(onDispatch ? { onDispatch } : {}),
      });

  return {
    vdnId,
    timeZone,
    /** Signs one harmless call (the first campaign page); a 401 says AK/SK or the clock is wrong. */
    checkAccount: (signal?: AbortSignal) =>
      campaigns.listPage({ page: 1, rowsPerPage: 1, ...(signal ? { signal } : {}) }).then(() => undefined),
    createCampaign: campaigns.create,
    listCampaigns: campaigns.listPage,
    listAllCampaigns: campaigns.listAll,
    campaignDetail: campaigns.detail,
    pauseCampaign: campaigns.pause,
    resumeCampaign: campaigns.resume,
    deleteCampaign: campaigns.remove,
    /** Adds rows (≤ 20 a request, ≥ 1 s apart on the account's pacer), a fate per row. */
    addNumbers: (
      campaignId: string,
      rows: readonly NumberRow[],
      opts: Omit<AddNumbersOptions, 'pacer'> = {},
    ): Promise<AddNumbersReport> => addNumberRows(rows, sendNumbers(campaignId), { ...opts, pacer }),
    /**
     * Deletes numbers of a campaign that were not dialled yet, by sessionId, called or
     * customField (the last deletes every row carrying it). Refused while the campaign runs.
     */
    deleteNumbers: async (
      campaignId: string,
      selector: { sessionId: string } | { called: string } | { customField: string },
      signal?: AbortSignal,
    ): Promise<void> => {
      await transport.json({
        operation: 'deleteNumbers',
        method: 'POST',
        path: pathOf(ISALES_V1, vdnId, 'calldata', campaignId, 'delete'),
        json: selector,
        idempotent: false,
        signal,
      });
    },
    callResults: results.callResults,
    callResultDetail: results.detail,
    statistics: results.statistics,
    recordingSource,
    /** The recording of a call (bytes from CC-FS, or a URL for the media proxy, or none). */
    downloadRecording: (source: RecordingSource, opts?: RecordingOptions): Promise<RecordingFetch> =>
      downloadRecording(transport, source, opts),
    /** Whether this account can fetch QC transcripts. */
    hasQc: qc !== null,
    /** A call's QC transcript, placed on its recording. */
    qcTranscript: (
      callUuid: string,
      opts?: TranscriptOptions & { signal?: AbortSignal },
    ): Promise<QcTranscript> => {
      if (!qc)
        return Promise.reject(new CecValidationError('qc', 'the account has no QC service configured'));
      return qc.transcript(callUuid, opts);
    },
    /** Frees the TLS agent's sockets. */
    close: (): Promise<void> => tls.close(),
  };
}

/** The client of one CEC account. */
export type HuaweiCecClient = ReturnType<typeof createHuaweiCecClient>;
