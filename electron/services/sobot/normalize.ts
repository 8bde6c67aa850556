/**
 * Field converters: each takes a raw tolerant-JSON value and returns the one documented type.
 * The server mixes shapes for the same field (`status: 2` and `"3"`, `answer_time: "0"`), so
 * every field goes through exactly one of these, at the boundary, once.
 */
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../http/tolerantJson';

/** A field that cannot be read as its documented type: the answer is malformed. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
  /** @param field the document's field name @param reason what was found */
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`field ${field}: ${reason}`);
  }
}

type Raw = JsonValue | undefined;

// Describes a value by its kind only: echoing server text here could copy a secret into an
// error message (a cut-off secret would even escape redaction).
const describe = (v: Raw): string =>
  v === undefined
    ? 'missing'
    : Array.isArray(v)
      ? 'a list'
      : v instanceof JsonNumber
        ? 'a number'
        : typeof v === 'string'
          ? `a ${v.length}-character text`
          : typeof v;

/** Free text (messages, names): strings as is, number tokens as their source text, null → ''. */
export function text(v: Raw, field: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof JsonNumber) return v.raw;
  if (typeof v === 'boolean') return String(v);
  throw new ShapeError(field, `expected text, got ${describe(v)}`);
}

/** Free text that may be absent: null when missing or null. */
export function textOrNull(v: Raw, field: string): string | null {
  return v === undefined || v === null ? null : text(v, field);
}

/** Ids, phones and codes: the exact digits as sent, trimmed (the doc has `" soboticall…"`). */
export function id(v: Raw, field: string): string {
  return text(v, field).trim();
}

/** An id that may be absent: null when missing, null or blank. */
export function idOrNull(v: Raw, field: string): string | null {
  const s = v === undefined || v === null ? '' : id(v, field);
  return s === '' ? null : s;
}

/** Parses a numeric value, or returns undefined for "nothing there". */
function numeric(v: Raw, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  let s: string;
  if (v instanceof JsonNumber) s = v.raw;
  else if (typeof v === 'string') s = v.trim();
  else throw new ShapeError(field, `expected a number, got ${describe(v)}`);
  if (s === '') return undefined;
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s))
    throw new ShapeError(field, `expected a number, got ${describe(v)}`);
  return Number(s);
}

/** Counts and durations: a number; absent or null reads as 0 (nothing counted). */
export function count(v: Raw, field: string): number {
  return numeric(v, field) ?? 0;
}

/** Timestamps: ms number; null or absent stays null. `answer_time` "0" stays 0 (not answered). */
export function timestamp(v: Raw, field: string): number | null {
  return numeric(v, field) ?? null;
}

/** Status codes (task_status, status, sender_type): required, documented as present. */
export function statusCode(v: Raw, field: string): number {
  const n = numeric(v, field);
  if (n === undefined) throw new ShapeError(field, 'missing');
  return n;
}

/** A status that only some endpoints send (del_flag): null when absent. */
export function statusOrNull(v: Raw, field: string): number | null {
  return numeric(v, field) ?? null;
}

/** `intention_name`: several labels joined by U+0001; [] when empty. */
export function intentions(v: Raw, field: string): string[] {
  return text(v, field)
    .split('\u0001')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Cleans a media URL: unescapes a leftover `\/`, removes the stray whitespace the push example
 * has after `http:`, and returns null for anything that is not an absolute http(s) URL (a
 * `file:` or `javascript:` URL must never reach the audio player).
 */
export function mediaUrl(v: Raw, field: string): string | null {
  const raw = text(v, field)
    .replace(/\\\//g, '/')
    .trim()
    .replace(/^(https?):\s*\/\s*\/\s*/i, (_m, scheme: string) => `${scheme.toLowerCase()}://`);
  if (raw === '') return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Template `record`: comma-separated audio URLs; [] when empty; non-http(s) entries dropped. */
export function urlList(v: Raw, field: string): string[] {
  return text(v, field)
    .split(',')
    .map((part) => mediaUrl(part, field))
    .filter((u): u is string => u !== null);
}

/** A list field: [] when absent or null. */
export function list(v: Raw, field: string): JsonValue[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  throw new ShapeError(field, `expected a list, got ${describe(v)}`);
}

/** An object field that must be there. */
export function object(v: Raw, field: string): JsonObject {
  if (isJsonObject(v)) return v;
  throw new ShapeError(field, `expected an object, got ${describe(v)}`);
}

/** A list of numbers (add_task_file_data's `error_data` row numbers). */
export function numberList(v: Raw, field: string): number[] {
  return list(v, field).map((item) => count(item, field));
}
