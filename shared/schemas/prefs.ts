import { z } from 'zod';
import { LOCALES } from '../locale';
import { DEFAULT_PREFS, MAX_FEED_URL, THEMES, type Prefs, type PrefsPatch } from '../prefs';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An update feed: https, no credentials in the URL; plain http only on loopback (a feed served
 * from this machine while testing a release).
 */
export const feedUrlSchema = z
  .string()
  .trim()
  .max(MAX_FEED_URL)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'an https URL');

export const prefsSchema = z.object({
  locale: z.enum(LOCALES),
  theme: z.enum(THEMES),
  updates: z.boolean(),
  updateFeedUrl: feedUrlSchema.nullable(),
}) satisfies z.ZodType<Prefs>;

/** Unknown keys are refused: the renderer is not trusted. */
export const prefsPatchSchema = prefsSchema.partial().strict() satisfies z.ZodType<PrefsPatch>;

/**
 * Reads whatever was stored (maybe by an older or newer version, maybe hand-edited) and keeps
 * every valid key, replacing the rest with defaults, so a bad file never stops the app.
 */
export function sanitizePrefs(stored: unknown): Prefs {
  const out: Prefs = { ...DEFAULT_PREFS };
  if (stored && typeof stored === 'object') {
    const record = stored as Record<string, unknown>;
    for (const key of Object.keys(prefsSchema.shape) as (keyof Prefs)[]) {
      const parsed = prefsSchema.shape[key].safeParse(record[key]);
      if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
    }
  }
  return out;
}
