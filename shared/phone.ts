/**
 * Telephone numbers as operators type them into Excel, turned into the digit string the robot
 * dials. Pure TypeScript: the importer, the list store and the grid (live validation while
 * typing) all use these same rules.
 *
 * The normalised form is digits only, with the trunk `0` kept on landlines
 * (`01012345678`, `057112345678`) and no country code — what iCall's `telephone` accepts.
 */
import type { Localized } from './locale';

/** What kind of number a valid telephone is. */
export type PhoneKind = 'mobile' | 'landline' | 'service';

/** Why a telephone was refused. */
export type PhoneInvalidReason =
  'missing' | 'scientific' | 'characters' | 'foreign' | 'no_area_code' | 'length';

export type PhoneCheck =
  { ok: true; telephone: string; kind: PhoneKind } | { ok: false; reason: PhoneInvalidReason };

/** The text the grid and the problems panel show for each reason. */
export const PHONE_INVALID_REASONS: Record<PhoneInvalidReason, Localized> = {
  missing: { 'zh-CN': '缺少电话号码', en: 'No telephone number' },
  scientific: {
    'zh-CN': '号码被 Excel 显示成了科学计数法（如 1.38E+10），后几位已丢失，请重新填写',
    en: 'Excel turned this number into scientific notation (like 1.38E+10); its last digits are lost — retype it',
  },
  characters: {
    'zh-CN': '号码中有不能拨打的字符',
    en: 'The number contains characters that cannot be dialled',
  },
  foreign: { 'zh-CN': '不支持中国大陆以外的号码', en: 'Numbers outside mainland China are not supported' },
  no_area_code: {
    'zh-CN': '固定电话缺少区号',
    en: 'The landline number has no area code',
  },
  length: {
    'zh-CN': '不是有效的手机号、固定电话或 400/800 号码',
    en: 'Not a valid mobile, landline or 400/800 number',
  },
};

const MOBILE = /^1[3-9]\d{9}$/;
/** Beijing 010 and the 02x cities have 3-digit area codes and 8-digit subscriber numbers. */
const LANDLINE_SHORT_AREA = /^(?:010|02\d)\d{8}$/;
/** Everywhere else: a 4-digit area code (0[3-9]xx) and a 7- or 8-digit subscriber number. */
const LANDLINE_LONG_AREA = /^0[3-9]\d{2}\d{7,8}$/;
const SERVICE = /^[48]00\d{7}$/;
/** How Excel shows a long number it has already rounded: 1.38001E+10, 1.38E10. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
/** Spaces (also full-width and no-break), dashes, dots and brackets people type as separators. */
const SEPARATORS = /[\s\u00a0\u3000\-‐‑‒–—―－.．()（）]/g;

/** Turns full-width digits and plus signs (typed with a Chinese IME) into ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function classify(digits: string): PhoneCheck {
  if (MOBILE.test(digits)) return { ok: true, telephone: digits, kind: 'mobile' };
  if (LANDLINE_SHORT_AREA.test(digits) || LANDLINE_LONG_AREA.test(digits))
    return { ok: true, telephone: digits, kind: 'landline' };
  if (SERVICE.test(digits)) return { ok: true, telephone: digits, kind: 'service' };
  // A mobile dialled with the long-distance 0 in front (013800138000) is still that mobile.
  if (/^01[3-9]\d{9}$/.test(digits)) return { ok: true, telephone: digits.slice(1), kind: 'mobile' };
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, reason: 'no_area_code' };
  return { ok: false, reason: 'length' };
}

/**
 * Checks and normalises one telephone as typed (or as a numeric cell's digits).
 * Accepts separators, `+86`/`0086`/`86` prefixes, full-width digits, mobiles, landlines with
 * their area code (with or without a dash) and 400/800 numbers.
 */
export function normalizePhone(raw: string | number | null | undefined): PhoneCheck {
  if (raw === null || raw === undefined) return { ok: false, reason: 'missing' };
  // A number cell: integers keep every digit; anything else went through floating point.
  let text =
    typeof raw === 'number'
      ? Number.isSafeInteger(raw)
        ? String(raw)
        : raw.toExponential()
      : toHalfWidth(raw).trim();
  if (text === '') return { ok: false, reason: 'missing' };
  if (SCIENTIFIC.test(text)) return { ok: false, reason: 'scientific' };
  // A number that went through a float somewhere (pandas, CSV tools) shows as 13800138000.0.
  if (/^\d{7,}\.0+$/.test(text)) text = text.slice(0, text.indexOf('.'));
  const compact = text.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'characters' };
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+86')) return { ok: false, reason: 'foreign' };
    return classifyNational(compact.slice(3));
  }
  if (compact.startsWith('0086')) return classifyNational(compact.slice(4));
  if (compact.startsWith('00')) return { ok: false, reason: 'foreign' };
  // 86 without a plus: only where what follows is unambiguous (a mobile, or 86 + area + number).
  if (/^861[3-9]\d{9}$/.test(compact)) return classify(compact.slice(2));
  return classify(compact);
}

/** After a country code the trunk 0 of a landline is dropped (+86 10 1234 5678): put it back. */
function classifyNational(national: string): PhoneCheck {
  if (national === '') return { ok: false, reason: 'length' };
  if (MOBILE.test(national)) return { ok: true, telephone: national, kind: 'mobile' };
  return classify(national.startsWith('0') ? national : `0${national}`);
}
