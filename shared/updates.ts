/**
 * Updates of the installed app (electron-updater against a generic feed the operator sets in
 * Settings). Off by default; checked at start and on demand; downloaded in the background;
 * installed when the app quits, or at once on request, never while an upload or import runs.
 */

/**
 * Where the updater is:
 * - `unsupported`: this host cannot update itself (the browser harness, the CLI, an unpacked build);
 * - `off`: updates are turned off, or no feed URL is set;
 * - `idle`: on, not checked yet this run;
 * - `checking`, `downloading` (with `percent`);
 * - `current`: the feed has nothing newer;
 * - `ready`: `version` is downloaded and installs when the app quits;
 * - `error`: the last check or download failed (`error`).
 */
export const UPDATE_PHASES = [
  'unsupported',
  'off',
  'idle',
  'checking',
  'downloading',
  'current',
  'ready',
  'error',
] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

/** What is running that an install must not cut off. */
export type UpdateBlocker = 'upload' | 'import';

export interface UpdateState {
  phase: UpdatePhase;
  /** The running app's version. */
  currentVersion: string;
  /** The version the feed offers (downloading or ready). */
  version: string | null;
  /** Download progress, 0–100, while downloading. */
  percent: number | null;
  /** When the last check finished (ISO 8601). */
  checkedAt: string | null;
  /** Why the last check or download failed. */
  error: { code: string; message: string } | null;
  /** What keeps "install now" waiting (empty when nothing does). */
  blockers: UpdateBlocker[];
}
