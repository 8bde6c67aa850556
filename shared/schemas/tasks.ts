import { z } from 'zod';
import type { TaskDraft, TaskEdit, TaskValidity } from '../tasks';

/**
 * Shapes of the tasks calls' inputs. They check types and sizes only; the rules an operator can
 * break (overlapping hours, too many robots…) are in taskRules.ts, so main answers them with the
 * same localised message the wizard shows.
 */

const taskId = z.string().trim().min(1).max(128);
const phone = z
  .string()
  .trim()
  .regex(/^[\d*#]{3,24}$/);
const timestamp = z.number().int().min(0).max(9_999_999_999_999);

export const taskValiditySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('permanent') }).strict(),
  z.object({ kind: z.literal('range'), start: timestamp, end: timestamp }).strict(),
]) satisfies z.ZodType<TaskValidity>;

const callingHours = z.array(z.string().max(20)).max(20);
const name = z.string().max(200);
const callers = z.array(phone).max(50);
const robots = z.number().int().min(0).max(10_000);

export const taskDraftSchema = z
  .object({
    templateId: z.string().trim().max(128),
    name,
    callerNumbers: callers,
    robots,
    callingHours,
    validity: taskValiditySchema,
    resultPush: z
      .object({ url: z.string().trim().max(500), when: z.enum(['transfer', 'every_call']) })
      .strict()
      .optional(),
    numberHiding: z.enum(['none', 'last4', 'middle4']),
    exportAllowed: z.boolean(),
  })
  .strict() satisfies z.ZodType<TaskDraft>;

export const taskEditSchema = z
  .object({
    id: taskId,
    name: name.optional(),
    callerNumbers: callers.optional(),
    robots: robots.optional(),
    callingHours: callingHours.optional(),
    validity: taskValiditySchema.optional(),
  })
  .strict() satisfies z.ZodType<TaskEdit>;

export const taskIdSchema = z.object({ id: taskId }).strict();

/** Ids of the tasks whose chart to compute (the client splits them by 15). */
export const taskStatsSchema = z.object({ ids: z.array(taskId).min(1).max(100) }).strict();

/** A template's `index`-th first-node recording (0-based). */
export const templateAudioSchema = z
  .object({ templateId: z.string().trim().min(1).max(128), index: z.number().int().min(0).max(99) })
  .strict();
