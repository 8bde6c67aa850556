import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonSyntaxError, parseTolerantJson } from '../../../electron/services/sobot';

const raw = (v: unknown): string => (v as JsonNumber).raw;

describe('tolerant JSON reader', () => {
  it('keeps number tokens as their exact source text', () => {
    const v = parseTolerantJson(
      '{"a":02180344315,"b":000000,"c":1234554321123666,"d":-0.50,"e":1e3,"f":12345678901234567890}',
    ) as Record<string, unknown>;
    expect(v['a']).toBeInstanceOf(JsonNumber);
    expect(raw(v['a'])).toBe('02180344315');
    expect(raw(v['b'])).toBe('000000');
    expect(raw(v['c'])).toBe('1234554321123666');
    expect(raw(v['d'])).toBe('-0.50');
    expect(raw(v['e'])).toBe('1e3');
    expect(raw(v['f'])).toBe('12345678901234567890');
  });

  it('reads escapes: \\/ \\u0001 surrogate pairs, and keeps unknown escapes', () => {
    expect(parseTolerantJson('"http: \\/\\/a\\/b"')).toBe('http: //a/b');
    expect(parseTolerantJson('"有意向购买\\u0001满意"')).toBe('有意向购买\u0001满意');
    expect(parseTolerantJson('"\\ud83d\\ude00 \\n\\t\\"\\\\"')).toBe('😀 \n\t"\\');
    expect(parseTolerantJson('"a\\xb"')).toBe('axb');
  });

  it('accepts raw control characters inside strings and a BOM', () => {
    expect(parseTolerantJson('\ufeff{"a":"x\u0001y\nz"}')).toEqual({ a: 'x\u0001y\nz' });
  });

  it('reads null, booleans, nested arrays and empty containers', () => {
    expect(parseTolerantJson(' { "a" : null , "b":[true,false,[],{}] } ')).toEqual({
      a: null,
      b: [true, false, [], {}],
    });
  });

  it('keeps a __proto__ key as data', () => {
    const v = parseTolerantJson('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(v)).toEqual(['__proto__']);
  });

  it.each([
    ['{"a":1', true],
    ['{"a":"abc', true],
    ['[1,2', true],
    ['{"a":', true],
    ['"\\u00', true],
    ['', true],
    ['{"a":1}x', false],
    ['{a:1}', false],
    ['{"a":01.}', false],
    ['<html></html>', false],
    ['{"a":tru}', false],
    ['[1,,2]', false],
  ])('rejects %j (truncated: %s)', (text, truncated) => {
    try {
      parseTolerantJson(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(JsonSyntaxError);
      expect((err as JsonSyntaxError).truncated).toBe(truncated);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseTolerantJson('['.repeat(100_000))).toThrow(JsonSyntaxError);
  });

  it('JsonNumber serialises as its raw string', () => {
    expect(JSON.stringify(parseTolerantJson('{"a":007}'))).toBe('{"a":"007"}');
  });
});
