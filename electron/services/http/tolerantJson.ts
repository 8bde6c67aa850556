/**
 * A tolerant JSON reader for provider answers and pushes (Sobot iCall, Huawei CEC).
 *
 * Why not `JSON.parse`: the vendor's own push example is not valid JSON (`"caller":02180344315`,
 * `"ret_code":000000`), and even valid answers carry phone numbers and ids as bare numbers
 * (`"outid":1234554321123666`) that a JavaScript number would round or strip of leading zeros.
 * This reader keeps every number token as its exact source text ({@link JsonNumber}); the
 * per-field normalisers decide later whether a field is a number or an identifier.
 *
 * Tolerated beyond RFC 8259: numbers with leading zeros, raw control characters inside strings,
 * unknown escapes (kept literally), a leading byte-order mark. Not tolerated: truncation,
 * trailing garbage, unquoted keys — those mean the body is not what we asked for.
 */

/** A number token exactly as it was written in the source, e.g. `02180344315`. */
export class JsonNumber {
  /** @param raw the token text, sign and leading zeros included */
  constructor(readonly raw: string) {}
  /** The token as a JS number (may lose digits for ids: use `raw` for those). */
  toNumber(): number {
    return Number(this.raw);
  }
  toString(): string {
    return this.raw;
  }
  toJSON(): string {
    return this.raw;
  }
}

/** Any value the tolerant reader produces. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
/** A JSON object; keys are own properties (a `__proto__` key cannot reach the prototype). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Thrown for text that is not (tolerant) JSON; `truncated` tells a cut-off body apart. */
export class JsonSyntaxError extends Error {
  /**
   * @param message what was wrong
   * @param position character offset of the problem
   * @param truncated true when the text ended before the value was complete
   */
  constructor(
    message: string,
    readonly position: number,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** Deep enough for any iCall answer; guards the recursion against hostile input. */
const MAX_DEPTH = 256;

// Character codes the reader compares against.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** The character an escape stands for, by the escape letter's code; others are kept literally. */
const ESCAPES: readonly (string | undefined)[] = [];
for (const [letter, meaning] of Object.entries({
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
})) {
  (ESCAPES as (string | undefined)[])[letter.charCodeAt(0)] = meaning;
}

/** The value of a hexadecimal digit's code, or -1. */
function hexValue(code: number): number {
  if (code >= DIGIT_0 && code <= DIGIT_9) return code - DIGIT_0;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/**
 * The reader's state while one text is read. Module-level rather than closures: no callback
 * runs during a read, so reads never interleave, and V8 keeps these hot in the script context.
 */
let text = '';
let len = 0;
let pos = 0;
/** Where the next backslash at or after `pos` is (or `len`), so strings find it only once. */
let nextBackslash = 0;

function fail(message: string): never {
  throw new JsonSyntaxError(`${message} at ${pos}`, pos, pos >= len);
}

/** Skips JSON insignificant whitespace (plus NBSP, which some gateways inject). */
function skipSpace(): void {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0) pos++;
    else return;
  }
}

function expectWord(word: string): void {
  for (let i = 0; i < word.length; i++) {
    if (pos >= len) fail('unexpected end of text');
    if (text.charCodeAt(pos) !== word.charCodeAt(i)) fail(`unexpected character '${text[pos]}'`);
    pos++;
  }
}

function readString(): string {
  pos++; // opening quote
  const end = text.indexOf('"', pos);
  if (nextBackslash < pos) {
    nextBackslash = text.indexOf('\\', pos);
    if (nextBackslash < 0) nextBackslash = len;
  }
  if (end < 0 && nextBackslash === len) {
    pos = len;
    fail('unterminated string');
  }
  if (end >= 0 && end < nextBackslash) {
    const s = text.slice(pos, end);
    pos = end + 1;
    return s;
  }
  return readEscapedString();
}

/** The rest of a string that holds an escape: chunk by chunk between backslashes. */
function readEscapedString(): string {
  let out = '';
  let chunkStart = pos;
  for (;;) {
    if (pos >= len) fail('unterminated string');
    const c = text.charCodeAt(pos);
    if (c === QUOTE) {
      out += text.slice(chunkStart, pos);
      pos++;
      return out;
    }
    if (c !== BACKSLASH) {
      pos++;
      continue;
    }
    out += text.slice(chunkStart, pos);
    pos++;
    if (pos >= len) fail('unterminated escape');
    const esc = text.charCodeAt(pos);
    if (esc === 0x75 /* u */) {
      if (pos + 5 > len) {
        pos = len;
        fail('unterminated \\u escape');
      }
      const a = hexValue(text.charCodeAt(pos + 1));
      const b = hexValue(text.charCodeAt(pos + 2));
      const c3 = hexValue(text.charCodeAt(pos + 3));
      const d = hexValue(text.charCodeAt(pos + 4));
      if ((a | b | c3 | d) < 0) fail('bad \\u escape');
      out += String.fromCharCode((a << 12) | (b << 8) | (c3 << 4) | d);
      pos += 5;
    } else {
      // Unknown escapes (`\x`) are kept as the bare character rather than rejecting the body.
      out += ESCAPES[esc] ?? text[pos];
      pos++;
    }
    chunkStart = pos;
  }
}

/** Skips digits from `pos`; true when there was at least one. */
function skipDigits(): boolean {
  const start = pos;
  let c = text.charCodeAt(pos);
  while (c >= DIGIT_0 && c <= DIGIT_9) c = text.charCodeAt(++pos);
  return pos > start;
}

function readNumber(): JsonNumber {
  const start = pos;
  if (text.charCodeAt(pos) === MINUS) pos++;
  if (!skipDigits()) fail('digit expected');
  let c = text.charCodeAt(pos);
  if (c === DOT) {
    pos++;
    if (!skipDigits()) fail('digit expected after decimal point');
    c = text.charCodeAt(pos);
  }
  if (c === 0x65 || c === 0x45 /* e E */) {
    c = text.charCodeAt(++pos);
    if (c === PLUS || c === MINUS) pos++;
    if (!skipDigits()) fail('digit expected in exponent');
  }
  return new JsonNumber(text.slice(start, pos));
}

function readValue(depth: number): JsonValue {
  if (depth > MAX_DEPTH) fail('nesting too deep');
  skipSpace();
  if (pos >= len) fail('unexpected end of text');
  const c = text.charCodeAt(pos);
  if (c === QUOTE) return readString();
  if (c === OPEN_BRACE) return readObject(depth);
  if (c === OPEN_BRACKET) return readArray(depth);
  if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) return readNumber();
  if (c === 0x74 /* t */) return (expectWord('true'), true);
  if (c === 0x66 /* f */) return (expectWord('false'), false);
  if (c === 0x6e /* n */) return (expectWord('null'), null);
  return fail(`unexpected character '${text[pos]}'`);
}

/**
 * Keys read lately, by depth and place in their object: the records of a page repeat the same
 * keys in the same order, and reusing the string already read (already a property key to V8)
 * is much cheaper than slicing a new one. A cached key holds no escape, so finding it between
 * quotes at `pos` is exactly the case where {@link readString} would read that same string.
 * Emptied after each read so no slice of a body outlives it.
 */
const keyCache: string[] = new Array<string>(256).fill('');

function readObject(depth: number): JsonObject {
  let index = 0;
  pos++;
  const obj: JsonObject = {};
  skipSpace();
  if (text.charCodeAt(pos) === CLOSE_BRACE) {
    pos++;
    return obj;
  }
  for (;;) {
    skipSpace();
    if (pos >= len) fail('unexpected end of text');
    if (text.charCodeAt(pos) !== QUOTE) fail('object key expected');
    const slot = (depth * 16 + index++) & 255;
    const cached = keyCache[slot]!;
    let key: string;
    if (text.startsWith(cached, pos + 1) && text.charCodeAt(pos + 1 + cached.length) === QUOTE) {
      key = cached;
      pos += cached.length + 2;
    } else {
      const start = pos;
      key = readString();
      // Only a key read without escapes (its text is the key itself) may be found again as is.
      if (pos - start === key.length + 2) keyCache[slot] = key;
    }
    skipSpace();
    if (pos >= len) fail('unexpected end of text');
    if (text.charCodeAt(pos) !== COLON) fail("':' expected");
    pos++;
    const value = readValue(depth + 1);
    // Plain assignment keeps keys own, enumerable and in order (a repeated key keeps its first
    // place and takes the last value); only "__proto__" would reach the prototype that way, so
    // that key is defined as data.
    if (key === '__proto__') {
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      obj[key] = value;
    }
    skipSpace();
    if (pos >= len) fail('unexpected end of text');
    const c = text.charCodeAt(pos);
    if (c === COMMA) {
      pos++;
      continue;
    }
    if (c === CLOSE_BRACE) {
      pos++;
      return obj;
    }
    fail("',' or '}' expected");
  }
}

function readArray(depth: number): JsonValue[] {
  pos++;
  const arr: JsonValue[] = [];
  skipSpace();
  if (text.charCodeAt(pos) === CLOSE_BRACKET) {
    pos++;
    return arr;
  }
  for (;;) {
    arr.push(readValue(depth + 1));
    skipSpace();
    if (pos >= len) fail('unexpected end of text');
    const c = text.charCodeAt(pos);
    if (c === COMMA) {
      pos++;
      continue;
    }
    if (c === CLOSE_BRACKET) {
      pos++;
      return arr;
    }
    fail("',' or ']' expected");
  }
}

/**
 * Parses `source` into {@link JsonValue}s, keeping number tokens as exact strings.
 * @throws JsonSyntaxError when the text is not a single complete value
 */
export function parseTolerantJson(source: string): JsonValue {
  text = source;
  len = source.length;
  pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  nextBackslash = -1;
  try {
    const value = readValue(0);
    skipSpace();
    if (pos < len) fail('unexpected text after the value');
    return value;
  } finally {
    text = ''; // do not keep the body alive
    keyCache.fill('');
  }
}

/** Narrowing helper: a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber)
  );
}
