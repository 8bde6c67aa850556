/**
 * Reading CEC fields out of tolerant JSON, once, at the boundary: ids, phones and codes as the
 * exact text sent (a bare number keeps its digits and leading zeros), counts as numbers, and
 * missing values as empty or null rather than guesses.
 */
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from './json';

type Raw = JsonValue | undefined;

/** Text as sent: strings trimmed, number tokens as their source digits, null/absent → ''. */
export function wireText(v: Raw): string {
  if (typeof v === 'string') return v.trim();
  if (v instanceof JsonNumber) return v.raw;
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** A number from a number token or a numeric string; null otherwise. */
export function wireNumber(v: Raw): number | null {
  const s = v instanceof JsonNumber ? v.raw : typeof v === 'string' ? v.trim() : '';
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An integer (a count, a status); null when absent or not an integer. */
export function wireInt(v: Raw): number | null {
  const n = wireNumber(v);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

/** The first of `keys` that `obj` holds (not undefined). */
export function pick(obj: JsonObject, ...keys: string[]): Raw {
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
  return undefined;
}

/** The objects of an array value; non-objects are left out. */
export function objects(v: Raw): JsonObject[] {
  return Array.isArray(v) ? v.filter(isJsonObject) : [];
}
