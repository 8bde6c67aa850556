import type { Database } from 'better-sqlite3';
import type { Locale } from '../../../shared/locale';
import type { AccountService } from '../accounts/service';
import type { Broadcast } from '../contract/dispatch';
import type { DbReader } from '../db/worker/dbReader';
import type { ExportService } from '../exports/service';
import type { CallListStore } from '../lists/store';
import type { Logger } from '../log';
import type { MediaProxy } from '../media/proxy';
import type { TaskService } from '../tasks/service';
import type { PushLimits } from './pushGuard';
import type { OutidResolver } from './resolver';
import type { SyncWindowOptions, SyncWriter } from './syncTask';

/** What ResultsFeature is made of (the app's core, the CLI and the tests give it). */
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
