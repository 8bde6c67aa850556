import { z } from 'zod';
import type { AccountDraft } from '../accounts';

const timeSlot =
  /^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-4]):[0-5]\d(,([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-4]):[0-5]\d)*$/;

export const taskDefaultsSchema = z
  .object({
    templateid: z.string().trim().max(128).optional(),
    telephone: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{3,20}$/),
      )
      .max(50)
      .optional(),
    callTimeSlot: z.string().trim().regex(timeSlot).optional(),
  })
  .strict();

/** Accepts only http(s) URLs: the base URL is where the credentials are sent. */
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  });

export const accountDraftSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(60),
    baseUrl: httpUrl,
    email: z
      .union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(254)
          .regex(/^[^\s@]+@[^\s@]+$/),
      ])
      .optional(),
    appid: z.string().trim().min(1).max(256),
    signature: z.string().max(1024).optional(),
    defaults: taskDefaultsSchema.optional(),
  })
  .strict() satisfies z.ZodType<AccountDraft>;

export const accountIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const optionalAccountIdSchema = z.object({ id: z.string().min(1).max(64).optional() }).strict();
