import { create } from 'zustand';
import type {
  FileInspection,
  ImportMapping,
  ImportProgress,
  ImportResult,
} from '../../../../shared/importing';
import type { AppError } from '../../../../shared/result';

export type ImportPhase = 'idle' | 'reading' | 'mapping' | 'importing' | 'done';

interface ImportStore {
  phase: ImportPhase;
  fileName: string;
  /** The dropped file, kept so a failed import can be retried with the same choices. */
  file: File | null;
  stagedId: string | null;
  inspection: FileInspection | null;
  mapping: ImportMapping | null;
  name: string;
  progress: ImportProgress | null;
  result: ImportResult | null;
  error: AppError | null;
  /** Set when the operator cancelled the last import (not an error). */
  cancelled: boolean;
  /** Hands the file to main and reads its first rows. */
  start(file: File): Promise<void>;
  /** Re-reads with another sheet or header row. */
  reinspect(options: { sheet?: string; headerRow?: number }): Promise<void>;
  setMapping(mapping: ImportMapping): void;
  setName(name: string): void;
  run(): Promise<ImportResult | null>;
  cancel(): Promise<void>;
  reset(): void;
}

const initial = {
  phase: 'idle' as ImportPhase,
  fileName: '',
  file: null,
  stagedId: null,
  inspection: null,
  mapping: null,
  name: '',
  progress: null,
  result: null,
  error: null,
  cancelled: false,
};

/** Hands the file's bytes to main; answers the staged id, or reports the failure. */
async function stage(file: File, fail: (error: AppError) => void): Promise<string | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const staged = await window.api.lists.stage({ name: file.name, bytes });
  if (staged.ok) return staged.value.stagedId;
  fail(staged.error);
  return null;
}

const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '') || fileName;

/** The import wizard: drop → mapping with preview and problems → import with progress → done. */
export const useImportStore = create<ImportStore>()((set, get) => ({
  ...initial,
  async start(file) {
    set({ ...initial, phase: 'reading', file, fileName: file.name, name: stem(file.name) });
    const stagedId = await stage(file, (error) => set({ phase: 'idle', error }));
    if (!stagedId) return;
    set({ stagedId });
    await get().reinspect({});
  },
  async reinspect(options) {
    const { stagedId } = get();
    if (!stagedId) return;
    set({ phase: 'reading', error: null });
    const inspection = await window.api.lists.inspect({ stagedId, ...options });
    if (!inspection.ok) return set({ phase: get().inspection ? 'mapping' : 'idle', error: inspection.error });
    set({ phase: 'mapping', inspection: inspection.value, mapping: inspection.value.suggestedMapping });
  },
  setMapping: (mapping) => set({ mapping }),
  setName: (name) => set({ name }),
  async run() {
    const { inspection, mapping, name, file } = get();
    let { stagedId } = get();
    if (!inspection || !mapping) return null;
    set({ phase: 'importing', progress: { rowsDone: 0, rowsEstimate: null, fraction: 0 }, error: null });
    // After a failed or cancelled try main has dropped the staged copy: stage the same file again.
    if (!stagedId && file) {
      stagedId = await stage(file, (error) => set({ phase: 'mapping', error }));
      set({ stagedId });
    }
    if (!stagedId) return null;
    const current = stagedId;
    const stop = window.api.import.onProgress((progress) => {
      if (progress.stagedId === current) set({ progress });
    });
    const result = await window.api.lists.import({
      stagedId: current,
      sheet: inspection.sheet,
      headerRow: inspection.headerRow,
      mapping,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    stop();
    if (!result.ok) {
      // Cancelling is the operator's choice, not a failure: back to the drop, no error shown.
      if (result.error.code === 'import.cancelled') set({ ...initial, cancelled: true });
      // A failure keeps every choice (sheet, header row, mapping, name) for another try.
      else set({ phase: 'mapping', stagedId: null, progress: null, error: result.error });
      return null;
    }
    set({ phase: 'done', result: result.value });
    return result.value;
  },
  async cancel() {
    const { stagedId, phase } = get();
    if (phase === 'importing' && stagedId) await window.api.lists.cancelImport({ stagedId });
    else set({ ...initial, cancelled: true });
  },
  reset: () => set({ ...initial }),
}));
