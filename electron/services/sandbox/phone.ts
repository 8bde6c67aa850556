/**
 * Phone-number rules of the simulated server: which `telephone` values are dialled, and how
 * `number_hide` masks them in answers.
 */

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with its area code: 0 + 2–3 digit area + 7–8 digit number. */
const LANDLINE = /^0\d{9,11}$/;

/**
 * Whether the server would dial this number. Anything else is "not a valid number" and is
 * silently filtered (add_task_data) or reported as a failed row (file upload). No cleaning is
 * done: spaces, dashes or a +86 prefix make a number invalid, so the client must normalise.
 */
export function isDialablePhone(telephone: string): boolean {
  return MOBILE.test(telephone) || LANDLINE.test(telephone);
}

/** Masks a number per `number_hide`: 1 hides the last four digits, 2 the middle four. */
export function maskPhone(telephone: string, numberHide: number): string {
  if (telephone.length < 4) return telephone;
  if (numberHide === 1) return `${telephone.slice(0, -4)}****`;
  if (numberHide === 2) {
    const at = Math.floor((telephone.length - 4) / 2);
    return `${telephone.slice(0, at)}****${telephone.slice(at + 4)}`;
  }
  return telephone;
}
