import { describe, expect, it } from 'vitest';
import {
  encodeVariables,
  normalizeCallTimeSlot,
  SobotValidationError,
} from '../../../electron/services/sobot';
import {
  mediaUrl,
  intentions,
  count,
  timestamp,
  statusCode,
  ShapeError,
} from '../../../electron/services/sobot/normalize';
import { JsonNumber } from '../../../electron/services/http/tolerantJson';
import { wireVariable } from '../../../electron/services/sobot/params';

describe('call_time_slot', () => {
  it.each([
    ['8:00-19:00', '08:00-19:00'],
    ['09:00-20:00,21:00-22:00', '09:00-20:00,21:00-22:00'],
    [' 9:05 - 12:00 , 13:00-18:30 ', '09:05-12:00,13:00-18:30'],
    ['0:00-24:00', '00:00-24:00'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(normalizeCallTimeSlot(input)).toBe(out);
  });

  it.each([
    '8-19',
    '08:00',
    '25:00-26:00',
    '08:60-09:00',
    '19:00-08:00',
    '09:00-09:00',
    '9:00-19:00,',
    '9:00~19:00',
    '24:00-24:30',
  ])('rejects %j before sending', (input) => {
    expect(() => normalizeCallTimeSlot(input)).toThrow(SobotValidationError);
  });

  it('a bad slot in addTask throws before any request', async () => {
    const { clientFor } = await import('./fakeFetch');
    const { client, calls } = clientFor(() => ({ body: { ret_code: '000000', data: [] } }));
    await expect(
      client.addTask({
        templateid: 't',
        task_name: 'n',
        telephone: '1',
        robot_num: 1,
        time_type: 2,
        call_time_slot: '8:00-7:00',
      }),
    ).rejects.toMatchObject({ code: 'sobot.invalid_param', field: 'call_time_slot' });
    expect(calls).toHaveLength(0);
  });
});

describe('variable', () => {
  it('encodes a map as name^value|name^value', () => {
    expect(encodeVariables({ 会议地点: '银海大厦', 参会人性别: '先生' })).toBe(
      '会议地点^银海大厦|参会人性别^先生',
    );
    expect(encodeVariables({})).toBe('');
  });

  it.each<Record<string, string>>([{ a: 'x^y' }, { a: 'x|y' }, { 'a^': 'x' }, { '': 'x' }])(
    'refuses %j',
    (vars) => {
      expect(() => encodeVariables(vars)).toThrow(SobotValidationError);
    },
  );

  it('checks encoded strings', () => {
    expect(wireVariable('公司^公司名')).toBe('公司^公司名');
    expect(wireVariable('a^1|b^')).toBe('a^1|b^');
    expect(() => wireVariable('a^1^2')).toThrow(SobotValidationError);
    expect(() => wireVariable('a')).toThrow(SobotValidationError);
    expect(() => wireVariable('a^1||b^2')).toThrow(SobotValidationError);
  });
});

describe('field normalisers', () => {
  it('voice_url: unescape, remove the stray space, refuse non-http(s)', () => {
    expect(mediaUrl('http: \\/\\/a.test\\/x.wav', 'v')).toBe('http://a.test/x.wav');
    expect(mediaUrl('http: //a.test/x.wav', 'v')).toBe('http://a.test/x.wav');
    expect(mediaUrl(' HTTPS://a.test/x.wav ', 'v')).toBe('https://a.test/x.wav');
    expect(mediaUrl('file:///etc/passwd', 'v')).toBeNull();
    expect(mediaUrl('javascript:alert(1)', 'v')).toBeNull();
    expect(mediaUrl('', 'v')).toBeNull();
    expect(mediaUrl(null, 'v')).toBeNull();
    expect(mediaUrl('not a url', 'v')).toBeNull();
  });

  it('intention_name splits on U+0001', () => {
    expect(intentions('a\u0001b\u0001', 'i')).toEqual(['a', 'b']);
    expect(intentions('', 'i')).toEqual([]);
    expect(intentions(null, 'i')).toEqual([]);
  });

  it('numbers from strings or tokens; timestamps may be null; garbage is a ShapeError', () => {
    expect(count(new JsonNumber('007'), 'c')).toBe(7);
    expect(count(' 12 ', 'c')).toBe(12);
    expect(count(undefined, 'c')).toBe(0);
    expect(timestamp('0', 't')).toBe(0);
    expect(timestamp(null, 't')).toBeNull();
    expect(statusCode('-1', 's')).toBe(-1);
    expect(() => statusCode(undefined, 's')).toThrow(ShapeError);
    expect(() => count('abc', 'c')).toThrow(ShapeError);
    expect(() => count({}, 'c')).toThrow(ShapeError);
  });
});
