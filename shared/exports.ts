/** What an export answers the screen that asked for it. */

export type ExportFormat = 'xlsx' | 'csv';

export type ExportOutcome =
  /** The operator closed the save dialog. */
  | { status: 'cancelled' }
  /**
   * Written where the operator chose. `savedId` names it for `exports:reveal` (the renderer
   * never hands main a path to open); `canReveal`: this host can show it in a folder.
   */
  | { status: 'saved'; fileName: string; path: string; rows: number; savedId: string; canReveal: boolean }
  /** Written for the browser to download (the harness): `url` is on the page's own origin. */
  | { status: 'download'; fileName: string; rows: number; url: string };
