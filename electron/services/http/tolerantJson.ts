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

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** True for JSON insignificant whitespace (plus NBSP, which some gateways inject). */
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u00a0';
}

/**
 * Parses `text` into {@link JsonValue}s, keeping number tokens as exact strings.
 * @throws JsonSyntaxError when the text is not a single complete value
 */
export function parseTolerantJson(text: string): JsonValue {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(`${message} at ${pos}`, pos, pos >= text.length);
  };
  const skipSpace = (): void => {
    while (isSpace(text[pos])) pos++;
  };
  const expectWord = (word: string): void => {
    for (let i = 0; i < word.length; i++) {
      if (pos >= text.length) fail('unexpected end of text');
      if (text[pos] !== word[i]) fail(`unexpected character '${text[pos]}'`);
      pos++;
    }
  };

  const readString = (): string => {
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const ch = text[pos];
      if (ch === '"') {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (ch !== '\\') {
        pos++;
        continue;
      }
      out += text.slice(chunkStart, pos);
      pos++;
      if (pos >= text.length) fail('unterminated escape');
      const esc = text[pos] as string;
      if (esc === 'u') {
        const hex = text.slice(pos + 1, pos + 5);
        if (hex.length < 4) {
          pos = text.length;
          fail('unterminated \\u escape');
        }
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 5;
      } else {
        // Unknown escapes (`\x`) are kept as the bare character rather than rejecting the body.
        out += ESCAPES[esc] ?? esc;
        pos++;
      }
      chunkStart = pos;
    }
  };

  const readNumber = (): JsonNumber => {
    const start = pos;
    if (text[pos] === '-') pos++;
    const intStart = pos;
    while (pos < text.length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
    if (pos === intStart) fail('digit expected');
    if (text[pos] === '.') {
      pos++;
      const fracStart = pos;
      while (pos < text.length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
      if (pos === fracStart) fail('digit expected after decimal point');
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      const expStart = pos;
      while (pos < text.length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
      if (pos === expStart) fail('digit expected in exponent');
    }
    return new JsonNumber(text.slice(start, pos));
  };

  const readValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    if (pos >= text.length) fail('unexpected end of text');
    const ch = text[pos] as string;
    if (ch === '{') return readObject(depth);
    if (ch === '[') return readArray(depth);
    if (ch === '"') return readString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return readNumber();
    if (ch === 't') return (expectWord('true'), true);
    if (ch === 'f') return (expectWord('false'), false);
    if (ch === 'n') return (expectWord('null'), null);
    return fail(`unexpected character '${ch}'`);
  };

  const readObject = (depth: number): JsonObject => {
    pos++;
    const obj: JsonObject = {};
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (pos >= text.length) fail('unexpected end of text');
      if (text[pos] !== '"') fail('object key expected');
      const key = readString();
      skipSpace();
      if (pos >= text.length) fail('unexpected end of text');
      if (text[pos] !== ':') fail("':' expected");
      pos++;
      const value = readValue(depth + 1);
      // defineProperty: a "__proto__" key from the server must stay data, not a prototype.
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (pos >= text.length) fail('unexpected end of text');
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      fail("',' or '}' expected");
    }
  };

  const readArray = (depth: number): JsonValue[] => {
    pos++;
    const arr: JsonValue[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return arr;
    }
    for (;;) {
      arr.push(readValue(depth + 1));
      skipSpace();
      if (pos >= text.length) fail('unexpected end of text');
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      fail("',' or ']' expected");
    }
  };

  const value = readValue(0);
  skipSpace();
  if (pos < text.length) fail('unexpected text after the value');
  return value;
}

/** Narrowing helper: a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber)
  );
}
