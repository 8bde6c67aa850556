import { z } from 'zod';

/** Shapes of the do-not-call calls' inputs; the feature normalises and checks the numbers. */

const target = z.enum(['all', 'account']);
const reason = z.string().max(200).optional();
const stagedId = z.string().regex(/^[a-zA-Z0-9_-]{8,64}$/);

export const dncListSchema = z
  .object({
    scope: z.enum(['account', 'all', 'both']).optional(),
    search: z.string().max(100).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const dncAddSchema = z
  .object({ telephones: z.array(z.string().max(64)).min(1).max(100_000), target, reason })
  .strict();

export const dncAddRowsSchema = z
  .object({
    listId: z.number().int().positive(),
    rowIds: z.array(z.number().int().positive()).min(1).max(200_000),
    target,
    reason,
  })
  .strict();

export const dncAddCallSchema = z.object({ callId: z.string().min(1).max(128), target, reason }).strict();

export const dncImportSchema = z
  .object({
    stagedId,
    target,
    sheet: z.string().max(255).optional(),
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
    /** The phone column by letter or header text; default: found as a list import would. */
    phone: z.string().max(255).optional(),
    /** A column whose text becomes each entry's reason. */
    reasonColumn: z.string().max(255).optional(),
  })
  .strict();

export const dncRemoveSchema = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) })
  .strict();
