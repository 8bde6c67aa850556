import { describe, expect, it } from 'vitest';
import { normalizePhone, PHONE_INVALID_REASONS } from '../../shared/phone';

const ok = (raw: string | number, telephone: string, kind = 'mobile') =>
  expect(normalizePhone(raw), String(raw)).toEqual({ ok: true, telephone, kind });
const bad = (raw: string | number | null, reason: string) =>
  expect(normalizePhone(raw), String(raw)).toEqual({ ok: false, reason });

describe('normalizePhone', () => {
  it('accepts mobiles as typed: separators, prefixes, full-width digits, number cells', () => {
    ok('13800138000', '13800138000');
    ok(13800138000, '13800138000');
    ok(' 138 0013 8000 ', '13800138000');
    ok('138-0013-8000', '13800138000');
    ok('138.0013.8000', '13800138000');
    ok('(138)00138000', '13800138000');
    ok('+86 138 0013 8000', '13800138000');
    ok('+86-13800138000', '13800138000');
    ok('008613800138000', '13800138000');
    ok('8613800138000', '13800138000');
    ok('１３８００１３８０００', '13800138000');
    ok('＋８６１３８００１３８０００', '13800138000');
    ok('13800138000.0', '13800138000');
    ok('013800138000', '13800138000');
    ok('19912345678', '19912345678');
  });

  it('accepts landlines with their area code and 400/800 numbers', () => {
    ok('010-12345678', '01012345678', 'landline');
    ok('01012345678', '01012345678', 'landline');
    ok('(021) 6123 4567', '02161234567', 'landline');
    ok('0571-8765432', '05718765432', 'landline');
    ok('0571-87654321', '057187654321', 'landline');
    ok('+86 10 1234 5678', '01012345678', 'landline');
    ok('+86-571-87654321', '057187654321', 'landline');
    ok('400-820-8820', '4008208820', 'service');
    ok('800 820 8820', '8008208820', 'service');
  });

  it('refuses what cannot be dialled, saying why', () => {
    bad('', 'missing');
    bad('   ', 'missing');
    bad(null, 'missing');
    bad('1.38001E+10', 'scientific');
    bad('1.38E10', 'scientific');
    bad(1.5, 'scientific');
    bad('138001380001', 'length');
    bad('1380013800', 'length');
    bad('12800138000', 'length');
    bad('62345678', 'no_area_code');
    bad('12345678', 'length');
    bad('6123-4567', 'no_area_code');
    bad('010-1234567', 'length');
    bad('13800138000转123', 'characters');
    bad('13800138000/13900139000', 'characters');
    bad('无', 'characters');
    bad('+1 415 555 0100', 'foreign');
    bad('001 415 555 0100', 'foreign');
    for (const reason of Object.values(PHONE_INVALID_REASONS)) {
      expect(reason['zh-CN']).not.toBe('');
      expect(reason.en).not.toBe('');
    }
  });
});
