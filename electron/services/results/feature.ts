import { join } from 'node:path';
import type { ExportOutcome } from '../../../shared/exports';
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
import { PeaksCache } from '../recordings/peaksCache';
import { RecordingService } from '../recordings/service';
import { CallStore } from './callStore';
import { SyncCursorStore } from './cursors';
import { exportResultsFile } from './exportFile';
import { failure } from './failure';
import type { ResultsFeatureDeps } from './featureDeps';
import { receivePush } from './pushIntake';
import { PushControl } from './pushControl';
import type { PushAnswer } from './pushReceiver';
import { PushSettingsStore } from './pushSettings';
import { makeRecallList } from './recall';
import { createListOutidResolver } from './resolver';
import { ResultsReader } from './resultsQuery';
import { CallReviews } from './reviews';
import { resultsSources } from './sources';
import { syncTask } from './syncTask';

export type { ResultsFeatureDeps } from './featureDeps';

/**
 * Results as the contract sees them: syncing a task's calls into SQLite (progress, cancel,
 * resume), pushes, the Results table's queries, one call's review and recording (reviews.ts),
 * export (exportFile.ts).
 */
export class ResultsFeature {
  readonly calls: CallStore;
  readonly reader: ResultsReader;
  readonly cursors: SyncCursorStore;
  readonly recordings: RecordingService;
  readonly push: PushControl;
  private readonly running = new Map<string, AbortController>();
  private readonly now: () => number;
  private readonly reviews: CallReviews;

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
    this.reviews = new CallReviews(deps, this.calls, this.reader, this.recordings, this.now);
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
  sources(): Promise<ResultsSourceOption[]> {
    return resultsSources(this, this.deps);
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

  /** One row's latest call, stored under the task; null when not called yet (see CallReviews). */
  fetchCall(taskId: string, outid: string): Promise<CallReview | null> {
    return this.reviews.fetchCall(taskId, outid);
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
    return this.reviews.call(callId);
  }

  /** A call as the review pane opens it, with what the provider sends on review (see CallReviews). */
  review(callId: string): Promise<CallReview> {
    return this.reviews.review(callId);
  }

  /** Asks the provider for a call's transcript again (see CallReviews). */
  retryTranscript(callId: string): Promise<CallReview> {
    return this.reviews.retryTranscript(callId);
  }

  /** The call's transcript placed on its recording of `durationMs` by the provider's rule. */
  transcript(callId: string, durationMs: number | null): Utterance[] {
    return this.reviews.transcript(callId, durationMs);
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

  openRecording(callId: string): Promise<RecordingInfo> {
    return this.reviews.openRecording(callId);
  }

  /** Writes the matching calls where the host says, named after the source (see exportFile.ts). */
  exportFile(source: ResultsSource, filter: ResultsFilter, format: 'xlsx' | 'csv'): Promise<ExportOutcome> {
    return exportResultsFile(this, this.deps, source, filter, format);
  }

  /** Stops the push receiver and cancels running syncs. */
  async close(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    await this.push.stop();
  }
}
