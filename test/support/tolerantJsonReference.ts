/**
 * The tolerant JSON reader as it was before it was made faster (commit 3990fbf), kept verbatim
 * as the oracle for the differential test (test/unit/http/tolerantJson.test.ts) and the
 * baseline of test/bench/tolerantJson.ts. Only its name changed; the value and error classes
 * are the module's own, so results compare with `toEqual` and `instanceof`.
 */
import {
  JsonNumber,
  JsonSyntaxError,
  type JsonObject,
  type JsonValue,
} from '../../electron/services/http/tolerantJson';

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
export function parseTolerantJsonReference(text: string): JsonValue {
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
