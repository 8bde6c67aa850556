import type { AppliedEdits, CallList, CallRow, ListProblem } from '../callList';
import type { FileInspection, ImportProgress, ImportResult } from '../importing';
import {
  editSchema,
  importSchema,
  inspectSchema,
  listIdSchema,
  querySchema,
  renameSchema,
  rowsByIdsSchema,
  rowsSchema,
  stagedIdSchema,
  stageFileSchema,
} from '../schemas/lists';
import { noInput, shape } from './shape';

export const listCalls = {
  /** Every call list, newest first, with row and valid counts. */
  'lists:all': { input: noInput, output: shape<CallList[]>() },
  /** One list. */
  'lists:get': { input: listIdSchema, output: shape<CallList>() },
  /** Hands a dropped or picked file to main; answers an id for inspect/import. */
  'lists:stage': { input: stageFileSchema, output: shape<{ stagedId: string }>() },
  /** Reads a staged file's sheets, header row, suggested mapping, sample rows and problems. */
  'lists:inspect': { input: inspectSchema, output: shape<FileInspection>() },
  /** Imports a staged file into a new list (progress as `import:progress`). */
  'lists:import': { input: importSchema, output: shape<ImportResult>() },
  /** Cancels a running import: no list is created. */
  'lists:cancelImport': { input: stagedIdSchema, output: shape<boolean>() },
  /** Rows in list order. */
  'lists:rows': { input: rowsSchema, output: shape<CallRow[]>() },
  /** Rows by id, in the order asked (what a sorted or filtered grid shows). */
  'lists:rowsByIds': { input: rowsByIdsSchema, output: shape<CallRow[]>() },
  /** Row ids in the order and filter the grid asks for. */
  'lists:query': { input: querySchema, output: shape<number[]>() },
  /** Every problem of the list, for the problems panel. */
  'lists:problems': { input: listIdSchema, output: shape<ListProblem[]>() },
  /** Applies edits in one transaction; answers their inverse for undo. */
  'lists:edit': { input: editSchema, output: shape<AppliedEdits>() },
  'lists:rename': { input: renameSchema, output: shape<CallList>() },
  'lists:duplicate': { input: renameSchema, output: shape<CallList>() },
  'lists:delete': { input: listIdSchema, output: shape<true>() },
} as const;

export const listEvents = {
  /** A running import moved on. */
  'import:progress': shape<ImportProgress & { stagedId: string }>(),
  /** Lists were added, renamed or deleted (another window may show them). */
  'lists:changed': shape<CallList[]>(),
} as const;
