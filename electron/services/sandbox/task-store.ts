/**
 * The in-memory task store: tasks, their uploaded rows and their completed calls.
 *
 * Memory is kept small per call: a completed call keeps only what cannot be recomputed (its
 * timing seed, caller and outcome); its transcript and recording are regenerated on demand from
 * the seed. The store also caps the number of rows it holds, so a runaway client cannot exhaust
 * the host.
 */

import { reject } from './codes';
import type { TimeSlot } from './calling-hours';
import { hexDigits, type Rng } from './random';

/** The settings `add_task` sets and `editor_task` may change. */
export interface TaskSettings {
  name: string;
  templateId: string;
  lineType: number;
  callers: string[];
  robotNum: number;
  timeType: 1 | 2;
  /** Validity window (ms), only for time_type 1. */
  startTime: number | null;
  endTime: number | null;
  callTimeSlot: string;
  slots: TimeSlot[];
  pushUrl: string | null;
  pushType: 1 | 2;
  numberHide: 0 | 1 | 2;
  exportStatus: 0 | 1;
}

export type RowState = 'pending' | 'dialling' | 'done' | 'removed';

/** One uploaded row (`telephone`, `outid`, `variable`). */
export interface CallRow {
  /** Its place in `task.rows` (rows are only ever appended), so saving needs no lookup. */
  index: number;
  outid: string;
  telephone: string;
  variable: string;
  state: RowState;
  /** The latest completed call of this row. */
  lastCall: CallRecord | null;
  /** Set by delete_task_data after the row was dialled: its results then carry del_flag -1. */
  deleted: boolean;
}

/** One completed (or, while `endTime` is in the future of the clock, ongoing) call. */
export interface CallRecord {
  callid: string;
  taskId: string;
  row: CallRow;
  caller: string;
  /** Seed from which the outcome, transcript and recording are regenerated. */
  seed: number;
  startTime: number;
  endTime: number;
  status: number;
  connected: boolean;
  intent: boolean;
}

/** What the life cycle is set to by the operator; the visible task_status is derived. */
export type TaskMode = 'active' | 'paused' | 'ended' | 'deleted';

export interface Task {
  id: string;
  createdAt: number;
  settings: TaskSettings;
  mode: TaskMode;
  rows: CallRow[];
  rowsByOutid: Map<string, CallRow>;
  /** Index of the first row that may still be pending (rows are dialled in upload order). */
  cursor: number;
  /** Rows not removed by delete_task_data. */
  liveRows: number;
  pendingRows: number;
  activeCalls: number;
  /** Completed calls sorted by start_time (what the result queries page through). */
  calls: CallRecord[];
  connectedCalls: number;
  intentCalls: number;
}

/** Rows the whole sandbox will hold before refusing uploads (bounded memory). */
export const MAX_STORED_ROWS = 2_000_000;

export class TaskStore {
  private readonly byId = new Map<string, Task>();
  private readonly callsById = new Map<string, CallRecord>();
  /** Tasks in creation order: robots are handed out first come, first served. */
  readonly order: Task[] = [];
  storedRows = 0;
  /**
   * A fault mode for the uploader's exactly-once tests: a server that does not deduplicate
   * stores (and dials) a repeated outid again, so a row sent twice shows up twice.
   */
  storeRepeats = false;
  /** How many times each outid arrived per task (every upload, repeats included). */
  readonly arrivals = new Map<string, Map<string, number>>();

  constructor(private readonly rng: Rng) {}

  /** Creates a task (task_status 0 until it has rows and is inside its windows). */
  create(settings: TaskSettings, now: number): Task {
    let id: string;
    do id = `10001${hexDigits(this.rng, 32)}`;
    while (this.byId.has(id));
    return this.register(id, now, settings, 'active');
  }

  /** Puts back a task read from the state file, still without rows (see persist-format.ts). */
  restoreTask(id: string, createdAt: number, settings: TaskSettings, mode: TaskMode): Task {
    if (this.byId.has(id)) throw new Error(`task ${id} appears twice`);
    return this.register(id, createdAt, settings, mode);
  }

  private register(id: string, createdAt: number, settings: TaskSettings, mode: TaskMode): Task {
    const task: Task = {
      id,
      createdAt,
      settings,
      mode,
      rows: [],
      rowsByOutid: new Map(),
      cursor: 0,
      liveRows: 0,
      pendingRows: 0,
      activeCalls: 0,
      calls: [],
      connectedCalls: 0,
      intentCalls: 0,
    };
    this.byId.set(id, task);
    this.order.push(task);
    return task;
  }

  get(id: string): Task | undefined {
    return this.byId.get(id);
  }

  /**
   * The task a request names: 320021 when the id is missing, 320022 when unknown, 320020 when
   * deleted (unless the caller reports deleted tasks, like query_task_info). Not named
   * after Node's CommonJS loader function: electron-vite takes a call of that name anywhere in
   * the main bundle for CommonJS and inserts a shim after the last thing that looks like an
   * import statement, which can be inside a string.
   */
  mustFind(taskId: string | undefined, allowDeleted = false): Task {
    if (!taskId) reject('320021');
    const task = this.byId.get(taskId);
    if (!task) reject('320022');
    if (task.mode === 'deleted' && !allowDeleted) reject('320020');
    return task;
  }

  /** A fresh call id in the vendor's shape (`soboticall` + 32 hex). */
  newCallId(): string {
    let id: string;
    do id = `soboticall${hexDigits(this.rng, 32)}`;
    while (this.callsById.has(id));
    return id;
  }

  /** Adds a row; false when the outid is already in the task (a repeat, not stored). */
  addRow(task: Task, outid: string, telephone: string, variable: string): boolean {
    const arrived = this.arrivals.get(task.id) ?? new Map<string, number>();
    this.arrivals.set(task.id, arrived);
    arrived.set(outid, (arrived.get(outid) ?? 0) + 1);
    const repeat = task.rowsByOutid.has(outid);
    if (repeat && !this.storeRepeats) return false;
    const row: CallRow = {
      index: task.rows.length,
      outid,
      telephone,
      variable,
      state: 'pending',
      lastCall: null,
      deleted: false,
    };
    task.rows.push(row);
    if (!repeat) task.rowsByOutid.set(outid, row);
    task.liveRows++;
    task.pendingRows++;
    this.storedRows++;
    return true;
  }

  /**
   * Puts back a row read from the state file. Its counters follow its state as if it had been
   * uploaded and then dialled or removed; a removed row stays in `rows` (it still counts
   * against the stored-row cap) but not in `rowsByOutid`, so its outid may be uploaded again.
   */
  restoreRow(
    task: Task,
    saved: Pick<CallRow, 'outid' | 'telephone' | 'variable' | 'deleted'> & {
      state: Exclude<RowState, 'dialling'>;
    },
  ): CallRow {
    // Written out in addRow's order, so every row has one shape (saving 100,000 of them is faster).
    const row: CallRow = {
      index: task.rows.length,
      outid: saved.outid,
      telephone: saved.telephone,
      variable: saved.variable,
      state: saved.state,
      lastCall: null,
      deleted: saved.deleted,
    };
    if (row.state !== 'removed') {
      if (task.rowsByOutid.has(row.outid)) throw new Error(`outid ${row.outid} appears twice in ${task.id}`);
      task.rowsByOutid.set(row.outid, row);
      task.liveRows++;
    }
    if (row.state === 'pending') task.pendingRows++;
    task.rows.push(row);
    this.storedRows++;
    return row;
  }

  /** Files a completed call: keeps `task.calls` sorted by start time and indexes the callid. */
  fileCall(task: Task, call: CallRecord): void {
    const calls = task.calls;
    // Calls complete nearly in start order (at most a few robots overlap): search from the end.
    let at = calls.length;
    while (at > 0 && calls[at - 1]!.startTime > call.startTime) at--;
    calls.splice(at, 0, call);
    this.callsById.set(call.callid, call);
    call.row.lastCall = call;
    if (call.connected) task.connectedCalls++;
    if (call.intent) task.intentCalls++;
  }

  /** A completed call by id (for the recording URL). */
  call(callid: string): CallRecord | undefined {
    return this.callsById.get(callid);
  }

  /** The next pending row of the task, advancing its cursor past dialled or removed rows. */
  nextPendingRow(task: Task): CallRow | undefined {
    while (task.cursor < task.rows.length && task.rows[task.cursor]!.state !== 'pending') task.cursor++;
    return task.rows[task.cursor];
  }
}
