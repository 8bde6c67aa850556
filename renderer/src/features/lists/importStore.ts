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
  stagedId: string | null;
  inspection: FileInspection | null;
  mapping: ImportMapping | null;
  name: string;
  progress: ImportProgress | null;
  result: ImportResult | null;
  error: AppError | null;
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
  stagedId: null,
  inspection: null,
  mapping: null,
  name: '',
  progress: null,
  result: null,
  error: null,
};

const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '') || fileName;

/** The import wizard: drop → mapping with preview and problems → import with progress → done. */
export const useImportStore = create<ImportStore>()((set, get) => ({
  ...initial,
  async start(file) {
    set({ ...initial, phase: 'reading', fileName: file.name, name: stem(file.name) });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const staged = await window.api.lists.stage({ name: file.name, bytes });
    if (!staged.ok) return set({ phase: 'idle', error: staged.error });
    set({ stagedId: staged.value.stagedId });
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
    const { stagedId, inspection, mapping, name } = get();
    if (!stagedId || !inspection || !mapping) return null;
    set({ phase: 'importing', progress: { rowsDone: 0, rowsEstimate: null, fraction: 0 }, error: null });
    const stop = window.api.import.onProgress((progress) => {
      if (progress.stagedId === stagedId) set({ progress });
    });
    const result = await window.api.lists.import({
      stagedId,
      sheet: inspection.sheet,
      headerRow: inspection.headerRow,
      mapping,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    stop();
    if (!result.ok) {
      // The staged file is gone after a failed or cancelled import: start again from the drop.
      set({ ...initial, error: result.error });
      return null;
    }
    set({ phase: 'done', result: result.value });
    return result.value;
  },
  async cancel() {
    const { stagedId, phase } = get();
    if (phase === 'importing' && stagedId) await window.api.lists.cancelImport({ stagedId });
    else set({ ...initial });
  },
  reset: () => set({ ...initial }),
}));
