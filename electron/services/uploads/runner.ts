/**
 * Runs one upload from its journal until it is done, paused, cancelled or stopped by an error.
 *
 * The rule that makes a crash harmless: a row is written `sending` (committed) before the
 * request that carries it, and gets its outcome after the answer. On every (re)start, and after
 * every lost answer, rows still `sending` or `uncertain` are looked up on the task before
 * anything else is sent (where the provider can look rows up): found → accepted. "Not found" is
 * believed only once the row has been quiet for `settleMs` — a server may apply a request well
 * after the client stopped waiting for it (a 30 s timeout, applied at 35 s) — so until then the
 * look-up is repeated with backoff, and only then does the row go back to pending. So no outid
 * is sent twice to a task that holds it, and none is skipped. A provider that cannot look rows
 * up leaves them `uncertain`: they are not resent without the operator.
 */
import type { UploadProgress, UploadRowCounts, UploadRowState, UploadState } from '../../../shared/uploads';
import { TransportError } from '../http/errors';
import type { Logger } from '../log';
import type { OutgoingRow, Provider, ProviderFactory } from '../providers/types';
import { toUploadError } from './describe';
import type { JournalRow, RowOutcome, UploadJournal, UploadRecord } from './journal';
import type { JournalRows } from './offMain';
import { emptyCounts } from './records';
import { lookUpRows } from './lookUp';
import { progressOf, type SummaryCounts } from './summary';

/** Lost answers in a row (each reconciled) before the upload stops instead of going on. */
const MAX_LOST_IN_A_ROW = 3;
/** Accepted rows read per statement while choosing which to verify. */
const VERIFY_READ_CHUNK = 5_000;
/**
 * How long a row whose answer was lost must stay unseen on the task before "not found" is
 * believed: the request timeout (30 s) again, so a server that applies a request up to a full
 * timeout after the client gave up is still caught.
 */
export const DEFAULT_SETTLE_MS = 30_000;
/** First wait between look-ups of still-unsettled rows (doubling, never past the settle point). */
const FIRST_RECHECK_MS = 1_000;

/** What a runner needs. */
export interface RunnerDeps {
  /** The upload's record (small statements by id, on this thread). */
  journal: UploadJournal;
  /** Its rows: counted, read, written per batch (on the database worker in the core). */
  rows: JournalRows;
  provider: Provider;
  /** The provider's pure rules (which accepted rows it may have dropped). */
  rules: Pick<ProviderFactory, 'mayDropRow'>;
  uploadId: number;
  now: () => number;
  log: Logger;
  /** query_task_data calls in flight while reconciling or verifying. */
  concurrency: number;
  /** Which accepted rows to look up afterwards to find silently filtered ones. */
  verify: 'suspect' | 'all' | 'none';
  /** See {@link DEFAULT_SETTLE_MS}. */
  settleMs?: number;
  /** Waits `ms` (tests pass a faster clock). */
  sleep?: (ms: number) => Promise<void>;
  emit: (progress: UploadProgress) => void;
}

/** A journal row as the provider takes it. */
function outgoing(row: JournalRow): OutgoingRow {
  return {
    key: row.outid,
    telephone: row.telephone,
    variables: JSON.parse(row.variables) as Record<string, string>,
  };
}

/** A request whose answer was lost: its rows are `uncertain` until reconciled. */
class LostAnswer {
  constructor(readonly error: unknown) {}
}

/** One run of one upload (start or resume). */
export class UploadRunner {
  private request: 'pause' | 'cancel' | null = null;
  private counts: UploadRowCounts = emptyCounts();
  private readonly startedAt: number;
  private answeredThisRun = 0;
  private phase: UploadProgress['phase'] = 'idle';

  constructor(private readonly deps: RunnerDeps) {
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
      this.counts = await this.deps.rows.counts(uploadId);
      await this.reconcile();
      const state = await this.sendAll();
      if (state) return this.finish(state);
      await this.verify();
      return this.finish('done');
    } catch (error) {
      const failure = toUploadError(error);
      if (failure.code === 'app.unexpected')
        log.error('upload failed unexpectedly', { uploadId, error: String(error) });
      try {
        journal.update(uploadId, {
          state: 'failed',
          requested: null,
          error_code: failure.code,
          error_detail: failure.detail ?? null,
          error_text: JSON.stringify(failure.message),
        });
      } catch (cannot) {
        // The database is gone (closed under the run): the journal still says `running`, which
        // the next look at it shows as interrupted.
        log.error('upload: could not journal how the run ended', { uploadId, error: String(cannot) });
      }
      this.emit();
      return 'failed';
    }
  }

  /**
   * Sends every pending row, with up to the provider's `inFlight` batches in flight: the journal
   * write of the next batch (its rows `sending`, committed) happens while the previous request
   * is on the wire. A lost answer or a failure lets the requests in flight finish before
   * reconciling or stopping; a pause or cancel is honoured between requests, never mid-request.
   * Answers the state to finish in when stopped early, or null when every row had its turn.
   */
  private async sendAll(): Promise<'paused' | 'cancelled' | null> {
    const { rows: journalRows, uploadId, log } = this.deps;
    const inFlight = new Set<Promise<void>>();
    let lost = 0;
    // Set by the requests' callbacks (a holder: the loop reads what they wrote meanwhile).
    const trouble: { lostAnswer?: LostAnswer; failure?: { error: unknown } } = {};
    const settle = () => Promise.all(inFlight);
    for (;;) {
      if (trouble.failure || trouble.lostAnswer) {
        await settle();
        if (trouble.failure) throw trouble.failure.error;
        if (++lost > MAX_LOST_IN_A_ROW) throw trouble.lostAnswer!.error;
        log.warn('upload: answer lost, reconciling', { uploadId });
        delete trouble.lostAnswer;
        await this.reconcile();
        continue;
      }
      const record = this.record;
      const stop = this.request ?? record.requested;
      if (stop) {
        await settle();
        if (trouble.failure || trouble.lostAnswer) continue;
        return stop === 'pause' ? 'paused' : 'cancelled';
      }
      const most = record.via === 'data' ? Math.max(1, this.deps.provider.capabilities.rows.inFlight) : 1;
      if (inFlight.size >= most) {
        await Promise.race(inFlight);
        continue;
      }
      const limit = record.via === 'data' ? record.batch_rows : this.fileRows();
      if (record.via === 'file' && !this.deps.provider.sendFile)
        throw new Error('the provider has no file upload');
      // Written `sending` (committed) before the request is made, and before the next batch is
      // chosen: no row goes out in two batches.
      const rows = await journalRows.takePending(uploadId, limit);
      this.counted(rows.map((r) => ({ outid: r.outid, state: 'sending', from: r.state })));
      if (rows.length === 0) {
        // Rows of a batch in flight may come back pending (not sent): look again after it.
        if (inFlight.size === 0) return null;
        await Promise.race(inFlight);
        continue;
      }
      this.phase = 'sending';
      const sent: Promise<void> = (
        record.via === 'data' ? this.sendBatch(record, rows) : this.sendFile(record, rows)
      ).then(
        (outcome) => {
          if (outcome instanceof LostAnswer) trouble.lostAnswer ??= outcome;
          else if (!trouble.lostAnswer) lost = 0;
        },
        (error: unknown) => {
          trouble.failure ??= { error };
        },
      );
      const tracked = sent.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
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
  private async record_(
    outcomes: readonly (RowOutcome & { from: UploadRowState })[],
    answered = 0,
  ): Promise<void> {
    await this.deps.rows.record(this.deps.uploadId, outcomes, answered);
    this.counted(outcomes);
  }

  /** Keeps the in-memory counts in step with journaled outcomes. */
  private counted(outcomes: readonly (RowOutcome & { from: UploadRowState })[]): void {
    for (const o of outcomes) {
      this.counts[o.from]--;
      this.counts[o.state]++;
      if (o.from === 'sending' && o.state !== 'pending' && o.state !== 'uncertain') this.answeredThisRun++;
    }
  }

  private fileRows(): number {
    return this.deps.provider.capabilities.rows.file?.maxRows ?? 0;
  }

  /** One batch (already `sending`) through the provider (which isolates rows it refuses on its own). */
  private async sendBatch(
    record: UploadRecord,
    rows: readonly JournalRow[],
  ): Promise<LostAnswer | undefined> {
    const report = await this.deps.provider.sendRows(record.task_id, rows.map(outgoing));
    const outcomes: (RowOutcome & { from: UploadRowState })[] = [];
    for (const outid of report.accepted) outcomes.push({ outid, state: 'accepted', from: 'sending' });
    for (const r of report.rejected)
      outcomes.push({ outid: r.key, state: 'rejected', code: r.code, reason: r.reason, from: 'sending' });
    for (const outid of report.uncertain) outcomes.push({ outid, state: 'uncertain', from: 'sending' });
    for (const outid of report.notSent) outcomes.push({ outid, state: 'pending', from: 'sending' });
    for (const r of report.repeated ?? [])
      outcomes.push({ outid: r.key, state: 'repeated', code: r.code, reason: r.reason, from: 'sending' });
    const answered = report.accepted.length + report.rejected.length + (report.repeated?.length ?? 0);
    await this.record_(outcomes, answered > 0 ? 1 : 0);
    this.emit();
    if (report.batchTooLarge && record.batch_rows > 1) {
      this.deps.journal.update(record.id, { batch_rows: Math.ceil(record.batch_rows / 2) });
      this.deps.log.warn('upload: batch too large for the provider, halving', { uploadId: record.id });
      return;
    }
    const stop = report.stoppedBy;
    if (stop === undefined && !report.batchTooLarge) return;
    if (report.uncertain.length > 0) return new LostAnswer(stop);
    throw stop ?? new Error('the provider refused a one-row batch as too large');
  }

  /** One workbook (its rows already `sending`) through the provider's file upload; each row gets its own outcome. */
  private async sendFile(record: UploadRecord, rows: readonly JournalRow[]): Promise<LostAnswer | undefined> {
    const { provider } = this.deps;
    if (!provider.sendFile) throw new Error('the provider has no file upload');
    const variables = JSON.parse(record.variables) as { template: string | null }[];
    const names = variables.flatMap((v) => (v.template === null ? [] : [v.template]));
    let report;
    try {
      report = await provider.sendFile(record.task_id, rows.map(outgoing), names);
    } catch (error) {
      const maybeSent = error instanceof TransportError && error.sent !== 'no';
      const state = maybeSent ? 'uncertain' : 'pending';
      await this.record_(rows.map((r) => ({ outid: r.outid, state, from: 'sending' as const })));
      if (maybeSent) return new LostAnswer(error);
      throw error;
    }
    const outcomes: (RowOutcome & { from: UploadRowState })[] = [
      ...report.accepted.map((outid) => ({ outid, state: 'accepted' as const, from: 'sending' as const })),
      ...report.rejected.map((r) => ({
        outid: r.key,
        state: 'rejected' as const,
        code: r.code,
        reason: r.reason,
        from: 'sending' as const,
      })),
    ];
    await this.record_(outcomes, 1);
    this.deps.journal.addServerCounts(record.id, report.repeated, report.filtered);
    this.emit();
  }

  /** Settles rows left `sending`/`uncertain` by asking the provider (see the file comment). */
  private async reconcile(): Promise<void> {
    const { rows: journal, uploadId } = this.deps;
    if (!this.deps.provider.lookUpRows) {
      // Nobody can tell whether these reached the task: they wait for the operator.
      const cut = await journal.rowsIn(uploadId, ['sending']);
      if (cut.length > 0)
        await this.record_(cut.map((r) => ({ outid: r.outid, state: 'uncertain', from: 'sending' })));
      return;
    }
    const settleMs = this.deps.settleMs ?? DEFAULT_SETTLE_MS;
    const sleep = this.deps.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    let wait = FIRST_RECHECK_MS;
    for (;;) {
      const open = await journal.rowsIn(uploadId, ['sending', 'uncertain']);
      if (open.length === 0) return;
      this.phase = 'reconciling';
      this.emit();
      const checkedAt = this.deps.now();
      const rows = new Map(open.map((r) => [r.outid, r]));
      await this.lookUp(
        open.map((r) => r.outid),
        (outid, onTask) => {
          const was = rows.get(outid);
          const from = was?.state ?? 'sending';
          if (onTask) return { outid, state: 'accepted', from };
          // Not there (yet): back to pending only once the row has been quiet long enough.
          if (!was || checkedAt - was.updated_at >= settleMs) return { outid, state: 'pending', from };
          return from === 'sending' ? { outid, state: 'uncertain', from } : null;
        },
      );
      const unsettled = await journal.rowsIn(uploadId, ['uncertain']);
      if (unsettled.length === 0) return;
      // A pause or cancel keeps them uncertain: the next run settles them first.
      if (this.request ?? this.record.requested) return;
      const oldest = Math.min(...unsettled.map((r) => r.updated_at));
      const untilSettled = Math.max(0, oldest + settleMs - this.deps.now());
      this.deps.log.info('upload: waiting for lost answers to settle', { uploadId, rows: unsettled.length });
      await sleep(Math.max(1, Math.min(wait, untilSettled)));
      wait *= 2;
    }
  }

  /** Finds accepted rows the provider silently dropped (data uploads only; see selection.ts). */
  private async verify(): Promise<void> {
    const record = this.record;
    if (record.via !== 'data' || record.verified || this.deps.verify === 'none') return;
    if (!this.deps.provider.lookUpRows) return;
    // In chunks, so no one answer carries every accepted row across threads (nothing changes
    // their state meanwhile: the look-ups start after).
    const check: JournalRow[] = [];
    for (let offset = 0; ; offset += VERIFY_READ_CHUNK) {
      const chunk = await this.deps.rows.rowsIn(record.id, ['accepted'], VERIFY_READ_CHUNK, offset);
      for (const row of chunk)
        if (this.deps.verify === 'all' || this.deps.rules.mayDropRow(row)) check.push(row);
      if (chunk.length < VERIFY_READ_CHUNK) break;
    }
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

  /** Looks the rows up on the task, journaling each decided outcome (see lookUp.ts). */
  private lookUp(
    outids: readonly string[],
    decide: (outid: string, onTask: boolean) => (RowOutcome & { from: UploadRowState }) | null,
  ): Promise<void> {
    const { provider, concurrency } = this.deps;
    return lookUpRows(provider, this.record.task_id, outids, concurrency, decide, async (outcomes) => {
      await this.record_(outcomes);
      this.emit();
    });
  }

  /** The row counts this run last knew, for a summary when the journal cannot be read. */
  lastCounts(): SummaryCounts {
    return { rows: { ...this.counts }, refusedLocally: 0 };
  }

  /** Current progress, sent to the listener. */
  progress(): UploadProgress {
    const elapsedMs = Math.max(0, this.deps.now() - this.startedAt);
    return progressOf(this.record, this.counts, this.phase, elapsedMs, this.answeredThisRun, this.fileRows());
  }

  private emit(): void {
    try {
      this.deps.emit(this.progress());
    } catch (error) {
      this.deps.log.warn('upload progress listener threw', { error: String(error) });
    }
  }
}
