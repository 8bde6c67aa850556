/**
 * How a row's stored fields turn into problem bits (for filtering in SQL) and back into the
 * detailed problems the grid shows. Bits are stored; details are recomputed on read, so the
 * rules can improve without rewriting stored rows.
 */
import type { RowProblem, RowProblemCode } from '../../../shared/callList';
import { normalizePhone } from '../../../shared/phone';

export const PROBLEM_BITS: Record<RowProblemCode, number> = {
  'phone.invalid': 1,
  'phone.missing': 2,
  'phone.duplicate': 4,
  'variable.unencodable': 8,
  'outid.replaced': 16,
};
/** Rows with any of these bits are not dialled. */
export const BLOCKING_MASK = 1 | 2 | 4 | 8;
export const DUPLICATE_BIT = PROBLEM_BITS['phone.duplicate'];

/** iCall's `variable` is `name^value|name^value`: these two characters cannot be sent. */
export function isUnencodable(value: string): boolean {
  return value.includes('^') || value.includes('|');
}

/** The normalised phone and the phone/variable bits of a row (duplicates are set elsewhere). */
export function rowBits(
  telephoneRaw: string,
  variables: readonly string[],
): { telephone: string | null; bits: number } {
  const check = normalizePhone(telephoneRaw);
  let bits = 0;
  if (!check.ok)
    bits |= check.reason === 'missing' ? PROBLEM_BITS['phone.missing'] : PROBLEM_BITS['phone.invalid'];
  if (variables.some(isUnencodable)) bits |= PROBLEM_BITS['variable.unencodable'];
  return { telephone: check.ok ? check.telephone : null, bits };
}

/** A stored row's fields needed to explain its problems. */
export interface StoredProblemFields {
  telephone_raw: string;
  outid: string;
  outid_original: string | null;
  problems: number;
}

/** Expands a row's bits into problems with their column and value. */
export function describeProblems(
  row: StoredProblemFields,
  variableNames: readonly string[],
  variables: readonly string[],
  duplicateOf?: number,
): RowProblem[] {
  const problems: RowProblem[] = [];
  const bits = row.problems;
  if (bits & PROBLEM_BITS['phone.missing'])
    problems.push({ code: 'phone.missing', column: 'telephone', value: row.telephone_raw });
  if (bits & PROBLEM_BITS['phone.invalid']) {
    const check = normalizePhone(row.telephone_raw);
    problems.push({
      code: 'phone.invalid',
      column: 'telephone',
      value: row.telephone_raw,
      ...(check.ok ? {} : { reason: check.reason }),
    });
  }
  if (bits & DUPLICATE_BIT)
    problems.push({
      code: 'phone.duplicate',
      column: 'telephone',
      value: row.telephone_raw,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    });
  if (bits & PROBLEM_BITS['variable.unencodable'])
    variables.forEach((value, index) => {
      if (isUnencodable(value))
        problems.push({ code: 'variable.unencodable', column: variableNames[index] ?? '', value });
    });
  if (bits & PROBLEM_BITS['outid.replaced'])
    problems.push({ code: 'outid.replaced', column: 'outid', value: row.outid_original ?? '' });
  return problems;
}
