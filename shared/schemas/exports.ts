import { z } from 'zod';
import { resultsFilterSchema, resultsSourceSchema } from './results';

/** Shapes of the export calls' inputs: types and sizes only; main does the rest. */

const format = z.enum(['xlsx', 'csv']);

export const exportListSchema = z
  .object({
    listId: z.number().int().positive(),
    format,
    /** `raw` (default): the telephone as typed; `normalised`: the digits that get dialled. */
    telephone: z.enum(['raw', 'normalised']).optional(),
  })
  .strict();

export const exportResultsSchema = z
  .object({ source: resultsSourceSchema, filter: resultsFilterSchema, format })
  .strict();

export const exportDncSchema = z
  .object({ format, scope: z.enum(['account', 'all', 'both']).optional() })
  .strict();

export const revealSchema = z.object({ savedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict();
