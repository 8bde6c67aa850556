/**
 * Adding numbers to a campaign: the limits checked before anything is sent, requests of at most
 * 20 rows with `called` unique inside each, spaced by the account's pacer, and the rows a
 * request was refused for isolated the way the Sobot uploader does it (halve the request until
 * the bad rows stand alone), since one bad row fails the whole request. Every input row ends
 * with one fate: accepted (with its dataId when the answer names it), rejected (code, reason),
 * uncertain (its request's answer was lost) or not sent (the upload stopped first).
 */
import { CEC_NUMBER_PROBLEMS, type CecNumberProblem } from '../../../shared/codes/huaweiCec';
import { TransportError } from '../http/errors';
import { CecError } from './errors';
import { pick, wireText } from './fields';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { Pacer } from './pacer';
import type { NumberRow, RowFate } from './types';

export const MAX_SESSION_ID_CHARS = 32;
export const MAX_CALLED_CHARS = 24;
export const MAX_CUSTOM_FIELD_CHARS = 200;
export const MAX_CALL_DATA_BYTES = 1024;
/** CC-iSales v1 takes at most 20 records a call. */
export const MAX_ROWS_PER_REQUEST = 20;

/** Codes that mean "some row of this request is bad": split to find it. */
const ROW_CODES = new Set(['0200018', '0200024', '0200001', '0200029']);
const isParamCode = (code: string): boolean => /^020000(0[1-9]|1[01])$/.test(code);
/** "Too fast": nothing was applied; wait and send the same request again. */
export const TOO_FAST = '0200022';
const TOO_FAST_RETRIES = 5;

/** The wire form of a row: `callData` as its JSON string. */
export interface WireNumber {
  sessionId: string;
  called: string;
  customField?: string;
  callData?: string;
}

const chars = (s: string): number => [...s].length;

/** The callData string of a row's variables (JSON), or undefined without variables. */
export function callDataText(callData: NumberRow['callData']): string | undefined {
  if (!callData || Object.keys(callData).length === 0) return undefined;
  return JSON.stringify(callData);
}

/** The first problem of one row on its own (repeats are found by {@link checkNumberRows}). */
export function checkNumberRow(row: NumberRow): CecNumberProblem | null {
  const sessionId = row.sessionId.trim();
  const called = row.called.trim();
  if (sessionId === '') return 'session_id_empty';
  if (chars(sessionId) > MAX_SESSION_ID_CHARS) return 'session_id_too_long';
  if (called === '') return 'called_empty';
  if (!/^[0-9*#]+$/.test(called)) return 'called_characters';
  if (called.length > MAX_CALLED_CHARS) return 'called_too_long';
  if (row.customField !== undefined && chars(row.customField) > MAX_CUSTOM_FIELD_CHARS)
    return 'custom_field_too_long';
  const data = callDataText(row.callData);
  if (data !== undefined && new TextEncoder().encode(data).length > MAX_CALL_DATA_BYTES)
    return 'call_data_too_large';
  return null;
}

/** A row found unsendable, by input position. */
export interface RowProblem {
  index: number;
  problem: CecNumberProblem;
}

/**
 * The pure check the upload plan runs before anything is sent: each row's limits, and
 * sessionIds repeated within the upload (the key outcomes come back with).
 */
export function checkNumberRows(rows: readonly NumberRow[]): { ok: number[]; problems: RowProblem[] } {
  const ok: number[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const problem = checkNumberRow(row);
    if (problem) return problems.push({ index, problem });
    const key = row.sessionId.trim();
    if (seen.has(key)) return problems.push({ index, problem: 'session_id_repeated' });
    seen.add(key);
    ok.push(index);
  });
  return { ok, problems };
}

function toWire(row: NumberRow): WireNumber {
  const wire: WireNumber = { sessionId: row.sessionId.trim(), called: row.called.trim() };
  if (row.customField !== undefined && row.customField !== '') wire.customField = row.customField;
  const data = callDataText(row.callData);
  if (data !== undefined) wire.callData = data;
  return wire;
}

/**
 * Groups row indices into requests of at most `maxRows`, each with distinct `called` numbers
 * (a number repeated in the list goes into a later request), keeping upload order otherwise.
 */
export function planRequests(
  rows: readonly WireNumber[],
  indices: readonly number[],
  maxRows: number,
): number[][] {
  const open: { indices: number[]; called: Set<string> }[] = [];
  const done: number[][] = [];
  for (const index of indices) {
    const called = rows[index]!.called;
    let target = open.find((b) => !b.called.has(called));
    if (!target) {
      target = { indices: [], called: new Set() };
      open.push(target);
    }
    target.indices.push(index);
    target.called.add(called);
    if (target.indices.length >= maxRows) {
      done.push(target.indices);
      open.splice(open.indexOf(target), 1);
    }
  }
  // Requests in the order of their first row, so the list goes in roughly as uploaded.
  return [...done, ...open.map((b) => b.indices)].sort((a, b) => a[0]! - b[0]!);
}

/** Reads the dataIds an answer gives, by sessionId when it says which, else by position. */
export function readDataIds(answer: JsonObject, sent: readonly WireNumber[]): (string | null)[] {
  const holders: (JsonValue | undefined)[] = [
    answer['returnObject'],
    answer['data'],
    answer['result'],
    answer,
  ];
  let entries: JsonValue[] = [];
  for (const holder of holders) {
    if (Array.isArray(holder)) entries = holder;
    else if (isJsonObject(holder)) {
      const list = pick(holder, 'dataIdList', 'dataIds', 'callDataList', 'data');
      if (Array.isArray(list)) entries = list;
    }
    if (entries.length > 0) break;
  }
  const bySession = new Map<string, string>();
  const inOrder: string[] = [];
  for (const entry of entries) {
    const id = isJsonObject(entry) ? wireText(entry['dataId']) : wireText(entry);
    if (id === '') continue;
    inOrder.push(id);
    if (isJsonObject(entry) && wireText(entry['sessionId']) !== '')
      bySession.set(wireText(entry['sessionId']), id);
  }
  return sent.map(
    (row, i) => bySession.get(row.sessionId) ?? (inOrder.length === sent.length ? inOrder[i]! : null),
  );
}

/** Progress after each answered request. */
export interface AddNumbersProgress {
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  uncertainRows: number;
  requests: number;
}

/** What happened to every input row. */
export interface AddNumbersReport {
  /** One fate per input row, by input position. */
  fates: RowFate[];
  /** The error that stopped the upload (abort, network, a campaign-level code); absent if complete. */
  stoppedBy?: CecError | TransportError;
}

/** Options of {@link addNumberRows}. */
export interface AddNumbersOptions {
  pacer: Pacer;
  signal?: AbortSignal;
  /** Called with the input positions of a request just before it is sent (for a journal). */
  onSend?: (indices: readonly number[]) => void;
  onProgress?: (progress: AddNumbersProgress) => void;
  /** Rows per request (≤ 20). */
  maxRows?: number;
  /** Waits after a 0200022 before the same request goes again (default 1 s, 2 s, 4 s, …). */
  tooFastDelayMs?: (attempt: number) => number;
}

/**
 * Sends one request's rows; resolves with the success answer. `onDispatch` is called just before
 * the request leaves (the pacer's spacing counts from then, not from when its turn came).
 */
export type NumberSender = (
  rows: WireNumber[],
  signal?: AbortSignal,
  onDispatch?: () => void,
) => Promise<JsonObject>;

/** Adds rows to a campaign (see the module comment). */
export async function addNumberRows(
  rows: readonly NumberRow[],
  send: NumberSender,
  options: AddNumbersOptions,
): Promise<AddNumbersReport> {
  const fates: RowFate[] = rows.map(() => ({ fate: 'not_sent' }));
  const { ok, problems } = checkNumberRows(rows);
  for (const { index, problem } of problems)
    fates[index] = { fate: 'rejected', code: 'huawei.row_rejected', reason: CEC_NUMBER_PROBLEMS[problem].en };
  const wire = rows.map(toWire);
  const counts = { acceptedRows: 0, rejectedRows: problems.length, uncertainRows: 0, requests: 0 };
  const progress = (): void => options.onProgress?.({ totalRows: rows.length, ...counts });
  const delay = options.tooFastDelayMs ?? ((attempt) => 1000 * 2 ** (attempt - 1));

  const sendOnce = async (indices: number[]): Promise<JsonObject> => {
    for (let attempt = 1; ; attempt++) {
      const turn = await options.pacer.turn(options.signal);
      options.onSend?.(indices);
      counts.requests++;
      try {
        return await send(
          indices.map((i) => wire[i]!),
          options.signal,
          turn.dispatched,
        );
      } catch (err) {
        if (!(err instanceof CecError && err.code === TOO_FAST) || attempt > TOO_FAST_RETRIES) throw err;
        options.pacer.backOff(delay(attempt));
      } finally {
        turn.done();
      }
    }
  };

  const sendRequest = async (indices: number[]): Promise<void> => {
    try {
      const answer = await sendOnce(indices);
      const ids = readDataIds(
        answer,
        indices.map((i) => wire[i]!),
      );
      indices.forEach((index, k) => (fates[index] = { fate: 'accepted', dataId: ids[k] ?? null }));
      counts.acceptedRows += indices.length;
      progress();
    } catch (err) {
      if (err instanceof CecError && (ROW_CODES.has(err.code) || isParamCode(err.code))) {
        if (indices.length > 1) {
          const mid = Math.ceil(indices.length / 2);
          await sendRequest(indices.slice(0, mid));
          await sendRequest(indices.slice(mid));
          return;
        }
        if (err.code !== '0200029') {
          fates[indices[0]!] = { fate: 'rejected', code: `huawei.${err.code}`, reason: err.meaning.en };
          counts.rejectedRows++;
          progress();
          return;
        }
      }
      if (err instanceof TransportError && err.sent !== 'no' && err.code !== 'net.aborted') {
        for (const index of indices) fates[index] = { fate: 'uncertain', code: err.code };
        counts.uncertainRows += indices.length;
        progress();
      }
      throw err;
    }
  };

  progress();
  try {
    for (const request of planRequests(
      wire,
      ok,
      Math.min(options.maxRows ?? MAX_ROWS_PER_REQUEST, MAX_ROWS_PER_REQUEST),
    ))
      await sendRequest(request);
  } catch (err) {
    if (!(err instanceof CecError || err instanceof TransportError)) throw err;
    return { fates, stoppedBy: err };
  }
  return { fates };
}

/** Counts of a report, for summaries. */
export function countFates(fates: readonly RowFate[]): Record<RowFate['fate'], number> {
  const out = { accepted: 0, rejected: 0, uncertain: 0, not_sent: 0 };
  for (const f of fates) out[f.fate]++;
  return out;
}

/** Accepted rows' dataIds out of a report (a convenience for the adapter). */
export function acceptedDataIds(fates: readonly RowFate[]): string[] {
  return fates.flatMap((f) => (f.fate === 'accepted' && f.dataId ? [f.dataId] : []));
}
