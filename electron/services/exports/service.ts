/**
 * Every export of the app (call lists, results, the do-not-call list) is delivered here: the
 * host says where the file goes (the system save dialog in the app, a browser download in the
 * harness, the data folder elsewhere), the feature writes its table there, and the outcome
 * tells the screen what happened. Nothing here imports electron: the host is an adapter.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXPORT_ERRORS, type ExportErrorCode } from '../../../shared/codes/exports';
import type { ExportOutcome } from '../../../shared/exports';
import { format as fill } from '../../../shared/locale';
import { AppFailure } from '../contract/failure';
import type { ExportFormat } from './writeTable';

/** Where a file goes: a path the operator chose, or a path the host serves to the browser. */
export type ExportTarget = { kind: 'file'; path: string } | { kind: 'download'; path: string; url: string };

/** What a host gives the export service. */
export interface ExportHost {
  /** Asks where the file goes, suggesting `suggestedName`; null: the operator cancelled. */
  chooseTarget(suggestedName: string, format: ExportFormat): Promise<ExportTarget | null>;
  /** Shows a saved file in the system's file manager (only hosts that have one). */
  reveal?(path: string): void;
}

export function exportFailure(code: ExportErrorCode, reason = ''): AppFailure {
  const text = EXPORT_ERRORS[code];
  return new AppFailure(code, { 'zh-CN': fill(text['zh-CN'], { reason }), en: fill(text.en, { reason }) });
}

/** Files saved this run that the screen may ask to reveal (bounded: the newest are kept). */
const MAX_SAVED = 100;

/** The host of hosts without a dialog (tests, a core without adapters): `<dataDir>/exports`. */
export function dataFolderHost(dataDir: string): ExportHost {
  return {
    chooseTarget(suggestedName) {
      const folder = join(dataDir, 'exports');
      mkdirSync(folder, { recursive: true });
      const dot = suggestedName.lastIndexOf('.');
      const [stem, ext] = [suggestedName.slice(0, dot), suggestedName.slice(dot)];
      let path = join(folder, suggestedName);
      for (let n = 2; existsSync(path); n++) path = join(folder, `${stem} (${n})${ext}`);
      return Promise.resolve({ kind: 'file', path });
    },
  };
}

export class ExportService {
  private readonly saved = new Map<string, string>();

  constructor(private readonly host: ExportHost) {}

  /**
   * Asks the host where, then `write`s the file there. A write that fails becomes
   * `exports.write_failed` with the system's reason (a full disk, a read-only folder); a
   * failure the feature raised on purpose passes through.
   */
  async deliver(
    suggestedName: string,
    format: ExportFormat,
    write: (file: string) => Promise<{ rows: number }>,
  ): Promise<ExportOutcome> {
    const target = await this.host.chooseTarget(suggestedName, format);
    if (!target) return { status: 'cancelled' };
    // The dialog may hand back a name without the extension the format needs.
    const path = target.path.toLowerCase().endsWith(`.${format}`) ? target.path : `${target.path}.${format}`;
    let rows: number;
    try {
      ({ rows } = await write(path));
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw exportFailure('exports.write_failed', code ?? String((error as Error).message ?? error));
    }
    if (target.kind === 'download')
      return { status: 'download', fileName: suggestedName, rows, url: target.url };
    const savedId = randomBytes(12).toString('base64url');
    this.saved.set(savedId, path);
    if (this.saved.size > MAX_SAVED) this.saved.delete(this.saved.keys().next().value as string);
    return {
      status: 'saved',
      fileName: basename(path),
      path,
      rows,
      savedId,
      canReveal: this.host.reveal !== undefined,
    };
  }

  /** Shows a file this run saved in the file manager; only ids `deliver` answered are known. */
  reveal(savedId: string): true {
    const path = this.saved.get(savedId);
    if (!path || !existsSync(path) || !this.host.reveal) throw exportFailure('exports.saved_missing');
    this.host.reveal(path);
    return true;
  }
}
