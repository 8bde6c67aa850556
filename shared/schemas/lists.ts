import { z } from 'zod';
import { ROW_PROBLEMS, type RowProblemCode } from '../callList';

const listId = z.number().int().positive();
const problemCodes = Object.keys(ROW_PROBLEMS) as [RowProblemCode, ...RowProblemCode[]];

/** Largest file the renderer may hand over (well above a 100k-row workbook). */
export const MAX_STAGED_BYTES = 200 * 1024 * 1024;

export const listIdSchema = z.object({ listId }).strict();

export const stageFileSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.length <= MAX_STAGED_BYTES),
  })
  .strict();

const stagedId = z.string().regex(/^[a-zA-Z0-9_-]{8,64}$/);
export const stagedIdSchema = z.object({ stagedId }).strict();

export const inspectSchema = z
  .object({
    stagedId,
    sheet: z.string().max(255).optional(),
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    telephone: z.number().int().min(0).max(1000),
    outid: z.number().int().min(0).max(1000).nullable(),
    variables: z
      .array(
        z
          .object({ column: z.number().int().min(0).max(1000), name: z.string().trim().min(1).max(64) })
          .strict(),
      )
      .max(200),
  })
  .strict();

export const importSchema = z
  .object({
    stagedId,
    sheet: z.string().max(255),
    headerRow: z.number().int().min(1).max(1_048_576),
    mapping: mappingSchema,
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const rowsSchema = z
  .object({ listId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(2000) })
  .strict();

export const rowsByIdsSchema = z
  .object({ listId, ids: z.array(z.number().int().positive()).max(2000) })
  .strict();

export const querySchema = z
  .object({
    listId,
    problem: z.union([z.enum(problemCodes), z.literal('any')]).optional(),
    sortBy: z.string().max(80).optional(),
    descending: z.boolean().optional(),
  })
  .strict();

const newRow = z
  .object({
    telephoneRaw: z.string().max(200).optional(),
    variables: z.array(z.string().max(10_000)).max(200).optional(),
    restore: z
      .object({
        id: z.number().int().positive(),
        outid: z.string().max(64),
        outidOriginal: z.string().max(10_000).nullable(),
        sourceRow: z.number().int().nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const editSchema = z
  .object({
    listId,
    edits: z
      .array(
        z.discriminatedUnion('kind', [
          z
            .object({
              kind: z.literal('set'),
              rowId: z.number().int().positive(),
              column: z.string().max(80),
              value: z.string().max(10_000),
            })
            .strict(),
          z
            .object({
              kind: z.literal('insert'),
              at: z.number().int().min(0),
              rows: z.array(newRow).max(100_000),
            })
            .strict(),
          z
            .object({ kind: z.literal('delete'), rowIds: z.array(z.number().int().positive()).max(100_000) })
            .strict(),
        ]),
      )
      .min(1)
      .max(100_000),
  })
  .strict();

export const renameSchema = z.object({ listId, name: z.string().trim().min(1).max(200) }).strict();
