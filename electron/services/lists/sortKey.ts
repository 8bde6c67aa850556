/**
 * A sort key per value that orders text as `Intl.Collator('zh-CN', { numeric: true })` does for
 * what operators sort (names, companies, ids, addresses): Chinese characters by pinyin, Latin
 * letters case-insensitively after digits, digit runs by their value. The collator is asked once
 * per character class (the 20,992 CJK unified ideographs are ranked by one sort, about 0.1 s,
 * the first time a list is sorted), not once per comparison: the key is a plain string whose
 * code-unit order is the wanted order, so SQLite sorts it (`zh_key()`) with a byte compare.
 */
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
/** Key units: digits-run marker < other symbols < Latin < CJK (as the collator orders them). */
const DIGITS = 0x0100;
const SYMBOL_BASE = 0x0200;
const LATIN_BASE = 0x1200;
const CJK_BASE = 0x1300;

let cjkRanks: Uint16Array | null = null;
let asciiRanks: Map<string, number> | null = null;

/** Each CJK ideograph's place in the collator's order (pinyin, then strokes). */
function ranks(): Uint16Array {
  if (cjkRanks) return cjkRanks;
  const chars: string[] = [];
  for (let cp = CJK_FIRST; cp <= CJK_LAST; cp++) chars.push(String.fromCharCode(cp));
  chars.sort(COLLATOR.compare);
  const table = new Uint16Array(CJK_LAST - CJK_FIRST + 1);
  chars.forEach((char, rank) => (table[char.charCodeAt(0) - CJK_FIRST] = rank));
  return (cjkRanks = table);
}

/** Printable ASCII symbols and letters in the collator's order (letters folded to one case). */
function ascii(): Map<string, number> {
  if (asciiRanks) return asciiRanks;
  const chars: string[] = [];
  for (let cp = 0x20; cp < 0x7f; cp++) {
    const char = String.fromCharCode(cp);
    if (!/[0-9A-Z]/.test(char)) chars.push(char);
  }
  chars.sort(COLLATOR.compare);
  const map = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && COLLATOR.compare(chars[i - 1]!, chars[i]!) !== 0) rank++;
    map.set(chars[i]!, rank);
  }
  return (asciiRanks = map);
}

/**
 * Ranks the characters now (about 35-45 ms, once per thread) and runs the key a few thousand
 * times so it is compiled, instead of in the first sort: the database worker does it when it
 * starts.
 */
export function warmSortKeys(): void {
  ranks();
  ascii();
  for (let i = 0; i < 4000; i++) zhSortKey(`王${String.fromCharCode(0x4e00 + ((i * 131) % 20000))}A-${i}`);
}

/** The sort key of one value (empty for empty). */
export function zhSortKey(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.normalize('NFKC').trim();
  const table = ranks();
  const symbols = ascii();
  let key = '';
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      // A digit run by value: its length (leading zeros dropped) first, then its digits.
      let end = i;
      while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
      const digits = text.slice(i, end).replace(/^0+(?=\d)/, '');
      key += String.fromCharCode(DIGITS, DIGITS + Math.min(digits.length, 0xff)) + digits;
      i = end;
      continue;
    }
    const char = text[i]!;
    if (code >= CJK_FIRST && code <= CJK_LAST)
      key += String.fromCharCode(CJK_BASE + table[code - CJK_FIRST]!);
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
      key += String.fromCharCode(LATIN_BASE + (code | 0x20) - 0x61);
    else if (symbols.has(char)) key += String.fromCharCode(SYMBOL_BASE + symbols.get(char)!);
    // Anything else (other scripts, rare symbols) after the ideographs, by code point.
    else key += String.fromCharCode(Math.min(0xd7ff, CJK_BASE + 0x6000 + (code % 0x4000)));
    i++;
  }
  return key;
}
