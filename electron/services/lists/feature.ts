import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppliedEdits, CallList, CallRow, CallRowEdit, ListProblem } from '../../../shared/callList';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { FileInspection, ImportMapping, ImportResult } from '../../../shared/importing';
import { importFile } from './importFile';
import { inspectFile } from '../importer/inspect';
import { applyEdits, writeEdits } from './edits';
import { listFailure } from './errors';
import type { ExportOutcome } from '../../../shared/exports';
import type { Locale } from '../../../shared/locale';
import { defaultFileName } from '../exports/fileName';
import { dataFolderHost, ExportService } from '../exports/service';
import { exportList } from './export';
import type { ListServices } from './index';
import type { RowQuery } from '../../../shared/callList';
import type { DbReader } from '../db/worker/dbReader';

export interface ListsFeatureDeps {
  dataDir: string;
  services: ListServices;
  broadcast: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Delivers exports (the save dialog in the app); default: files under `<dataDir>/exports`. */
  exports?: ExportService;
  /** The user's language, for the headers the app adds. */
  locale?: () => Locale;
  now?: () => number;
  /**
   * Clears files staged by an earlier run (only the process that owns the data folder may: a
   * CLI command running beside the app must not delete what the app's windows staged).
   */
  cleanStaging?: boolean;
  /** Runs long reads (sort, filter) and import writes on the database worker; absent: on this thread. */
  reader?: DbReader;
}

/** How often a running import tells the renderer how far it is. */
const PROGRESS_EVERY_MS = 150;

/** A file name safe to keep inside the staging folder (the name is the user's, so keep it readable). */
function safeFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))]
    .map((char) => (char.charCodeAt(0) < 32 || '<>:"|?*'.includes(char) ? '_' : char))
    .join('');
  return base.length > 0 && base !== '.' && base !== '..' ? base.slice(-200) : 'workbook';
}

/**
 * The call-list feature as the contract sees it: staging dropped files, inspecting and
 * importing them with progress and cancel, and the list operations. Runs in main (or a host
 * without Electron); the renderer only ever holds rows it displays.
 */
export class ListsFeature {
  private readonly stagingDir: string;
  private readonly staged = new Map<string, string>();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: ListsFeatureDeps) {
    this.stagingDir = join(deps.dataDir, 'staging');
    // Files staged by an earlier run can never be imported: their ids are gone.
    if (deps.cleanStaging !== false) rmSync(this.stagingDir, { recursive: true, force: true });
  }

  get store() {
    return this.deps.services.store;
  }

  /** The remembered column mappings (per header set). */
  get memory() {
    return this.deps.services.memory;
  }

  /** Keeps the file's bytes under the data folder and answers the id the wizard uses. */
  stage(name: string, bytes: Uint8Array): { stagedId: string } {
    const stagedId = randomBytes(12).toString('base64url');
    const folder = join(this.stagingDir, stagedId);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, safeFileName(name));
    writeFileSync(path, bytes);
    this.staged.set(stagedId, path);
    return { stagedId };
  }

  inspect(stagedId: string, options: { sheet?: string; headerRow?: number }): Promise<FileInspection> {
    return inspectFile(this.stagedPath(stagedId), { ...options, memory: this.deps.services.memory });
  }

  /** Imports a staged file; a cancel or failure leaves no list. The staged file is removed either way. */
  async import(
    stagedId: string,
    request: { sheet: string; headerRow: number; mapping: ImportMapping; name?: string },
  ): Promise<ImportResult> {
    const path = this.stagedPath(stagedId);
    const controller = new AbortController();
    this.running.set(stagedId, controller);
    let last = 0;
    try {
      const result = await importFile(path, request, {
        store: this.store,
        memory: this.deps.services.memory,
        signal: controller.signal,
        // The rows are written on the database worker where the core has one.
        ...(this.deps.reader ? { sink: this.deps.reader.importSink() } : {}),
        onProgress: (progress) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS) return;
          last = now;
          this.deps.broadcast('import:progress', { stagedId, ...progress });
        },
      });
      this.deps.broadcast('import:progress', {
        stagedId,
        rowsDone: result.list.rowCount,
        rowsEstimate: result.list.rowCount,
        fraction: 1,
      });
      this.announce();
      return result;
    } finally {
      this.running.delete(stagedId);
      this.staged.delete(stagedId);
      rmSync(join(this.stagingDir, stagedId), { recursive: true, force: true });
    }
  }

  /**
   * Hands a staged file to another feature that reads it (the do-not-call import), then removes
   * it, whatever happened.
   */
  async useStaged<T>(stagedId: string, read: (path: string) => Promise<T>): Promise<T> {
    const path = this.stagedPath(stagedId);
    try {
      return await read(path);
    } finally {
      this.staged.delete(stagedId);
      rmSync(join(this.stagingDir, stagedId), { recursive: true, force: true });
    }
  }

  cancelImport(stagedId: string): boolean {
    const controller = this.running.get(stagedId);
    controller?.abort();
    return controller !== undefined;
  }

  /** Row ids in the order and filter asked, sorted off the main thread when the core has a reader. */
  queryRowIds(listId: number, query: RowQuery): Promise<number[]> | number[] {
    return this.deps.reader
      ? this.deps.reader.queryRowIds(listId, query)
      : this.store.queryRowIds(listId, query);
  }

  /**
   * The grid's page of rows by id, read on the worker when the core has a reader: right after a
   * sort there its connection has the list's pages cached, while main's would read them again.
   */
  rowsByIds(listId: number, ids: number[]): Promise<CallRow[]> | CallRow[] {
    return this.deps.reader ? this.deps.reader.rowsByIds(listId, ids) : this.store.getRowsByIds(listId, ids);
  }

  /** Every ready list with its counts, counted on the worker when the core has a reader. */
  all(): Promise<CallList[]> | CallList[] {
    return this.deps.reader ? this.deps.reader.listLists() : this.store.listLists();
  }

  /** Every problem of a list, for the problems panel (read on the worker, if any). */
  problems(listId: number): Promise<ListProblem[]> | ListProblem[] {
    return this.deps.reader ? this.deps.reader.listProblems(listId) : this.store.listProblems(listId);
  }

  /** One list with its counts (see {@link all}). */
  get(listId: number): Promise<CallList> | CallList {
    return this.deps.reader ? this.deps.reader.getList(listId) : this.store.getList(listId);
  }

  /**
   * Applies a batch of grid edits here (a small write by id) and answers the list's new counts,
   * counted on the worker when the core has a reader: a count over 100,000 rows would hold this
   * thread for about 30 ms after every edit.
   */
  edit(listId: number, edits: CallRowEdit[]): Promise<AppliedEdits> | AppliedEdits {
    const reader = this.deps.reader;
    if (!reader) return applyEdits(this.store, listId, edits);
    const applied = writeEdits(this.store, listId, edits);
    return this.countedAfterWrite(reader, listId).then((list) => ({ ...applied, list }));
  }

  /** Renames a list here (one row) and answers it with its counts (counted on the worker, if any). */
  async rename(listId: number, name: string): Promise<CallList> {
    const reader = this.deps.reader;
    let list: CallList;
    if (reader) {
      this.store.setName(listId, name);
      list = await this.countedAfterWrite(reader, listId);
    } else list = this.store.rename(listId, name);
    this.announce();
    return list;
  }

  /** Copies a list and its rows (on the worker when the core has a reader: 100,000 rows to copy). */
  async duplicate(listId: number, name: string): Promise<CallList> {
    const list = this.deps.reader
      ? await this.deps.reader.duplicateList(listId, name)
      : this.store.duplicate(listId, name);
    this.announce();
    return list;
  }

  /** Deletes a list and its rows (on the worker when the core has a reader). */
  async delete(listId: number): Promise<true> {
    if (this.deps.reader) await this.deps.reader.deleteList(listId);
    else this.store.deleteList(listId);
    this.announce();
    return true;
  }

  /**
   * Writes the list where the host says (a save dialog in the app, a download in the harness),
   * named after the list and today's date.
   */
  async exportFile(
    listId: number,
    format: 'xlsx' | 'csv',
    telephone: 'raw' | 'normalised' = 'raw',
  ): Promise<ExportOutcome> {
    // Its name only (its record): counting its rows here would hold this thread.
    const list = this.store.record(listId);
    const exports = this.deps.exports ?? new ExportService(dataFolderHost(this.deps.dataDir));
    const name = defaultFileName([list.name], format, (this.deps.now ?? Date.now)());
    const locale = this.deps.locale?.() ?? 'zh-CN';
    return exports.deliver(name, format, (file) =>
      exportList(this.store, listId, file, { format, telephone, locale }),
    );
  }

  /** Imports running now (an update waits for them). */
  runningImports(): number {
    return this.running.size;
  }

  close(): void {
    for (const controller of this.running.values()) controller.abort();
    this.deps.services.close();
  }

  private stagedPath(stagedId: string): string {
    const path = this.staged.get(stagedId);
    if (!path || !existsSync(path)) throw listFailure('lists.staged_missing');
    return path;
  }

  /**
   * A list's counts after a write made here: from the worker, or counted here if the worker
   * failed meanwhile (the write has landed; an error would have the window make it again).
   */
  private countedAfterWrite(reader: DbReader, listId: number): Promise<CallList> {
    return reader.getList(listId).catch(() => this.store.getList(listId));
  }

  /**
   * Tells the windows the lists changed, with their counts. Counted on the worker when the core
   * has one; its answers come back in the order asked, so the last event has the last state.
   */
  announce(): void {
    const reader = this.deps.reader;
    if (!reader) {
      this.deps.broadcast('lists:changed', this.store.listLists());
      return;
    }
    reader.listLists().then(
      (lists) => this.deps.broadcast('lists:changed', lists),
      // Only after close (the worker is gone with the windows) or a broken database, which the
      // windows' next call reports.
      () => undefined,
    );
  }
}

/** Staged files left by a crashed run (for tests: nothing must remain after an import). */
export function stagedFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'staging');
  return existsSync(dir) ? readdirSync(dir) : [];
}
