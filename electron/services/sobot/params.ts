/**
 * Checks and encodes parameters before anything is sent. Only what the server cannot tell us
 * cleanly is checked here (formats that it would misread or silently drop); missing required
 * fields are left to the server, whose codes (320011…) are precise and localised already.
 */
import { SobotValidationError } from './errors';
import type { IntParam, Timestamp, VariableInput } from './types';

/** A number or digit string → wire string; undefined stays undefined. */
export function wireInt(value: IntParam | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  if (!/^-?\d+$/.test(s))
    throw new SobotValidationError(field, `expected an integer, got "${s.slice(0, 40)}"`);
  return s;
}

/** A 13-digit ms timestamp → wire string (10-digit seconds are a classic mistake: refused). */
export function wireTimestamp(value: Timestamp | undefined, field: string): string | undefined {
  const s = wireInt(value, field);
  if (s !== undefined && !/^\d{13}$/.test(s)) {
    throw new SobotValidationError(field, `expected a 13-digit millisecond timestamp, got "${s}"`);
  }
  return s;
}

/** Caller numbers: an array or comma list → `a,b` without blanks. */
export function wirePhoneList(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : value.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.join(',');
}

/**
 * Normalises `call_time_slot`: accepts one-digit hours (`8:00-19:00`, as the vendor demo
 * sends) and spaces, answers the padded form (`08:00-19:00`). Each slot must start before it
 * ends; `24:00` is allowed as an end. An empty value is passed through for the server to
 * answer 320017, so the operator sees the vendor's own message.
 */
export function normalizeCallTimeSlot(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return trimmed;
  const slots = trimmed.split(',').map((slot) => {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(slot.trim());
    if (!m) throw new SobotValidationError('call_time_slot', `"${slot.trim()}" is not HH:mm-HH:mm`);
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const okStart = h1 <= 23 && m1 <= 59;
    const okEnd = (h2 <= 23 && m2 <= 59) || (h2 === 24 && m2 === 0);
    if (!okStart || !okEnd)
      throw new SobotValidationError('call_time_slot', `"${slot.trim()}" is not a time of day`);
    if (h1 * 60 + m1 >= h2 * 60 + m2) {
      throw new SobotValidationError('call_time_slot', `"${slot.trim()}" ends before it starts`);
    }
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${pad(h1)}:${pad(m1)}-${pad(h2)}:${pad(m2)}`;
  });
  return slots.join(',');
}

/** Why a variable cannot be encoded, or null when it can. */
function variablePartProblem(name: string, value: string): string | null {
  if (name.trim() === '') return 'a variable has an empty name';
  for (const [label, s] of [
    ['name', name],
    ['value', value],
  ] as const) {
    if (s.includes('^') || s.includes('|')) {
      return `variable ${label} "${s.slice(0, 40)}" contains '^' or '|', which the variable format cannot carry`;
    }
  }
  return null;
}

/**
 * Encodes template variables as `name^value|name^value` (document 2.7).
 * @throws SobotValidationError when a name or value contains `^` or `|` (they cannot be escaped)
 */
export function encodeVariables(vars: Record<string, string>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    const problem = variablePartProblem(name, String(value));
    if (problem) throw new SobotValidationError('variable', problem);
    parts.push(`${name}^${value}`);
  }
  return parts.join('|');
}

/**
 * Checks an already-encoded variable string, or encodes a map. Returns the wire string, or
 * throws with a reason the caller can show next to the row.
 */
export function wireVariable(input: VariableInput | undefined): string | undefined {
  if (input === undefined) return undefined;
  if (typeof input !== 'string') return encodeVariables(input);
  if (input === '') return input;
  for (const pair of input.split('|')) {
    const caret = pair.indexOf('^');
    if (caret < 0 || pair.indexOf('^', caret + 1) >= 0) {
      throw new SobotValidationError(
        'variable',
        `"${pair.slice(0, 40)}" is not name^value (one '^' per variable)`,
      );
    }
    const problem = variablePartProblem(pair.slice(0, caret), pair.slice(caret + 1));
    if (problem) throw new SobotValidationError('variable', problem);
  }
  return input;
}

/** Task ids from an array or comma list, trimmed, blanks and repeats dropped, order kept. */
export function idList(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : value.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [...new Set(parts)];
}

/** Splits a list into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The largest page query_time_task_data accepts (document 2.19). */
export const MAX_PAGE_SIZE = 15;

/** A page size in 1–15; default 15 (fewest round-trips). */
export function pageSize(value: IntParam | undefined): number {
  if (value === undefined) return MAX_PAGE_SIZE;
  const n = Number(wireInt(value, 'page_size'));
  if (n < 1 || n > MAX_PAGE_SIZE)
    throw new SobotValidationError('page_size', `must be 1–${MAX_PAGE_SIZE}, got ${n}`);
  return n;
}
