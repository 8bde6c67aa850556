import { z } from 'zod';
import { CALL_OUTCOMES, type RecallRequest, type ResultsFilter, type ResultsSource } from '../results';

/** Shapes of the results calls' inputs: types and sizes only; main does the rest. */

const taskId = z.string().trim().min(1).max(128);
const listId = z.number().int().positive();
const epoch = z.number().int().min(0).max(9_999_999_999_999);

export const resultsSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), taskId }).strict(),
  z.object({ kind: z.literal('list'), listId }).strict(),
]) satisfies z.ZodType<ResultsSource>;

export const resultsFilterSchema = z
  .object({
    outcomes: z.array(z.enum(CALL_OUTCOMES)).max(CALL_OUTCOMES.length).optional(),
    outcomeGroups: z.array(z.string().min(1).max(40)).max(20).optional(),
    intentions: z.array(z.string().max(200)).max(100).optional(),
    minTalkSeconds: z.number().min(0).max(86_400).optional(),
    maxTalkSeconds: z.number().min(0).max(86_400).optional(),
    from: epoch.optional(),
    to: epoch.optional(),
    text: z.string().max(200).optional(),
    customer: z.string().max(100).optional(),
  })
  .strict() satisfies z.ZodType<ResultsFilter>;

export const resultsQuerySchema = z
  .object({
    source: resultsSourceSchema,
    filter: resultsFilterSchema,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
  })
  .strict();

export const resultsCountsSchema = z
  .object({ source: resultsSourceSchema, filter: resultsFilterSchema })
  .strict();

export const taskIdInputSchema = z.object({ taskId }).strict();

export const callIdSchema = z.object({ callId: z.string().trim().min(1).max(128) }).strict();

export const fetchCallSchema = z.object({ taskId, outid: z.string().trim().min(1).max(128) }).strict();

/** Places a call's transcript on a recording of `durationMs` (known once the audio is decoded). */
export const transcriptSchema = z
  .object({
    callId: z.string().trim().min(1).max(128),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000)
      .nullable(),
  })
  .strict();

export const linkListSchema = z.object({ taskId, listId: listId.nullable() }).strict();

export const pushReceiverSchema = z
  .object({
    enabled: z.boolean(),
    port: z.number().int().min(1024).max(65_535).optional(),
    host: z.union([z.ipv4(), z.ipv6()]).optional(),
  })
  .strict();

export const storePeaksSchema = z
  .object({
    key: z.string().regex(/^[0-9a-f]{64}$/),
    peaks: z.instanceof(Uint8Array).refine((p) => p.byteLength <= 4 * 1024 * 1024),
    peaksPerSecond: z.number().int().min(1).max(1000),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000),
  })
  .strict();

/** "Call these again": a new list of the customers of a task's calls (by filter or chosen). */
export const recallSchema = z
  .object({
    taskId,
    taskName: z.string().max(200).optional(),
    filter: resultsFilterSchema,
    callIds: z.array(z.string().trim().min(1).max(128)).min(1).max(100_000).optional(),
    name: z.string().trim().min(1).max(200),
  })
  .strict() satisfies z.ZodType<RecallRequest>;
