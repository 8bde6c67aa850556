import type { DbReader } from '../db/worker/dbReader';
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { EXPORT_NAMES } from '../../../shared/codes/exports';
import { RESULTS_ERRORS, type ResultsErrorCode } from '../../../shared/codes/results';
import type { ExportOutcome } from '../../../shared/exports';
import type { Locale } from '../../../shared/locale';
import type { OutcomeCodes } from '../../../shared/outcomeGroups';
import type { ProviderId } from '../../../shared/providers';
import type {
  CallReview,
  RecallReport,
  RecallRequest,
  RecordingInfo,
  ResultsFilter,
  ResultsSource,
  ResultsSourceOption,
  SyncReport,
  TaskDashboard,
  Utterance,
} from '../../../shared/results';
import type { AccountService } from '../accounts/service';
import type { Broadcast } from '../contract/dispatch';
import { AppFailure } from '../contract/failure';
import { defaultFileName } from '../exports/fileName';
import { dataFolderHost, ExportService } from '../exports/service';
import type { CallListStore } from '../lists/store';
import type { Logger } from '../log';
import type { MediaProxy } from '../media/proxy';
import { PeaksCache } from '../recordings/peaksCache';
import { RecordingService } from '../recordings/service';
import type { TaskService } from '../tasks/service';
import { CallStore } from './callStore';
import { SyncCursorStore } from './cursors';
import { exportResults } from './export';
import { receivePush } from './pushIntake';
import { PushControl } from './pushControl';
import type { PushLimits } from './pushGuard';
import type { PushAnswer } from './pushReceiver';
import { PushSettingsStore } from './pushSettings';
import { makeRecallList } from './recall';
import { createListOutidResolver, type OutidResolver } from './resolver';
import { ResultsReader, type StoredReview } from './resultsQuery';
import { syncTask, type SyncWindowOptions, type SyncWriter } from './syncTask';

export interface ResultsFeatureDeps {
  db: Database;
  dataDir: string;
  accounts: Pick<AccountService, 'sessionFor' | 'factoryFor' | 'activeId'> &
    Partial<Pick<AccountService, 'settingsFor' | 'accountsOf'>>;
  lists: CallListStore;
  media: MediaProxy;
  /** For the task picker; optional so the CLI can run without it. */
  tasks?: Pick<TaskService, 'list'>;
  /** Default: look outids up in the call lists (the upload journal replaces it). */
  resolver?: OutidResolver;
  broadcast?: Broadcast;
  /** Tells the windows the lists changed (the lists feature's announce); default: counted here. */
  listsChanged?: () => void;
  locale?: () => Locale;
  /** Delivers exports (the save dialog in the app); default: files under `<dataDir>/exports`. */
  exports?: ExportService;
  now?: () => number;
  window?: SyncWindowOptions;
  /** Where the push receiver listens until the operator chooses (see PushControl). */
  pushHost?: string;
  /** The push receiver's connection caps and timeouts (tests shorten them). */
  pushLimits?: Partial<PushLimits>;
  /** Total size of the waveform peaks cache (default DEFAULT_PEAKS_CACHE_BYTES, 64 MB). */
  peaksCacheBytes?: number;
  log?: Logger;
  /** The database's read worker: the contract's Results reads run there when given. */
  offMain?: Pick<DbReader, 'resultsPage' | 'resultsCounts' | 'dashboard'>;
  /**
   * Stores synced pages on the database worker (whose CallStore joins calls through the upload
   * journal, as `resolver` does in the app's hosts); absent: on this thread's connection.
   */
  syncWriter?: () => SyncWriter;
}

function failure(code: ResultsErrorCode, detail?: string): AppFailure {
  return new AppFailure(code, RESULTS_ERRORS[code], detail);
}

/**
 * Results as the contract sees them: syncing a task's calls into SQLite (progress, cancel,
 * resume), pushes, the Results table's queries, one call's review and recording, export.
 */
export class ResultsFeature {
  readonly calls: CallStore;
  readonly reader: ResultsReader;
  readonly cursors: SyncCursorStore;
  readonly recordings: RecordingService;
  readonly push: PushControl;
  private readonly running = new Map<string, AbortController>();
  private readonly now: () => number;

  constructor(private readonly deps: ResultsFeatureDeps) {
    this.now = deps.now ?? Date.now;
    this.calls = new CallStore(deps.db, deps.resolver ?? createListOutidResolver(deps.db));
    // Counts and filters by the code groups of the account's provider (CEC's failCode groups).
    this.reader = new ResultsReader(
      deps.db,
      (accountId) => deps.accounts.factoryFor(accountId).info.capabilities.outcomeCodes ?? null,
    );
    this.cursors = new SyncCursorStore(deps.db);
    this.recordings = new RecordingService({
      media: deps.media,
      peaks: new PeaksCache(join(deps.dataDir, 'cache', 'peaks'), { maxTotalBytes: deps.peaksCacheBytes }),
    });
    this.push = new PushControl(
      new PushSettingsStore(deps.db),
      (provider, body) => this.receivePush(provider, body),
      {
        ...(deps.pushHost ? { defaultHost: deps.pushHost } : {}),
        ...(deps.pushLimits ? { limits: deps.pushLimits } : {}),
        ...(deps.log ? { log: deps.log } : {}),
      },
    );
  }

  /** The active account: every query and sync is about its tasks. */
  get accountId(): string {
    return this.deps.accounts.activeId();
  }

  /** The active account's provider's code groups (CEC's failCodes), or null (Sobot). */
  get outcomeCodes(): OutcomeCodes | null {
    return this.deps.accounts.factoryFor(this.accountId).info.capabilities.outcomeCodes ?? null;
  }

  /** A push stored under the account it belongs to (see pushIntake.ts). */
  receivePush(provider: ProviderId, body: string): PushAnswer {
    return receivePush(
      { ...this.deps, calls: this.calls, activeId: this.accountId, now: this.now },
      provider,
      body,
    );
  }

  /** Tasks of the active account (listed now or with stored results) and the call lists. */
  async sources(): Promise<ResultsSourceOption[]> {
    const accountId = this.accountId;
    const counts = this.reader.taskCounts(accountId);
    const synced = new Map(this.cursors.tasks(accountId).map((t) => [t.taskId, t.syncedAt]));
    const named = new Map<string, string>();
    try {
      for (const task of (await this.deps.tasks?.list())?.tasks ?? []) named.set(task.id, task.name);
    } catch (error) {
      // Offline: the tasks with stored results are still shown.
      this.deps.log?.warn('results: task list unavailable', { error: String(error) });
    }
    const taskIds = new Set([...named.keys(), ...counts.keys(), ...synced.keys()]);
    const options: ResultsSourceOption[] = [...taskIds].map((taskId) => ({
      source: { kind: 'task', taskId },
      name: named.get(taskId) ?? taskId,
      callCount: counts.get(taskId) ?? 0,
      syncedAt: synced.get(taskId) ?? null,
      linkedListId: this.calls.linkedList(accountId, taskId),
    }));
    const listCounts = this.reader.listCounts();
    for (const list of this.deps.lists.readyLists()) {
      options.push({
        source: { kind: 'list', listId: list.id },
        name: list.name,
        callCount: listCounts.get(list.id) ?? 0,
        syncedAt: null,
        linkedListId: null,
      });
    }
    return options;
  }

  /** Pulls a task's new results (see syncTask.ts), broadcasting `sync:progress`. */
  async sync(
    taskId: string,
    options: { onProgress?: Parameters<typeof syncTask>[2]['onProgress'] } = {},
  ): Promise<SyncReport> {
    const accountId = this.accountId;
    const key = `${accountId}\u0000${taskId}`;
    if (this.running.has(key)) throw failure('results.sync_running');
    const controller = new AbortController();
    this.running.set(key, controller);
    try {
      const { provider } = await this.deps.accounts.sessionFor(accountId);
      const report = await syncTask(accountId, taskId, {
        provider,
        calls: this.calls,
        ...(this.deps.syncWriter ? { writer: this.deps.syncWriter() } : {}),
        cursors: this.cursors,
        now: this.now,
        signal: controller.signal,
        ...(this.deps.window ? { window: this.deps.window } : {}),
        onProgress: (progress) => {
          this.deps.broadcast?.('sync:progress', progress);
          options.onProgress?.(progress);
        },
      });
      if (report.added + report.updated > 0) this.deps.broadcast?.('results:changed', { accountId, taskId });
      return report;
    } finally {
      this.running.delete(key);
    }
  }

  cancel(taskId: string): { cancelled: boolean } {
    const controller = this.running.get(`${this.accountId}\u0000${taskId}`);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /** One row's latest call, stored under the task; null when not called yet (or not looked up by this provider). */
  async fetchCall(taskId: string, outid: string): Promise<CallReview | null> {
    const accountId = this.accountId;
    const { provider } = await this.deps.accounts.sessionFor(accountId);
    const call = provider.rowCall ? await provider.rowCall(taskId, outid) : null;
    if (!call) return null;
    this.calls.ingest([call], { accountId, taskId, now: this.now() });
    this.deps.broadcast?.('results:changed', { accountId, taskId });
    const stored = this.reader.call(accountId, call.id);
    return stored ? this.placed(stored, null) : null;
  }

  query(source: ResultsSource, filter: ResultsFilter, offset: number, limit: number) {
    return this.reader.page(this.accountId, source, filter, offset, limit);
  }

  counts(source: ResultsSource, filter: ResultsFilter) {
    return this.reader.counts(this.accountId, source, filter);
  }

  /** `query` as the contract runs it: on the read worker when the core has one. */
  async queryOffMain(source: ResultsSource, filter: ResultsFilter, offset: number, limit: number) {
    const offMain = this.deps.offMain;
    return offMain
      ? offMain.resultsPage(this.accountId, source, filter, offset, limit, this.outcomeCodes)
      : this.query(source, filter, offset, limit);
  }

  /** `counts` as the contract runs it: on the read worker when the core has one. */
  async countsOffMain(source: ResultsSource, filter: ResultsFilter) {
    const offMain = this.deps.offMain;
    return offMain
      ? offMain.resultsCounts(this.accountId, source, filter, this.outcomeCodes)
      : this.counts(source, filter);
  }

  /** A call with its transcript; lines are placed once the recording's length is known (`transcript`). */
  call(callId: string): CallReview {
    return this.placed(this.stored(callId), null);
  }

  /**
   * A call as the review pane opens it. Where the provider's transcripts come on their own
   * (`capabilities.transcripts` `on_review`: CEC quality inspection), one still pending is
   * fetched now and stored once ready or failed; pending stays pending for the next review.
   * A connected call whose results carried no end (CEC's outcomes) has its times looked up too
   * (`Provider.callTiming`) and stored. A lookup that fails (network, refused) is logged and
   * leaves what is stored.
   */
  async review(callId: string): Promise<CallReview> {
    const stored = this.stored(callId);
    const factory = this.deps.accounts.factoryFor(this.accountId);
    const wantsTranscript =
      factory.info.capabilities.transcripts === 'on_review' && stored.transcript === 'pending';
    const wantsTiming =
      factory.info.capabilities.durations === 'on_review' &&
      stored.call.outcome === 'connected' &&
      stored.call.endedAt === null;
    if (!wantsTranscript && !wantsTiming) return this.placed(stored, null);
    const accountId = this.accountId;
    const warn = (what: string) => (error: unknown) => {
      this.deps.log?.warn(what, { callId, error: String(error) });
      return null;
    };
    let provider;
    try {
      ({ provider } = await this.deps.accounts.sessionFor(accountId));
    } catch (error) {
      warn('review: provider unavailable; the stored call is shown')(error);
      return this.placed(stored, null);
    }
    const [timing, fetched] = await Promise.all([
      wantsTiming && provider.callTiming
        ? provider.callTiming(callId).catch(warn('call times lookup failed; they stay unknown'))
        : null,
      wantsTranscript && provider.fetchTranscript
        ? provider.fetchTranscript(callId).catch(warn('transcript fetch failed; it stays pending'))
        : null,
    ]);
    if (timing) this.calls.storeTiming(accountId, callId, timing, this.now());
    if (fetched && fetched.state !== 'pending')
      this.calls.storeTranscript(accountId, callId, fetched, this.now());
    return timing || (fetched && fetched.state !== 'pending')
      ? this.placed(this.stored(callId), null)
      : this.placed(stored, null);
  }

  /**
   * Asks the provider for a call's transcript again, whatever is stored: the operator's retry of
   * one that failed (quality inspection may have run again) or is still pending. What it answers
   * is stored, pending included; a fetch that fails throws (the pane says why) and stores
   * nothing. A ready transcript, or a provider whose transcripts come with the call, is left as
   * it is.
   */
  async retryTranscript(callId: string): Promise<CallReview> {
    const stored = this.stored(callId);
    const factory = this.deps.accounts.factoryFor(this.accountId);
    if (factory.info.capabilities.transcripts !== 'on_review' || stored.transcript === 'ready')
      return this.placed(stored, null);
    const accountId = this.accountId;
    const { provider } = await this.deps.accounts.sessionFor(accountId);
    const fetched = await provider.fetchTranscript?.(callId);
    if (!fetched) return this.placed(stored, null);
    this.calls.storeTranscript(accountId, callId, fetched, this.now());
    return this.placed(this.stored(callId), null);
  }

  /** The call's transcript placed on its recording of `durationMs` by the provider's rule. */
  transcript(callId: string, durationMs: number | null): Utterance[] {
    return this.placed(this.stored(callId), durationMs).utterances;
  }

  private stored(callId: string): StoredReview {
    const review = this.reader.call(this.accountId, callId);
    if (!review) throw failure('results.call_not_found');
    return review;
  }

  private placed(review: StoredReview, durationMs: number | null): CallReview {
    const factory = this.deps.accounts.factoryFor(this.accountId);
    return {
      call: review.call,
      utterances: factory.placeTranscript(ResultsReader.timing(review.call), review.lines, durationMs),
      transcript: review.transcript,
    };
  }

  linkList(taskId: string, listId: number | null): { joined: number } {
    const joined = this.calls.linkList(this.accountId, taskId, listId);
    this.deps.broadcast?.('results:changed', { accountId: this.accountId, taskId });
    return { joined };
  }

  /** A task's dashboard from its stored calls (see `results:dashboard`). */
  dashboard(taskId: string): TaskDashboard {
    const accountId = this.accountId;
    return {
      ...this.reader.dashboard(accountId, taskId),
      syncedAt: this.cursors.get(accountId, taskId)?.syncedAt ?? null,
    };
  }

  /** `dashboard` as the contract runs it: its aggregates on the read worker when the core has one. */
  async dashboardOffMain(taskId: string): Promise<TaskDashboard> {
    const offMain = this.deps.offMain;
    if (!offMain) return this.dashboard(taskId);
    const accountId = this.accountId;
    const board = await offMain.dashboard(accountId, taskId);
    return { ...board, syncedAt: this.cursors.get(accountId, taskId)?.syncedAt ?? null };
  }

  /** "Call these again" (see `results:toList`). */
  toList(request: RecallRequest): RecallReport {
    const report = makeRecallList(this.reader, this.deps.lists, {
      accountId: this.accountId,
      taskId: request.taskId,
      taskName: request.taskName ?? null,
      filter: request.filter,
      ...(request.callIds ? { callIds: request.callIds } : {}),
      name: request.name,
      locale: this.deps.locale?.() ?? 'zh-CN',
    });
    if (this.deps.listsChanged) this.deps.listsChanged();
    else this.deps.broadcast?.('lists:changed', this.deps.lists.listLists());
    return report;
  }

  async openRecording(callId: string): Promise<RecordingInfo> {
    const ref = this.reader.recording(this.accountId, callId);
    if (ref === undefined) throw failure('results.call_not_found');
    if (ref === null) return this.recordings.open(null);
    const { provider, trustedHosts } = await this.deps.accounts.sessionFor(this.accountId);
    return this.recordings.open(ref, provider.fetchRecording?.bind(provider), trustedHosts);
  }

  /**
   * Writes the matching calls where the host says (a save dialog in the app, a download in the
   * harness), named after the task or list, "results" and today's date.
   */
  async exportFile(
    source: ResultsSource,
    filter: ResultsFilter,
    format: 'xlsx' | 'csv',
  ): Promise<ExportOutcome> {
    const locale = this.deps.locale?.() ?? 'zh-CN';
    const key = (s: ResultsSource): string => (s.kind === 'task' ? `task:${s.taskId}` : `list:${s.listId}`);
    const named = (await this.sources()).find((option) => key(option.source) === key(source))?.name;
    const name = named ?? (source.kind === 'task' ? source.taskId : String(source.listId));
    const suggested = defaultFileName(
      [name, EXPORT_NAMES.results[locale]],
      format,
      (this.deps.now ?? Date.now)(),
    );
    const exports = this.deps.exports ?? new ExportService(dataFolderHost(this.deps.dataDir));
    return exports.deliver(suggested, format, (file) =>
      exportResults(this.reader, file, {
        accountId: this.accountId,
        source,
        filter,
        locale,
        outcomeCodes: this.outcomeCodes,
      }),
    );
  }

  /** Stops the push receiver and cancels running syncs. */
  async close(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    await this.push.stop();
  }
}
