import { create } from 'zustand';
import type { CallList, CallRow, CallRowEdit, ListProblem, RowQuery } from '../../../../shared/callList';
import type { AppError } from '../../../../shared/result';

/** Rows fetched per request while scrolling. */
const PAGE = 200;

export interface Cell {
  /** Index in the current view (after filter and sort). */
  index: number;
  /** `telephone` or `var:<name>`; read-only columns are `sourceRow`, `outid`, `problems`. */
  column: string;
}

interface GridStore {
  list: CallList | null;
  /** Row ids in view order: what the grid scrolls through. */
  viewIds: number[];
  rows: Map<number, CallRow>;
  query: RowQuery;
  selected: Cell | null;
  checked: Set<number>;
  undoStack: CallRowEdit[][];
  redoStack: CallRowEdit[][];
  problems: ListProblem[] | null;
  busy: boolean;
  /** Opening the list or re-reading its view (a sort of 100,000 rows takes a moment). */
  loading: boolean;
  error: AppError | null;
  open(listId: number): Promise<void>;
  close(): void;
  setQuery(query: RowQuery): Promise<void>;
  ensureRows(from: number, to: number): Promise<void>;
  /** Applies edits as one undoable step. */
  apply(edits: CallRowEdit[]): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  select(cell: Cell | null): void;
  toggleChecked(rowId: number): void;
  setChecked(ids: Set<number>): void;
  loadProblems(): Promise<void>;
  dismissError(): void;
}

const inflight = new Set<number>();
/**
 * Rows read since the last edit. An edit can move duplicate flags on any row, so afterwards
 * every row is re-read when shown again, while the grid keeps showing the old values meanwhile.
 */
let fresh = new Set<number>();

/** The store's state with no list open. */
const emptyList = (): Pick<
  GridStore,
  | 'list'
  | 'viewIds'
  | 'rows'
  | 'query'
  | 'selected'
  | 'checked'
  | 'undoStack'
  | 'redoStack'
  | 'problems'
  | 'error'
> => ({
  list: null,
  viewIds: [],
  rows: new Map(),
  query: {},
  selected: null,
  checked: new Set(),
  undoStack: [],
  redoStack: [],
  problems: null,
  error: null,
});

export const useGridStore = create<GridStore>()((set, get) => {
  const fail = (error: AppError): void => set({ error, busy: false, loading: false });

  /** Re-reads the view after rows were added or removed, keeping what is cached. */
  const requery = async (): Promise<void> => {
    const { list, query } = get();
    if (!list) return;
    const ids = await window.api.lists.query({ listId: list.id, ...query });
    if (ids.ok) set({ viewIds: ids.value });
    else fail(ids.error);
  };

  /** Sends one batch; on success the rows it touched are re-read (duplicate flags may move). */
  const send = async (edits: CallRowEdit[]): Promise<CallRowEdit[] | null> => {
    const { list } = get();
    if (!list) return null;
    set({ busy: true });
    const result = await window.api.lists.edit({ listId: list.id, edits });
    if (!result.ok) {
      fail(result.error);
      return null;
    }
    const structural = edits.some((edit) => edit.kind !== 'set');
    fresh = new Set();
    // A new Map (same rows) tells the grid to re-read what it shows; old values stay until then.
    set({ list: result.value.list, rows: new Map(get().rows), busy: false, error: null, problems: null });
    if (structural) await requery();
    return result.value.inverse;
  };

  return {
    ...emptyList(),
    busy: false,
    loading: false,
    async open(listId) {
      fresh = new Set();
      set({ ...emptyList(), loading: true });
      const list = await window.api.lists.get({ listId });
      if (!list.ok) return fail(list.error);
      set({ list: list.value });
      await requery();
      set({ loading: false });
    },
    close: () => set({ list: null, viewIds: [], rows: new Map() }),
    async setQuery(query) {
      set({ query, selected: null, checked: new Set(), loading: true });
      await requery();
      set({ loading: false });
    },
    async ensureRows(from, to) {
      const { list, viewIds } = get();
      if (!list) return;
      const wanted = viewIds
        .slice(Math.max(0, from), Math.min(viewIds.length, to))
        .filter((id) => !fresh.has(id) && !inflight.has(id));
      for (let i = 0; i < wanted.length; i += PAGE) {
        const ids = wanted.slice(i, i + PAGE);
        ids.forEach((id) => inflight.add(id));
        const result = await window.api.lists.rowsByIds({ listId: list.id, ids });
        ids.forEach((id) => inflight.delete(id));
        if (!result.ok) return fail(result.error);
        if (get().list?.id !== list.id) return;
        const next = new Map(get().rows);
        for (const row of result.value) {
          next.set(row.id, row);
          fresh.add(row.id);
        }
        set({ rows: next });
      }
    },
    async apply(edits) {
      const inverse = await send(edits);
      if (!inverse) return false;
      set({ undoStack: [...get().undoStack, inverse], redoStack: [] });
      return true;
    },
    async undo() {
      const step = get().undoStack.at(-1);
      if (!step || get().busy) return;
      const inverse = await send(step);
      if (inverse) set({ undoStack: get().undoStack.slice(0, -1), redoStack: [...get().redoStack, inverse] });
    },
    async redo() {
      const step = get().redoStack.at(-1);
      if (!step || get().busy) return;
      const inverse = await send(step);
      if (inverse) set({ redoStack: get().redoStack.slice(0, -1), undoStack: [...get().undoStack, inverse] });
    },
    select: (selected) => set({ selected }),
    toggleChecked(rowId) {
      const checked = new Set(get().checked);
      if (checked.has(rowId)) checked.delete(rowId);
      else checked.add(rowId);
      set({ checked });
    },
    setChecked: (checked) => set({ checked }),
    async loadProblems() {
      const { list } = get();
      if (!list) return;
      const result = await window.api.lists.problems({ listId: list.id });
      if (result.ok) set({ problems: result.value });
      else fail(result.error);
    },
    dismissError: () => set({ error: null }),
  };
});
