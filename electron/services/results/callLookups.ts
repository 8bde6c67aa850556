import type { Database } from 'better-sqlite3';
import type { CallOutcome, CallResult, TranscriptState } from '../../../shared/results';
import type { RecordingRef, StoredUtterance } from '../providers/types';
import { LABEL_SEPARATOR } from './callStore';

/** A review before its lines are placed on the recording (the provider places them). */
export interface StoredReview {
  call: CallResult;
  lines: StoredUtterance[];
  transcript: TranscriptState;
}

/** A stored call joined with its call-list row and list, as the queries read it. */
export interface CallRecord {
  callid: string;
  task_id: string | null;
  outid: string | null;
  outcome: CallOutcome;
  outcome_code: string;
  intentions: string;
  tel: string;
  caller: string;
  start_time: number | null;
  answer_time: number | null;
  end_time: number | null;
  call_ms: number;
  talk_ms: number;
  utterance_count: number;
  recording: string | null;
  transcript_state: TranscriptState;
  row_id: number | null;
  list_id: number | null;
  row_variables: string | null;
  list_name: string | null;
  list_columns: string | null;
}

export const SELECT_CALL = `SELECT c.callid, c.task_id, c.outid, c.outcome, c.outcome_code, c.intentions, c.tel,
  c.caller, c.start_time, c.answer_time, c.end_time, c.call_ms, c.talk_ms, c.utterance_count, c.recording,
  c.transcript_state,
  r.id AS row_id, r.list_id AS list_id, r.variables AS row_variables, l.name AS list_name,
  l.columns AS list_columns
  FROM result_calls c
  LEFT JOIN call_rows r ON r.id = c.row_id
  LEFT JOIN call_lists l ON l.id = r.list_id AND l.state = 'ready'`;

export function toCallResult(record: CallRecord): CallResult {
  let row: CallResult['row'] = null;
  if (record.row_id !== null && record.list_id !== null && record.list_name !== null) {
    const columns = JSON.parse(record.list_columns ?? '{}') as { variables?: string[] };
    row = {
      listId: record.list_id,
      rowId: record.row_id,
      listName: record.list_name,
      variables: JSON.parse(record.row_variables ?? '[]') as string[],
      variableNames: columns.variables ?? [],
    };
  }
  return {
    id: record.callid,
    taskId: record.task_id,
    outid: record.outid,
    outcome: record.outcome,
    outcomeCode: record.outcome_code,
    intentions: record.intentions === '' ? [] : record.intentions.split(LABEL_SEPARATOR),
    telephone: record.tel,
    callerNumber: record.caller,
    startedAt: record.start_time,
    answeredAt: record.answer_time,
    endedAt: record.end_time,
    callMs: record.call_ms,
    talkMs: record.talk_ms,
    utteranceCount: record.utterance_count,
    transcript: record.transcript_state,
    hasRecording: record.recording !== null,
    row,
  };
}

/** One call of the account with its stored lines, or null. */
export function storedCall(db: Database, accountId: string, callId: string): StoredReview | null {
  const record = db
    .prepare<[string, string], CallRecord>(`${SELECT_CALL} WHERE c.account_id = ? AND c.callid = ?`)
    .get(accountId, callId);
  return record ? reviewOf(db, accountId, toCallResult(record), record.transcript_state) : null;
}

/** Of these numbers, those the task's synced calls hold (already dialled). */
export function dialledAmong(
  db: Database,
  accountId: string,
  taskId: string,
  telephones: readonly string[],
): Set<string> {
  if (telephones.length === 0) return new Set();
  const rows = db
    .prepare<[string, string, string], { tel: string }>(
      `SELECT DISTINCT tel FROM result_calls
       WHERE account_id = ? AND task_id = ? AND tel IN (SELECT value FROM json_each(?))`,
    )
    .all(accountId, taskId, JSON.stringify(telephones));
  return new Set(rows.map((row) => row.tel));
}

/** A call's telephone as stored (masked numbers keep their `*`); undefined when unknown. */
export function telephoneOf(db: Database, accountId: string, callId: string): string | undefined {
  return db
    .prepare<[string, string], { tel: string }>(
      'SELECT tel FROM result_calls WHERE account_id = ? AND callid = ?',
    )
    .get(accountId, callId)?.tel;
}

/** Where a call's recording is (kept in main: a URL may carry a storage signature). */
export function recordingOf(
  db: Database,
  accountId: string,
  callId: string,
): RecordingRef | null | undefined {
  const row = db
    .prepare<[string, string], { recording: string | null }>(
      'SELECT recording FROM result_calls WHERE account_id = ? AND callid = ?',
    )
    .get(accountId, callId);
  if (!row) return undefined;
  return row.recording === null ? null : (JSON.parse(row.recording) as RecordingRef);
}

/** A call with its stored lines; without a stored state, `ready` when it has lines. */
export function reviewOf(
  db: Database,
  accountId: string,
  call: CallResult,
  state: TranscriptState | undefined,
): StoredReview {
  const lines = storedLines(db, accountId, call.id);
  return { call, lines, transcript: state ?? (lines.length > 0 ? 'ready' : 'none') };
}

/** A call's stored lines, in order. */
export function storedLines(db: Database, accountId: string, callId: string): StoredUtterance[] {
  return db
    .prepare<
      [string, string],
      {
        speaker: StoredUtterance['speaker'];
        text: string;
        at: number | null;
        start_ms: number | null;
        end_ms: number | null;
        remark: string | null;
      }
    >(
      `SELECT speaker, text, at, start_ms, end_ms, remark FROM result_utterances
       WHERE account_id = ? AND callid = ? ORDER BY idx`,
    )
    .all(accountId, callId)
    .map((line) => ({
      speaker: line.speaker,
      text: line.text,
      at: line.at,
      startMs: line.start_ms,
      endMs: line.end_ms,
      remark: line.remark,
    }));
}
