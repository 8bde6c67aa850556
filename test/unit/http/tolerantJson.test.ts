/**
 * Differential test of the tolerant JSON reader: seeded random documents (nested objects and
 * arrays, Chinese text, every escape incl. \uXXXX and surrogate pairs, numbers with leading
 * zeros, exponents and signs, big ids, `__proto__` and duplicate keys, whitespace incl. NBSP,
 * a BOM, raw control characters) and random truncations and corruptions of them, each read by
 * `parseTolerantJson` and by the reader as it was before it was made faster
 * (test/support/tolerantJsonReference.ts). Both must give the same value — same shape, same own
 * keys in the same order with the same descriptors, same prototypes, same number text — or
 * the same error (class, message, position, truncated).
 */
import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonSyntaxError, parseTolerantJson } from '../../../electron/services/http/tolerantJson';
import { parseTolerantJsonReference } from '../../support/tolerantJsonReference';

/** mulberry32: a small seeded generator, so a failure is reproducible from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)]!;

const SPACES = ['', '', '', ' ', '\n', '\r\n', '\t', '\u00a0', '  ', ' \u00a0 '];
const CHINESE =
  '您好我是平台的体验专员今天给来电想了解一下第次在们单怎么样满意有向购买不太东西点问题红包再见';
const STRING_PIECES = [
  () => 'abc',
  () => ' ',
  (r: Rand) => CHINESE.slice(int(r, CHINESE.length), int(r, CHINESE.length) + 6),
  () => '\\"',
  () => '\\\\',
  () => '\\/',
  (r: Rand) => '\\' + pick(r, ['b', 'f', 'n', 'r', 't']),
  (r: Rand) => '\\u' + int(r, 0x10000).toString(16).padStart(4, '0'),
  (r: Rand) => '\\u' + int(r, 0x10000).toString(16).padStart(4, '0').toUpperCase(),
  () => '\\ud83d\\ude00', // a surrogate pair
  () => '\\uD83D', // a lone high surrogate
  () => '\\u0001',
  () => '😀', // a raw surrogate pair
  (r: Rand) => '\\' + pick(r, ['x', 'a', 'q', '中', "'", '0', 'U']), // unknown escapes
  (r: Rand) => pick(r, ['\u0001', '\n', '\t', '\u0000', '\u001f']), // raw control characters
  () => '{"a":1}', // JSON-looking text inside a string
];
/** Key texts as written: similar keys, prefixes of each other, and the same key escaped or not. */
const RAW_KEYS = ['"id"', '"i"', '"id2"', '"i\\u0064"', '"\\u0069d"', '"i\\"d"', '"i\\\\"', '"msg"', '"ms"'];
const KEYS = [
  'a',
  'b',
  'msg',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '0',
  '1',
  '10',
  '主叫',
  '',
];

function genString(r: Rand): string {
  let s = '"';
  const pieces = int(r, 6);
  for (let i = 0; i < pieces; i++) s += pick(r, STRING_PIECES)(r);
  return s + '"';
}

function genNumber(r: Rand): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(r, 10))).join('');
  let s = r() < 0.3 ? '-' : '';
  const kind = int(r, 4);
  if (kind === 0)
    s += digits(18 + int(r, 3)); // big ids
  else if (kind === 1)
    s += '0' + digits(int(r, 11)); // leading zeros: 02180344315, 000000
  else s += digits(1 + int(r, 4));
  if (r() < 0.3) s += '.' + digits(1 + int(r, 4));
  if (r() < 0.25) s += pick(r, ['e', 'E']) + pick(r, ['', '+', '-']) + digits(1 + int(r, 3));
  return s;
}

function genValue(r: Rand, depth: number): string {
  const sp = () => pick(r, SPACES);
  const kind = depth > 5 ? 2 + int(r, 4) : int(r, 6);
  if (kind === 0) {
    const n = int(r, 5);
    const members: string[] = [];
    for (let i = 0; i < n; i++) {
      const roll = r();
      const key = roll < 0.5 ? JSON.stringify(pick(r, KEYS)) : roll < 0.8 ? pick(r, RAW_KEYS) : genString(r);
      members.push(sp() + key + sp() + ':' + genValue(r, depth + 1));
    }
    return sp() + '{' + (n ? members.join(',') : sp()) + sp() + '}' + sp();
  }
  if (kind === 1 && r() < 0.3) {
    // Records: objects with keys from one small pool in mostly the same order, as a page has.
    const pool = Array.from({ length: 3 }, () => pick(r, RAW_KEYS));
    const records = Array.from({ length: 1 + int(r, 4) }, () => {
      const keys = pool.filter(() => r() < 0.85);
      return '{' + keys.map((key) => key + ':' + genValue(r, depth + 2)).join(',') + '}';
    });
    return sp() + '[' + records.join(',' + sp()) + ']' + sp();
  }
  if (kind === 1) {
    const n = int(r, 5);
    const items = Array.from({ length: n }, () => genValue(r, depth + 1));
    return sp() + '[' + (n ? items.join(',') : sp()) + sp() + ']' + sp();
  }
  if (kind === 2) return sp() + genString(r) + sp();
  if (kind === 3) return sp() + genNumber(r) + sp();
  return sp() + pick(r, ['true', 'false', 'null']) + sp();
}

const NOISE = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'u',
  'x',
  '0',
  '7',
  '-',
  '+',
  '.',
  'e',
  ' ',
  '\u00a0',
  't',
  'n',
  'f',
  '中',
  '\ufeff',
];

/** A random corruption: cut, drop, insert, replace or append one piece. */
function corrupt(r: Rand, text: string): string {
  const at = int(r, text.length + 1);
  switch (int(r, 5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + pick(r, NOISE) + text.slice(at);
    case 3:
      return text.slice(0, at) + pick(r, NOISE) + text.slice(at + 1);
    default:
      return text + pick(r, NOISE);
  }
}

/** Everything observable about a value: own keys in order with descriptors, prototypes, number text. */
function describeValue(value: unknown): unknown {
  if (value instanceof JsonNumber) {
    return [
      'number',
      Object.getPrototypeOf(value) === JsonNumber.prototype,
      Reflect.ownKeys(value),
      value.raw,
    ];
  }
  if (Array.isArray(value))
    return ['array', Object.getPrototypeOf(value) === Array.prototype, value.map(describeValue)];
  if (typeof value === 'object' && value !== null) {
    return [
      'object',
      Object.getPrototypeOf(value) === Object.prototype,
      Reflect.ownKeys(value).map((key) => {
        const d = Object.getOwnPropertyDescriptor(value, key)!;
        return [key, d.enumerable, d.writable, d.configurable, 'get' in d, describeValue(d.value)];
      }),
    ];
  }
  return [typeof value, value];
}

/** The outcome of one read: the described value, or the error's class, message, position and truncated flag. */
function outcome(read: (text: string) => unknown, text: string): unknown {
  try {
    return { value: describeValue(read(text)) };
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      return {
        error: 'JsonSyntaxError',
        message: err.message,
        position: err.position,
        truncated: err.truncated,
      };
    }
    return { error: String(err) };
  }
}

/** Every error the reader has, but nesting (reached by the fixed cases below) and the character-named one. */
const ERROR_KINDS = [
  "',' or ']' expected",
  "',' or '}' expected",
  "':' expected",
  'bad \\u escape',
  'digit expected',
  'digit expected after decimal point',
  'digit expected in exponent',
  'object key expected',
  'unexpected end of text',
  'unexpected text after the value',
  'unterminated \\u escape',
  'unterminated escape',
  'unterminated string',
];

const errorKind = (o: unknown): string | undefined =>
  (o as { message?: string }).message?.replace(/ at \d+$/, '');

/** Reads `texts` with both readers; returns the first disagreement (or undefined) and the error kinds seen. */
function compareAll(texts: Iterable<string>): {
  mismatch?: unknown;
  kinds: Set<string>;
  ok: number;
  total: number;
} {
  const kinds = new Set<string>();
  let ok = 0;
  let total = 0;
  for (const text of texts) {
    total++;
    const expected = outcome(parseTolerantJsonReference, text);
    const actual = outcome(parseTolerantJson, text);
    const kind = errorKind(expected);
    if (kind) kinds.add(kind);
    else ok++;
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      return { mismatch: { text, expected, actual }, kinds, ok, total };
  }
  return { kinds, ok, total };
}

function* randomDocuments(seed: number, count: number): Generator<string> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const doc = (r() < 0.1 ? '\ufeff' : '') + genValue(r, 0);
    yield doc;
    for (let c = 0; c < 4; c++) {
      let bad = corrupt(r, doc);
      if (r() < 0.3) bad = corrupt(r, bad);
      yield bad;
    }
  }
}

describe('tolerant JSON reader, against the reference reader', () => {
  it('gives the same value or the same error on random documents and their corruptions', () => {
    const result = compareAll(randomDocuments(20260404, 4_000));
    expect(result.mismatch).toBeUndefined();
    // The documents must reach both outcomes and every kind of error, or the test proves little.
    expect(result.ok).toBeGreaterThan(result.total / 5);
    for (const kind of ERROR_KINDS) expect(result.kinds, kind).toContain(kind);
    expect([...result.kinds].filter((k) => k.startsWith('unexpected character')).length).toBeGreaterThan(5);
  });

  it('agrees on JSON.stringify output of random values (plain JSON, escapes as JSON writes them)', () => {
    const r = rng(7);
    const make = (depth: number): unknown => {
      const kind = depth > 4 ? 2 + int(r, 3) : int(r, 5);
      if (kind === 0) {
        const obj: Record<string, unknown> = {};
        for (let i = int(r, 5); i > 0; i--)
          obj[pick(r, KEYS) + (r() < 0.5 ? CHINESE[int(r, CHINESE.length)] : '')] = make(depth + 1);
        return obj;
      }
      if (kind === 1) return Array.from({ length: int(r, 5) }, () => make(depth + 1));
      if (kind === 2)
        return String.fromCharCode(...Array.from({ length: int(r, 12) }, () => int(r, 0x10000)));
      if (kind === 3) return (r() - 0.5) * 10 ** int(r, 30);
      return pick(r, [true, false, null]);
    };
    const texts = Array.from({ length: 2_000 }, () =>
      JSON.stringify(make(0), null, r() < 0.5 ? 2 : undefined),
    );
    const result = compareAll(texts);
    expect(result.mismatch).toBeUndefined();
    expect(result.ok).toBe(texts.length);
  });

  it.each([
    ['nesting at the limit', '['.repeat(257) + ']'.repeat(257)],
    ['nesting past the limit', '['.repeat(258) + ']'.repeat(258)],
    ['objects past the limit', '{"a":'.repeat(300)],
    ['deep with spaces', ' [ '.repeat(300)],
    ['a BOM alone', '\ufeff'],
    ['empty', ''],
    ['NBSP around a value', '\u00a0{\u00a0"a"\u00a0:\u00a0[1\u00a0]\u00a0}\u00a0'],
    [
      'duplicate keys keep the first place and the last value',
      '{"b":1,"a":2,"b":3,"__proto__":4,"__proto__":{"x":5}}',
    ],
    ['integer-like keys', '{"b":1,"10":2,"2":3,"-1":4,"01":5,"4294967295":6}'],
    ['a backslash after the value', '"abc"\\'],
    ['an escape late in the text', '["a","b","c\\n"]'],
    ['a quote only past a backslash', '"abc\\"def'],
    ['a lone surrogate outside a string', '\ud83d'],
    ['a key, then a longer one in its place', '[{"a":1,"b":2},{"ab":3,"b":4},{"a":5}]'],
    ['a key, then the same key escaped', '[{"id":1},{"i\\u0064":2},{"id":3}]'],
    ['an escaped key, then its text raw', '[{"i\\"d":1},{"i"d":2}]'],
    ['an escaped backslash key, then a raw quote', '[{"a\\\\":1},{"a\\":2}]'],
    ['a key cut short', '[{"abc":1},{"ab'],
    ['a key, then the text ends inside it', '[{"abc":1},{"abc'],
  ])('agrees on %s', (_name, text) => {
    const result = compareAll([text]);
    expect(result.mismatch).toBeUndefined();
  });

  it('the nesting cases reach the limit from both sides', () => {
    expect(() => parseTolerantJson('['.repeat(257) + ']'.repeat(257))).not.toThrow();
    expect(() => parseTolerantJson('['.repeat(258) + ']'.repeat(258))).toThrow('nesting too deep at 257');
  });
});
