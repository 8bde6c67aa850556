/**
 * The update service: when to check the feed, what state to show, and when installing is
 * allowed. The updater itself (electron-updater in the app) is an adapter main passes in, so
 * this file never touches Electron and is tested with a fake.
 */
import type { Locale } from '../../../shared/locale';
import type { Prefs } from '../../../shared/prefs';
import { UPDATE_ERRORS, type UpdateErrorCode } from '../../../shared/codes/updates';
import type { UpdateBlocker, UpdateState } from '../../../shared/updates';
import { AppFailure } from '../contract/failure';
import type { Logger } from '../log';

/** What main gives the service (electron-updater's autoUpdater, adapted). */
export interface Updater {
  /** Points the updater at a generic feed (the folder with latest.yml). */
  setFeedUrl(url: string): void;
  /** Asks the feed; answers the newer version it offers, or null when there is none. */
  check(): Promise<string | null>;
  /** Downloads the offered version, reporting percent; resolves when it is ready to install. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Whether the downloaded version installs when the app quits. */
  setInstallOnQuit(enabled: boolean): void;
  /** Quits the app and runs the installer now. */
  quitAndInstall(): void;
}

export interface UpdateServiceDeps {
  /** Null where the app cannot update itself (harness, CLI, an unpacked build). */
  updater: Updater | null;
  currentVersion: string;
  prefs: () => Prefs;
  locale: () => Locale;
  /** What runs now that an install would cut off. */
  busy: () => { uploads: number; imports: number };
  onChange?: (state: UpdateState) => void;
  log?: Logger;
  now?: () => Date;
}

export function updateFailure(code: UpdateErrorCode): AppFailure {
  return new AppFailure(code, UPDATE_ERRORS[code]);
}

export class UpdateService {
  private state: UpdateState;
  private checking: Promise<UpdateState> | null = null;
  private feedUrl: string | null = null;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.state = {
      phase: 'off',
      currentVersion: deps.currentVersion,
      version: null,
      percent: null,
      checkedAt: null,
      error: null,
      blockers: [],
    };
    this.state = { ...this.state, phase: this.restingPhase() };
  }

  /** The state, with what blocks an install right now. */
  current(): UpdateState {
    return { ...this.state, blockers: this.blockers() };
  }

  /** At start: checks once when updates are on and a feed is set. */
  start(): void {
    if (this.enabled()) void this.check().catch(() => undefined);
  }

  /**
   * Preferences changed: turning updates off (or clearing the feed) drops a downloaded version
   * from installing on quit; turning them on, or a new feed, checks.
   */
  prefsChanged(): void {
    if (!this.deps.updater) return;
    const feed = this.enabled() ? this.deps.prefs().updateFeedUrl : null;
    if (!feed) {
      this.deps.updater.setInstallOnQuit(false);
      if (this.state.phase !== 'off') this.set({ phase: 'off', version: null, percent: null, error: null });
      return;
    }
    if (this.state.phase === 'off') this.set({ phase: 'idle' });
    if (feed !== this.feedUrl || this.state.phase === 'idle') this.start();
  }

  /** Checks the feed; a newer version downloads before this answers `ready`. */
  check(): Promise<UpdateState> {
    const updater = this.deps.updater;
    if (!updater) return Promise.reject(updateFailure('updates.unsupported'));
    const feed = this.enabled() ? this.deps.prefs().updateFeedUrl : null;
    if (!feed) return Promise.reject(updateFailure('updates.off'));
    if (this.state.phase === 'ready' && feed === this.feedUrl) return Promise.resolve(this.current());
    return (this.checking ??= this.run(updater, feed).finally(() => {
      this.checking = null;
    }));
  }

  /** Installs the downloaded version now (the app quits); refused while work would be cut off. */
  install(): UpdateState {
    const updater = this.deps.updater;
    if (!updater) throw updateFailure('updates.unsupported');
    if (this.state.phase !== 'ready') throw updateFailure('updates.not_ready');
    if (this.blockers().length > 0) throw updateFailure('updates.busy');
    this.deps.log?.info(`updates: installing ${this.state.version ?? '?'} now`);
    updater.quitAndInstall();
    return this.current();
  }

  private async run(updater: Updater, feed: string): Promise<UpdateState> {
    if (feed !== this.feedUrl) {
      updater.setFeedUrl(feed);
      this.feedUrl = feed;
    }
    this.set({ phase: 'checking', error: null, percent: null });
    let version: string | null;
    try {
      version = await updater.check();
    } catch (error) {
      return this.fail('updates.check_failed', error);
    }
    const checkedAt = (this.deps.now?.() ?? new Date()).toISOString();
    if (!version) {
      this.set({ phase: 'current', version: null, checkedAt });
      return this.current();
    }
    this.set({ phase: 'downloading', version, percent: 0, checkedAt });
    try {
      await updater.download((percent) => {
        const rounded = Math.max(0, Math.min(100, Math.round(percent)));
        if (rounded !== this.state.percent) this.set({ percent: rounded });
      });
    } catch (error) {
      return this.fail('updates.download_failed', error);
    }
    if (!this.enabled()) {
      // Turned off while it downloaded: it is not installed.
      this.set({ phase: 'off', version: null, percent: null });
      return this.current();
    }
    updater.setInstallOnQuit(true);
    this.deps.log?.info(`updates: ${version} downloaded; it installs when the app quits`);
    this.set({ phase: 'ready', percent: 100 });
    return this.current();
  }

  private fail(code: UpdateErrorCode, error: unknown): UpdateState {
    this.deps.log?.warn(`updates: ${code}: ${error instanceof Error ? error.message : String(error)}`);
    this.set({
      phase: 'error',
      percent: null,
      error: { code, message: UPDATE_ERRORS[code][this.deps.locale()] },
    });
    return this.current();
  }

  private enabled(): boolean {
    const prefs = this.deps.prefs();
    return prefs.updates && prefs.updateFeedUrl !== null;
  }

  private restingPhase(): UpdateState['phase'] {
    if (!this.deps.updater) return 'unsupported';
    return this.enabled() ? 'idle' : 'off';
  }

  private blockers(): UpdateBlocker[] {
    const { uploads, imports } = this.deps.busy();
    const out: UpdateBlocker[] = [];
    if (uploads > 0) out.push('upload');
    if (imports > 0) out.push('import');
    return out;
  }

  private set(patch: Partial<UpdateState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onChange?.(this.current());
  }
}
