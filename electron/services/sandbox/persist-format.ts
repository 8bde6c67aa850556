/**
 * The sandbox's state file, version 1: what a restarted sandbox needs to go on where it stopped
 * (tasks, rows, finished calls, the clock, the id generator), kept compact because a task may
 * hold 100,000 rows. A finished call keeps only what cannot be recomputed; its transcript and
 * recording are regenerated from its seed, as in memory (task-store.ts).
 *
 * ```
 * { format: 'campaign-desk.sandbox-state', version: 1,
 *   savedAt,   real clock (epoch ms) at which the simulated clock read simNow
 *   simNow,    the simulated clock
 *   seed,      the sandbox seed the call seeds were derived with
 *   ids,       position of the task and call id generator
 *   callers,   caller numbers, referred to by index from calls
 *   tasks: [{ id, createdAt, mode, settings (TaskSettings without slots), rows, calls }] }
 * row:  [outid, telephone, code] or [outid, telephone, code, variable]
 *       code: 0 not dialled, 1 dialled, 2 removed; +4 when deleted after being dialled
 * call: [rowStep, hex, caller, startStep, duration, status, flags] or the same plus seed,
 *       in task.calls order (by start time); rowStep and startStep are the differences from the
 *       previous call's row index and start time (the first call's are absolute), hex is the
 *       callid without `soboticall`, flags is 1 connected + 2 intent, and seed is written only
 *       when it is not hash32(callid, seed), which is how the dialer makes it.
 * ```
 *
 * Calls in progress are not written: their rows are saved as not dialled and are dialled again
 * with new callids after a restart, as a call the server dropped. The clients never saw those
 * callids (a row being dialled answers status 1 without one). Pushes still queued and the peak
 * statistics are not kept either. The signature is never part of the state.
 */

import { parseCallTimeSlot } from './calling-hours';
import { hash32 } from './random';
import type { SandboxState } from './state';
import type { CallRecord, CallRow, RowState, Task, TaskMode, TaskSettings } from './task-store';

/** Names what the file is, so a foreign JSON file is not taken for a state. */
export const STATE_FORMAT = 'campaign-desk.sandbox-state';
/** Bumped when the layout changes; a file of another version is moved aside, not read. */
export const STATE_VERSION = 1;

const CALLID_PREFIX = 'soboticall';
const ROW_STATES = ['pending', 'done', 'removed'] as const;
const DELETED_BIT = 4;
const CONNECTED_FLAG = 1;
const INTENT_FLAG = 2;
const TASK_MODES: readonly TaskMode[] = ['active', 'paused', 'ended', 'deleted'];

type SavedSettings = Omit<TaskSettings, 'slots'>;
type SavedRow = [string, string, number] | [string, string, number, string];
type SavedCall =
  | [number, string, number, number, number, number, number]
  | [number, string, number, number, number, number, number, number];

interface SavedTask {
  id: string;
  createdAt: number;
  mode: TaskMode;
  settings: SavedSettings;
  rows: SavedRow[];
  calls: SavedCall[];
}

/** The file's whole content. */
export interface SavedState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  savedAt: number;
  simNow: number;
  seed: number;
  ids: number;
  callers: string[];
  tasks: SavedTask[];
}

/** The file does not hold a state this version can read. */
export class UnreadableState extends Error {}

// ---- writing ----------------------------------------------------------------------------------

function saveSettings(s: TaskSettings): SavedSettings {
  return {
    name: s.name,
    templateId: s.templateId,
    lineType: s.lineType,
    callers: s.callers,
    robotNum: s.robotNum,
    timeType: s.timeType,
    startTime: s.startTime,
    endTime: s.endTime,
    callTimeSlot: s.callTimeSlot,
    pushUrl: s.pushUrl,
    pushType: s.pushType,
    numberHide: s.numberHide,
    exportStatus: s.exportStatus,
  };
}

function rowCode(row: CallRow): number {
  // A row being dialled is saved as not dialled: calls in progress are not kept (see above).
  const state = row.state === 'done' ? 1 : row.state === 'removed' ? 2 : 0;
  return state + (row.deleted ? DELETED_BIT : 0);
}

function savedRow(row: CallRow): SavedRow {
  const code = rowCode(row);
  return row.variable ? [row.outid, row.telephone, code, row.variable] : [row.outid, row.telephone, code];
}

/** Rows per cached piece of the file's text (see StateText). */
const ROW_CHUNK = 1024;

/**
 * The file's text, kept between saves: a task's rows never change once stored but for their
 * state code, so their JSON is cached by chunks of {@link ROW_CHUNK} rows and a chunk is written
 * again only when one of its codes changed. Saving a 100,000-row task while it dials then costs
 * the calls and a few chunks, not 100,000 rows (JSON.parse of the text equals encodeState).
 */
export class StateText {
  private readonly chunks = new WeakMap<Task, { sig: number; count: number; text: string }[]>();

  encode(sandbox: SandboxState, savedAt: number): string {
    const state = encodeState(sandbox, savedAt, false);
    const tasks = sandbox.store.order.map((task, t) => {
      const saved = JSON.stringify({ ...state.tasks[t]!, rows: undefined });
      return `${saved.slice(0, -1)},"rows":[${this.rowsText(task)}]}`;
    });
    const head = JSON.stringify({ ...state, tasks: undefined });
    return `${head.slice(0, -1)},"tasks":[${tasks.join(',')}]}`;
  }

  private rowsText(task: Task): string {
    let cached = this.chunks.get(task);
    if (!cached) this.chunks.set(task, (cached = []));
    const pieces: string[] = [];
    for (let start = 0, k = 0; start < task.rows.length; start += ROW_CHUNK, k++) {
      const end = Math.min(task.rows.length, start + ROW_CHUNK);
      // A signature of the chunk's codes (rows are only appended: the count says which are in it).
      let sig = 0;
      for (let i = start; i < end; i++) sig = (Math.imul(sig, 31) + rowCode(task.rows[i]!) + 1) | 0;
      const hit = cached[k];
      if (hit && hit.sig === sig && hit.count === end - start) {
        pieces.push(hit.text);
        continue;
      }
      const text = JSON.stringify(task.rows.slice(start, end).map(savedRow)).slice(1, -1);
      cached[k] = { sig, count: end - start, text };
      pieces.push(text);
    }
    return pieces.join(',');
  }
}

/**
 * The state of `sandbox` as the file holds it; `savedAt` is the real instant its clock matches.
 * Without `withRows` every task's rows are left empty (StateText writes them from its cache).
 */
export function encodeState(sandbox: SandboxState, savedAt: number, withRows = true): SavedState {
  const callers: string[] = [];
  const callerIndex = new Map<string, number>();
  const callerRef = (number: string): number => {
    let index = callerIndex.get(number);
    if (index === undefined) {
      index = callers.push(number) - 1;
      callerIndex.set(number, index);
    }
    return index;
  };
  const tasks = sandbox.store.order.map((task): SavedTask => {
    const rows = withRows ? task.rows.map(savedRow) : [];
    let lastRow = 0;
    let lastStart = 0;
    const calls = task.calls.map((call): SavedCall => {
      const row = task.rows[call.row.index] === call.row ? call.row.index : -1;
      const flags = (call.connected ? CONNECTED_FLAG : 0) + (call.intent ? INTENT_FLAG : 0);
      const saved: SavedCall = [
        row - lastRow,
        call.callid.slice(CALLID_PREFIX.length),
        callerRef(call.caller),
        call.startTime - lastStart,
        call.endTime - call.startTime,
        call.status,
        flags,
      ];
      if (call.seed !== hash32(call.callid, sandbox.seed)) saved.push(call.seed);
      lastRow = row;
      lastStart = call.startTime;
      return saved;
    });
    return {
      id: task.id,
      createdAt: task.createdAt,
      mode: task.mode,
      settings: saveSettings(task.settings),
      rows,
      calls,
    };
  });
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt,
    simNow: sandbox.now,
    seed: sandbox.seed,
    ids: sandbox.ids.state,
    callers,
    tasks,
  };
}

// ---- reading ----------------------------------------------------------------------------------

function fail(what: string): never {
  throw new UnreadableState(`sandbox state: bad ${what}`);
}
const int = (value: unknown, what: string): number =>
  Number.isSafeInteger(value) ? (value as number) : fail(what);
const text = (value: unknown, what: string): string => (typeof value === 'string' ? value : fail(what));
const list = (value: unknown, what: string): unknown[] => (Array.isArray(value) ? value : fail(what));
const record = (value: unknown, what: string): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(what);
const oneOf = <T>(value: unknown, allowed: readonly T[], what: string): T =>
  allowed.includes(value as T) ? (value as T) : fail(what);
const intOrNull = (value: unknown, what: string): number | null => (value === null ? null : int(value, what));
const textOrNull = (value: unknown, what: string): string | null =>
  value === null ? null : text(value, what);

function readSettings(value: unknown): TaskSettings {
  const s = record(value, 'settings');
  const hours = parseCallTimeSlot(text(s.callTimeSlot, 'callTimeSlot')) ?? fail('callTimeSlot');
  return {
    name: text(s.name, 'task name'),
    templateId: text(s.templateId, 'templateId'),
    lineType: int(s.lineType, 'lineType'),
    callers: list(s.callers, 'callers').map((c) => text(c, 'caller')),
    robotNum: int(s.robotNum, 'robotNum'),
    timeType: oneOf(s.timeType, [1, 2] as const, 'timeType'),
    startTime: intOrNull(s.startTime, 'startTime'),
    endTime: intOrNull(s.endTime, 'endTime'),
    callTimeSlot: hours.normalized,
    slots: hours.slots,
    pushUrl: textOrNull(s.pushUrl, 'pushUrl'),
    pushType: oneOf(s.pushType, [1, 2] as const, 'pushType'),
    numberHide: oneOf(s.numberHide, [0, 1, 2] as const, 'numberHide'),
    exportStatus: oneOf(s.exportStatus, [0, 1] as const, 'exportStatus'),
  };
}

function readRows(sandbox: SandboxState, task: Task, value: unknown): void {
  for (const item of list(value, 'rows')) {
    const row = list(item, 'row');
    const code = int(row[2], 'row code');
    if (code < 0 || code > 7) fail('row code');
    const state: Exclude<RowState, 'dialling'> = ROW_STATES[code & ~DELETED_BIT] ?? fail('row code');
    sandbox.store.restoreRow(task, {
      outid: text(row[0], 'outid'),
      telephone: text(row[1], 'telephone'),
      variable: row.length > 3 ? text(row[3], 'variable') : '',
      state,
      deleted: (code & DELETED_BIT) !== 0,
    });
  }
}

function readCalls(sandbox: SandboxState, task: Task, value: unknown, callers: string[], seed: number): void {
  let rowIndex = 0;
  let start = 0;
  for (const item of list(value, 'calls')) {
    const saved = list(item, 'call');
    rowIndex += int(saved[0], 'call row');
    const row = task.rows[rowIndex];
    if (row?.state !== 'done') fail('call row');
    const hex = text(saved[1], 'callid');
    if (!/^[0-9a-f]{32}$/.test(hex)) fail('callid');
    const callid = `${CALLID_PREFIX}${hex}`;
    if (sandbox.store.call(callid)) fail('callid (twice)');
    const step = int(saved[3], 'call start');
    if (step < 0 && task.calls.length > 0) fail('call order');
    start += step;
    const duration = int(saved[4], 'call duration');
    if (duration < 0) fail('call duration');
    const flags = int(saved[6], 'call flags');
    const call: CallRecord = {
      callid,
      taskId: task.id,
      row,
      caller: callers[int(saved[2], 'caller')] ?? fail('caller'),
      seed: saved.length > 7 ? int(saved[7], 'call seed') : hash32(callid, seed),
      startTime: start,
      endTime: start + duration,
      status: int(saved[5], 'call status'),
      connected: (flags & CONNECTED_FLAG) !== 0,
      intent: (flags & INTENT_FLAG) !== 0,
    };
    sandbox.store.fileCall(task, call);
  }
}

/**
 * Fills a fresh `sandbox` with the state in `data` (the parsed file) and sets its clock to the
 * saved one; answers the real instant that clock matched. Throws UnreadableState when `data` is
 * not a version-1 state; the sandbox may then be half filled and must be thrown away.
 */
export function decodeState(sandbox: SandboxState, data: unknown): { savedAt: number } {
  const state = record(data, 'file');
  if (state.format !== STATE_FORMAT) fail('format');
  if (state.version !== STATE_VERSION) fail(`version ${String(state.version)}`);
  const seed = typeof state.seed === 'number' && Number.isFinite(state.seed) ? state.seed : fail('seed');
  const ids = int(state.ids, 'id generator');
  if (ids < 0 || ids > 0xffffffff) fail('id generator');
  const callers = list(state.callers, 'callers').map((c) => text(c, 'caller'));
  for (const item of list(state.tasks, 'tasks')) {
    const saved = record(item, 'task');
    const task = sandbox.store.restoreTask(
      text(saved.id, 'task id'),
      int(saved.createdAt, 'createdAt'),
      readSettings(saved.settings),
      oneOf(saved.mode, TASK_MODES, 'mode'),
    );
    readRows(sandbox, task, saved.rows);
    readCalls(sandbox, task, saved.calls, callers, seed);
  }
  sandbox.ids.state = ids;
  sandbox.dialer.now = int(state.simNow, 'simNow');
  return { savedAt: int(state.savedAt, 'savedAt') };
}
