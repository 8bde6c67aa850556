import type { DncAddResult, DncPage } from '../dnc';
import {
  dncAddCallSchema,
  dncAddRowsSchema,
  dncAddSchema,
  dncImportSchema,
  dncListSchema,
  dncRemoveSchema,
} from '../schemas/dnc';
import { shape } from './shape';

/** The do-not-call list (免打扰名单): per account, or for every account. */
export const dncCalls = {
  /** A page of entries, newest first (default: the active account's and every account's). */
  'dnc:list': { input: dncListSchema, output: shape<DncPage>() },
  /** Numbers typed or pasted. */
  'dnc:add': { input: dncAddSchema, output: shape<DncAddResult>() },
  /** A call list's selected rows. */
  'dnc:addRows': { input: dncAddRowsSchema, output: shape<DncAddResult>() },
  /** A reviewed call's number. */
  'dnc:addCall': { input: dncAddCallSchema, output: shape<DncAddResult>() },
  /** A staged workbook or CSV (staged with `lists:stage`). */
  'dnc:import': { input: dncImportSchema, output: shape<DncAddResult>() },
  /** Removes entries; answers how many went. */
  'dnc:remove': { input: dncRemoveSchema, output: shape<number>() },
} as const;

export const dncEvents = {
  /** Entries were added or removed (plans shown meanwhile may be out of date). */
  'dnc:changed': shape<{ total: number }>(),
} as const;
