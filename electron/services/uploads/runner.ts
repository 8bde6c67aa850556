/**
 * Runs one upload from its journal until it is done, paused, cancelled or stopped by an error.
 *
 * The rule that makes a crash harmless: a row is written `sending` (committed) before the
 * request that carries it, and gets its outcome after the answer. On every (re)start, rows still
 * `sending` or `uncertain` are looked up on the task with query_task_data before anything else
 * is sent: found → accepted, not found → pending again. So no outid is sent twice to a task that
 * holds it, and none is skipped.
 */
import type { UploadRowCounts, UploadRowState, UploadState } from '../../../shared/uploads';
import type { Logger } from '../log';
import { SobotError, TransportError, type SobotClient } from '../sobot/index';
import { toUploadError } from './describe';
import { uploadFailure } from './errors';
import type { JournalRow, RowOutcome, UploadJournal, UploadRecord } from './journal';
import { findOnTask } from './reconcile';
import { mayBeFiltered } from './selection';
import { progressOf } from './summary';
import { FIRST_DATA_ROW, MAX_FILE_BYTES, MAX_FILE_ROWS, writeUploadWorkbook } from './workbook';
import type { UploadProgress } from '../../../shared/uploads';

/** Lost answers in a row (each reconciled) before the upload stops instead of going on. */
const MAX_LOST_IN_A_ROW = 3;
/** Reconciliation answers journaled per transaction (a crash mid-way keeps what was learnt). */
const RECONCILE_COMMIT_EVERY = 100;

/** What a runner needs. */
export interface RunnerDeps {
  journal: UploadJournal;
  client: SobotClient;
  uploadId: number;
  now: () => number;
  log: Logger;
  /** query_task_data calls in flight while reconciling or verifying. */
  concurrency: number;
  /** Which accepted rows to look up afterwards to find silently filtered ones. */
  verify: 'suspect' | 'all' | 'none';
  emit: (progress: UploadProgress) => void;
}

/** A request whose answer was lost: its rows are `uncertain` until reconciled. */
class LostAnswer {
  constructor(readonly error: unknown) {}
}

/** One run of one upload (start or resume). */
export class UploadRunner {
  private request: 'pause' | 'cancel' | null = null;
  private counts: UploadRowCounts;
  private readonly startedAt: number;
  private answeredThisRun = 0;
  private phase: UploadProgress['phase'] = 'idle';

  constructor(private readonly deps: RunnerDeps) {
    this.counts = deps.journal.counts(deps.uploadId);
    this.startedAt = deps.now();
  }

  /** Stops after the request in flight (never mid-request: its rows would become uncertain). */
  requestStop(kind: 'pause' | 'cancel'): void {
    if (this.request !== 'cancel') this.request = kind;
  }

  private get record(): UploadRecord {
    return this.deps.journal.get(this.deps.uploadId);
  }

  /** Runs to the end of this run; never throws for provider or network failures (they are journaled). */
  async run(): Promise<UploadState> {
    const { journal, uploadId, log } = this.deps;
    try {
      await this.reconcile();
      let lost = 0;
      for (;;) {
        const record = this.record;
        const stop = this.request ?? record.requested;
        if (stop) return this.finish(stop === 'pause' ? 'paused' : 'cancelled');
        const limit = record.via === 'data' ? record.batch_rows : MAX_FILE_ROWS;
        const rows = journal.rowsIn(uploadId, ['pending'], limit);
        if (rows.length === 0) break;
        this.phase = 'sending';
        const outcome =
          record.via === 'data' ? await this.sendBatch(record, rows) : await this.sendFile(record, rows);
        if (outcome instanceof LostAnswer) {
          if (++lost > MAX_LOST_IN_A_ROW) throw outcome.error;
          log.warn('upload: answer lost, reconciling', { uploadId });
          await this.reconcile();
        } else lost = 0;
      }
      await this.verify();
      return this.finish('done');
    } catch (error) {
      const failure = toUploadError(error);
      if (failure.code === 'app.unexpected')
        log.error('upload failed unexpectedly', { uploadId, error: String(error) });
      journal.update(uploadId, {
        state: 'failed',
        requested: null,
        error_code: failure.code,
        error_detail: failure.detail ?? null,
        error_text: JSON.stringify(failure.message),
      });
      this.emit();
      return 'failed';
    }
  }

  private finish(state: UploadState): UploadState {
    const final = state === 'done' || state === 'cancelled';
    this.deps.journal.update(this.deps.uploadId, {
      state,
      requested: null,
      error_code: null,
      error_detail: null,
      error_text: null,
      finished_at: final ? this.deps.now() : null,
    });
    this.phase = 'idle';
    this.emit();
    return state;
  }

  /** Journals outcomes and keeps the in-memory counts in step. */
  private record_(outcomes: readonly (RowOutcome & { from: UploadRowState })[], answered = 0): void {
    this.deps.journal.record(this.deps.uploadId, outcomes, answered);
    for (const o of outcomes) {
      this.counts[o.from]--;
      this.counts[o.state]++;
      if (o.from === 'sending' && o.state !== 'pending' && o.state !== 'uncertain') this.answeredThisRun++;
    }
  }

  private markSending(rows: readonly JournalRow[]): void {
    this.record_(rows.map((r) => ({ outid: r.outid, state: 'sending', from: r.state })));
  }

  /** One add_task_data batch through the client (which isolates malformed rows by halving). */
  private async sendBatch(
    record: UploadRecord,
    rows: readonly JournalRow[],
  ): Promise<LostAnswer | undefined> {
    this.markSending(rows);
    const report = await this.deps.client.addTaskData({
      taskid: record.task_id,
      data: rows.map((r) => ({
        telephone: r.telephone,
        outid: r.outid,
        ...(r.variable === '' ? {} : { variable: r.variable }),
      })),
    });
    const outcomes: (RowOutcome & { from: UploadRowState })[] = [];
    for (const outid of report.accepted) outcomes.push({ outid, state: 'accepted', from: 'sending' });
    for (const r of report.rejected)
      outcomes.push({ outid: r.outid, state: 'rejected', code: r.code, reason: r.reason, from: 'sending' });
    for (const outid of report.uncertain) outcomes.push({ outid, state: 'uncertain', from: 'sending' });
    for (const outid of report.notSent) outcomes.push({ outid, state: 'pending', from: 'sending' });
    this.record_(outcomes, report.accepted.length + report.rejected.length > 0 ? 1 : 0);
    this.emit();
    const stop = report.stoppedBy;
    if (!stop) return;
    if (report.uncertain.length > 0) return new LostAnswer(stop);
    // The document sets no batch size; a server that finds ours too big says 320029: halve it.
    if (stop instanceof SobotError && stop.code === '320029' && record.batch_rows > 1) {
      this.deps.journal.update(record.id, { batch_rows: Math.ceil(record.batch_rows / 2) });
      this.deps.log.warn('upload: batch too large for the provider, halving', { uploadId: record.id });
      return;
    }
    throw stop;
  }

  /** One workbook through add_task_file_data; `error_data` row numbers map back to rows. */
  private async sendFile(record: UploadRecord, rows: readonly JournalRow[]): Promise<LostAnswer | undefined> {
    const variables = JSON.parse(record.variables) as { template: string | null }[];
    const names = variables.flatMap((v) => (v.template === null ? [] : [v.template]));
    const file = await writeUploadWorkbook(rows, names);
    if (file.length > MAX_FILE_BYTES) throw uploadFailure('uploads.file_too_large', `${file.length} bytes`);
    this.markSending(rows);
    let result;
    try {
      result = await this.deps.client.addTaskFileData({
        taskid: record.task_id,
        data_file: new Uint8Array(file),
        filename: `list-${record.list_id}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    } catch (error) {
      const maybeSent = error instanceof TransportError && error.sent !== 'no';
      const state = maybeSent ? 'uncertain' : 'pending';
      this.record_(rows.map((r) => ({ outid: r.outid, state, from: 'sending' as const })));
      if (maybeSent) return new LostAnswer(error);
      throw error;
    }
    const failed = new Set(result.error_data);
    const outcomes = rows.map((r, i): RowOutcome & { from: UploadRowState } =>
      failed.has(i + FIRST_DATA_ROW)
        ? {
            outid: r.outid,
            state: 'rejected',
            code: 'provider.file_row',
            reason: 'the provider refused this row of the file (number or outid not accepted)',
            from: 'sending',
          }
        : { outid: r.outid, state: 'accepted', from: 'sending' },
    );
    this.record_(outcomes, 1);
    this.deps.journal.addServerCounts(record.id, result.repeat_counts, result.filter_count);
    if (result.defeat_counts !== failed.size)
      this.deps.log.warn('upload: defeat_counts and error_data disagree', {
        uploadId: record.id,
        defeat: result.defeat_counts,
        rows: failed.size,
      });
    this.emit();
  }

  /** Settles rows left `sending`/`uncertain` by asking the provider (see the file comment). */
  private async reconcile(): Promise<void> {
    const { journal, uploadId } = this.deps;
    const open = journal.rowsIn(uploadId, ['sending', 'uncertain']);
    if (open.length === 0) return;
    this.phase = 'reconciling';
    this.emit();
    const from = new Map(open.map((r) => [r.outid, r.state]));
    await this.lookUp(
      open.map((r) => r.outid),
      (outid, onTask) => ({
        outid,
        state: onTask ? 'accepted' : 'pending',
        from: from.get(outid) ?? 'sending',
      }),
    );
  }

  /** Finds accepted rows the provider silently dropped (data uploads only; see selection.ts). */
  private async verify(): Promise<void> {
    const record = this.record;
    if (record.via !== 'data' || record.verified || this.deps.verify === 'none') return;
    const accepted = this.deps.journal.rowsIn(record.id, ['accepted']);
    const check = this.deps.verify === 'all' ? accepted : accepted.filter((r) => mayBeFiltered(r.telephone));
    if (check.length > 0) {
      this.phase = 'verifying';
      this.emit();
      await this.lookUp(
        check.map((r) => r.outid),
        (outid, onTask) =>
          onTask
            ? null
            : {
                outid,
                state: 'filtered',
                code: 'provider.filtered',
                reason: 'accepted, but the task holds no such row: the provider filtered its number',
                from: 'accepted',
              },
      );
    }
    this.deps.journal.update(record.id, { verified: 1 });
  }

  private async lookUp(
    outids: readonly string[],
    decide: (outid: string, onTask: boolean) => (RowOutcome & { from: UploadRowState }) | null,
  ): Promise<void> {
    let buffer: (RowOutcome & { from: UploadRowState })[] = [];
    const flush = (): void => {
      if (buffer.length === 0) return;
      this.record_(buffer);
      buffer = [];
      this.emit();
    };
    try {
      await findOnTask(
        this.deps.client,
        this.record.task_id,
        outids,
        this.deps.concurrency,
        (outid, onTask) => {
          const outcome = decide(outid, onTask);
          if (outcome) buffer.push(outcome);
          if (buffer.length >= RECONCILE_COMMIT_EVERY) flush();
        },
      );
    } finally {
      flush();
    }
  }

  /** Current progress, sent to the listener. */
  progress(): UploadProgress {
    const elapsedMs = Math.max(0, this.deps.now() - this.startedAt);
    return progressOf(this.record, this.counts, this.phase, elapsedMs, this.answeredThisRun);
  }

  private emit(): void {
    try {
      this.deps.emit(this.progress());
    } catch (error) {
      this.deps.log.warn('upload progress listener threw', { error: String(error) });
    }
  }
}
