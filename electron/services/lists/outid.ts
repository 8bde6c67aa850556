import { randomInt } from 'node:crypto';

/** iCall limits nothing explicitly, but outids travel in comma lists and URLs: stay well inside. */
export const MAX_OUTID_LENGTH = 64;

/** Crockford base32: no I, L, O, U, so an id read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new list's outid prefix, `CD-` plus 8 random base32 characters (40 bits). Generated outids
 * are `<prefix>-<sequence>`: only `[A-Z0-9-]`, at most ~22 characters, safe in iCall's comma
 * lists and in URLs. The random part keeps two operators' lists distinct when both upload into
 * one task; the per-list sequence is never reused, even after rows are deleted, because a
 * deleted row's outid may already sit in a task and its results must not be matched to a new row.
 */
export function newOutidPrefix(): string {
  let text = 'CD-';
  for (let i = 0; i < 8; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

export function generatedOutid(prefix: string, sequence: number): string {
  return `${prefix}-${sequence}`;
}

/**
 * Whether an outid taken from the file can be kept: non-empty, no comma (iCall joins outids
 * with commas in delete_task_data), no control characters, at most 64 characters.
 */
export function isUsableOutid(outid: string): boolean {
  return (
    outid.length > 0 &&
    outid.length <= MAX_OUTID_LENGTH &&
    !outid.includes(',') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(outid)
  );
}
