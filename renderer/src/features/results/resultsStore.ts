import type { ExportOutcome } from '../../../../shared/exports';
import { startDownload } from './download';
import { create } from 'zustand';
import type { AppError } from '../../../../shared/result';
import type {
  CallResult,
  RecallReport,
  ResultsCounts,
  ResultsFilter,
  ResultsSource,
  ResultsSourceOption,
  SyncProgress,
} from '../../../../shared/results';

/** Rows read from main per request; the table asks for the pages in view. */
export const PAGE_SIZE = 100;

interface ResultsState {
  sources: ResultsSourceOption[];
  source: ResultsSource | null;
  filter: ResultsFilter;
  /** Matching calls in main; rows are loaded by page as they scroll into view. */
  total: number;
  rows: Map<number, CallResult>;
  /** Bumped whenever the query changes, so stale page answers are dropped. */
  version: number;
  counts: ResultsCounts | null;
  progress: SyncProgress | null;
  notice: string | null;
  selectedId: string | null;
  error: AppError | null;
  loadSources(): Promise<void>;
  setSource(source: ResultsSource | null): void;
  setFilter(patch: Partial<ResultsFilter>): void;
  clearFilter(): void;
  /** Reloads the current query (after a sync, a push, a link). */
  refresh(): void;
  ensureRows(first: number, last: number): Promise<void>;
  sync(): Promise<void>;
  cancelSync(): Promise<void>;
  onProgress(progress: SyncProgress): void;
  select(id: string | null): void;
  /** Shows a call as main answered it now (its times looked up on review) in its loaded row. */
  updateCall(call: CallResult): void;
  /** Selects the call `delta` rows away from the selected one (next/previous call keys). */
  step(delta: number): void;
  /** Exports the shown calls (save dialog in the app, a download in the harness); null: failed. */
  exportTo(format: 'xlsx' | 'csv'): Promise<ExportOutcome | null>;
  linkList(listId: number | null): Promise<void>;
  /** "Call these again": a new call list of the shown calls' customers (a task's only). */
  makeList(name: string): Promise<RecallReport | null>;
  dismissError(): void;
}

const requested = new Set<string>();

/** Drops undefined keys so the filter passes main's strict schema. */
function clean(filter: ResultsFilter): ResultsFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as ResultsFilter;
}

export const useResultsStore = create<ResultsState>()((set, get) => {
  const reload = (): void => {
    requested.clear();
    set({ rows: new Map(), version: get().version + 1 });
    const { source, filter } = get();
    if (!source) {
      set({ total: 0, counts: null });
      return;
    }
    void get().ensureRows(0, PAGE_SIZE);
    const version = get().version;
    void window.api.results.counts({ source, filter: clean(filter) }).then((result) => {
      if (get().version !== version) return;
      if (result.ok) set({ counts: result.value, total: result.value.total });
      else set({ error: result.error });
    });
  };

  return {
    sources: [],
    source: null,
    filter: {},
    total: 0,
    rows: new Map(),
    version: 0,
    counts: null,
    progress: null,
    notice: null,
    selectedId: null,
    error: null,

    async loadSources() {
      const result = await window.api.results.sources();
      if (!result.ok) return set({ error: result.error });
      set({ sources: result.value });
      if (!get().source) {
        const first = result.value.find((s) => s.source.kind === 'task') ?? result.value[0];
        if (first) get().setSource(first.source);
      }
    },

    setSource(source) {
      set({ source, selectedId: null, progress: null, notice: null });
      reload();
    },

    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
      reload();
    },

    clearFilter() {
      set({ filter: {} });
      reload();
    },

    refresh: reload,

    async ensureRows(first, last) {
      const { source, filter, version } = get();
      if (!source) return;
      for (
        let offset = Math.floor(first / PAGE_SIZE) * PAGE_SIZE;
        offset < Math.max(last, 1);
        offset += PAGE_SIZE
      ) {
        const key = `${version}:${offset}`;
        if (requested.has(key)) continue;
        requested.add(key);
        const result = await window.api.results.query({
          source,
          filter: clean(filter),
          offset,
          limit: PAGE_SIZE,
        });
        if (get().version !== version) return;
        if (!result.ok) return set({ error: result.error });
        const rows = new Map(get().rows);
        result.value.calls.forEach((call, i) => rows.set(offset + i, call));
        set({ rows, total: result.value.total });
      }
    },

    async sync() {
      const source = get().source;
      if (source?.kind !== 'task') return;
      set({ notice: null, error: null });
      const result = await window.api.sync.start({ taskId: source.taskId });
      if (!result.ok) set({ error: result.error });
      void get().loadSources();
      reload();
    },

    async cancelSync() {
      const source = get().source;
      if (source?.kind === 'task') await window.api.sync.cancel({ taskId: source.taskId });
    },

    onProgress(progress) {
      const source = get().source;
      if (source?.kind !== 'task' || source.taskId !== progress.taskId) return;
      set({ progress });
    },

    select(id) {
      set({ selectedId: id });
    },

    step(delta) {
      const { rows, selectedId, total } = get();
      let index = -1;
      for (const [i, call] of rows) if (call.id === selectedId) index = i;
      const next = Math.min(total - 1, Math.max(0, index + delta));
      const call = rows.get(next);
      if (call) set({ selectedId: call.id });
      else void get().ensureRows(next, next + 1);
    },

    async exportTo(format) {
      const { source, filter } = get();
      if (!source) return null;
      const result = await window.api.exports.results({ source, filter: clean(filter), format });
      if (!result.ok) {
        set({ error: result.error });
        return null;
      }
      if (result.value.status === 'download') startDownload(result.value.url, result.value.fileName);
      return result.value;
    },

    async linkList(listId) {
      const source = get().source;
      if (source?.kind !== 'task') return;
      const result = await window.api.results.linkList({ taskId: source.taskId, listId });
      if (!result.ok) set({ error: result.error });
      reload();
    },

    async makeList(name) {
      const { source, filter, sources } = get();
      if (source?.kind !== 'task') return null;
      const taskName = sources.find(
        (s) => s.source.kind === 'task' && s.source.taskId === source.taskId,
      )?.name;
      const result = await window.api.results.toList({
        taskId: source.taskId,
        ...(taskName ? { taskName } : {}),
        filter: clean(filter),
        name,
      });
      if (!result.ok) {
        set({ error: result.error });
        return null;
      }
      return result.value;
    },

    updateCall(call) {
      const rows = get().rows;
      for (const [index, row] of rows)
        if (row.id === call.id) {
          // (Often unchanged: then the row is left as it is, and the table does not redraw.)
          if (JSON.stringify(row) !== JSON.stringify(call)) set({ rows: new Map(rows).set(index, call) });
          return;
        }
    },

    dismissError() {
      set({ error: null });
    },
  };
});
