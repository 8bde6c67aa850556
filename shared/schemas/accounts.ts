import { z } from 'zod';
import type { AccountDraft, TaskDefaults } from '../accounts';
import { PROVIDER_IDS } from '../providers';

const range = /^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-4]):[0-5]\d$/;

export const taskDefaultsSchema = z
  .object({
    templateId: z.string().trim().max(128).optional(),
    callerNumbers: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[\d*#]{3,24}$/),
      )
      .max(50)
      .optional(),
    callingHours: z.array(z.string().trim().regex(range)).max(20).optional(),
  })
  .strict() satisfies z.ZodType<TaskDefaults>;

/** Field names are the provider's (checked against its specs in main); values are bounded here. */
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,40}$/);

/**
 * Types and sizes only: each provider checks its own fields in main (URLs, required fields),
 * answering with the field that is wrong.
 */
export const accountDraftSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    provider: z.enum(PROVIDER_IDS),
    name: z.string().trim().min(1).max(60),
    // A PEM certificate chain fits easily in 64 KB.
    settings: z.record(fieldName, z.string().max(65_536)).refine((r) => Object.keys(r).length <= 20),
    secrets: z
      .record(fieldName, z.string().max(4096))
      .refine((r) => Object.keys(r).length <= 10)
      .optional(),
    defaults: taskDefaultsSchema.optional(),
  })
  .strict() satisfies z.ZodType<AccountDraft>;

export const accountIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const optionalAccountIdSchema = z.object({ id: z.string().min(1).max(64).optional() }).strict();
