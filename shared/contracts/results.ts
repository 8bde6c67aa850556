import type {
  CallReview,
  PushReceiverState,
  RecallReport,
  RecordingInfo,
  ResultsCounts,
  ResultsPage,
  ResultsSourceOption,
  SyncProgress,
  SyncReport,
  TaskDashboard,
  Utterance,
} from '../results';
import {
  callIdSchema,
  fetchCallSchema,
  linkListSchema,
  pushReceiverSchema,
  recallSchema,
  resultsCountsSchema,
  resultsQuerySchema,
  storePeaksSchema,
  taskIdInputSchema,
  transcriptSchema,
} from '../schemas/results';
import { noInput, shape } from './shape';

/** Results of the active account: sync, the table, review, export, the push receiver. */
export const resultCalls = {
  /** Tasks of the active account (listed or with stored results) and call lists, with call counts. */
  'results:sources': { input: noInput, output: shape<ResultsSourceOption[]>() },
  /**
   * Pulls a task's results since its last sync (with an overlap; calls deduplicated by id),
   * sending `sync:progress`. A cancelled sync keeps what it stored and resumes from its cursor.
   */
  'sync:start': { input: taskIdInputSchema, output: shape<SyncReport>() },
  /** Cancels a running sync of the task (no-op when none runs). */
  'sync:cancel': { input: taskIdInputSchema, output: shape<{ cancelled: boolean }>() },
  /** Fetches one row's latest call (query_task_data) and stores it; null when it has none yet. */
  'sync:fetchCall': { input: fetchCallSchema, output: shape<CallReview | null>() },
  /** One page of calls of a task or list matching the filter, newest first (filtered in SQLite). */
  'results:query': { input: resultsQuerySchema, output: shape<ResultsPage>() },
  /**
   * A task's dashboard from its synced calls: answered and intention rates, average talk time,
   * the status and intention breakdowns, when it was last synced.
   */
  'results:dashboard': { input: taskIdInputSchema, output: shape<TaskDashboard>() },
  /** Calls per outcome and per intention for the source and filter. */
  'results:counts': { input: resultsCountsSchema, output: shape<ResultsCounts>() },
  /** A call with its transcript (lines not yet placed on the recording: see `results:transcript`). */
  'results:call': { input: callIdSchema, output: shape<CallReview>() },
  /**
   * The call's transcript placed on its recording of `durationMs` (by the provider's rule: some
   * place lines by the recording's length); `null`: the length is not known.
   */
  'results:transcript': { input: transcriptSchema, output: shape<Utterance[]>() },
  /**
   * Asks the provider for a call's transcript again, whatever is stored (the review pane's
   * "retry" on a failed or pending one, where transcripts come on their own: CEC quality
   * inspection), stores what it answers and returns the call as `results:call` does. A fetch
   * that fails answers its error and leaves what was stored.
   */
  'results:retryTranscript': { input: callIdSchema, output: shape<CallReview>() },
  /** Links (or unlinks, `listId: null`) the call list a task's rows came from, for joins. */
  'results:linkList': { input: linkListSchema, output: shape<{ joined: number }>() },
  /**
   * "Call these again": a new call list of the customers of the task's calls matching the filter
   * (or of the chosen ones), one row per number with the variables of the row each call joined,
   * linked back to the task; hidden numbers are left out and counted. Sends `lists:changed`.
   */
  'results:toList': { input: recallSchema, output: shape<RecallReport>() },
  /**
   * A call's recording fetched by main, cached on disk (A-law decoded to PCM) and served from the
   * app's own origin, with cached waveform peaks; or why it cannot be shown.
   */
  'recordings:open': { input: callIdSchema, output: shape<RecordingInfo>() },
  /** Keeps peaks the renderer computed (for audio main cannot decode) so reopening draws at once. */
  'recordings:storePeaks': { input: storePeaksSchema, output: shape<{ stored: boolean }>() },
  /** The push receiver's state. */
  'push:state': { input: noInput, output: shape<PushReceiverState>() },
  /** Turns the push receiver on (on a port the user chooses) or off. */
  'push:configure': { input: pushReceiverSchema, output: shape<PushReceiverState>() },
} as const;

export const resultEvents = {
  /** A sync made progress, finished, was cancelled or failed. */
  'sync:progress': shape<SyncProgress>(),
  /** Calls of a task (or of no known task) were stored by a push or a sync. */
  'results:changed': shape<{ accountId: string; taskId: string | null }>(),
} as const;
