/** The outcome callback: the fragments' example parsed field for field and answered exactly. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SPEC_PATH = join(__dirname, '../../../../shared/spec/huawei-cec-fragments.txt');
import {
  CALLBACK_SUCCESS_BODY,
  DERIVED_ID_PREFIX,
  parseOutcomeCallback,
} from '../../../electron/services/huawei';

const example = readFileSync(join(__dirname, '../../fixtures/huawei/callback-example.json'), 'utf8');
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('outcome callback', () => {
  it.skipIf(!existsSync(SPEC_PATH))('the fixture is the fragments’ own example', () => {
    const spec = readFileSync(SPEC_PATH, 'utf8');
    expect(squash(spec)).toContain(squash(example));
  });

  it('parses the example field for field, digits as strings', () => {
    const result = parseOutcomeCallback(example, 'Asia/Shanghai');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped).toBe(0);
    expect(result.outcomes).toEqual([
      {
        id: '0023-134864174',
        derivedId: false,
        campaignId: '3',
        sessionId: '1202_test013',
        called: '60584',
        callTimeStr: '2020-08-30 20:00:00',
        // 20:00 in Shanghai (UTC+8) is 12:00 UTC.
        callTime: Date.UTC(2020, 7, 30, 12, 0, 0),
        callStatus: 6,
        failCode: '0',
        vdnId: '11',
        callId: '0023-134864174',
        customField: '',
        recordPath: 'Y:/1/11/20200830/3408/0949218.V3',
      },
    ]);
  });

  it('answers exactly {"retCode":"0","retMsg":"success"} with HTTP 200', () => {
    const result = parseOutcomeCallback(Buffer.from(example, 'utf8'), 'Asia/Shanghai');
    expect(result.answer.status).toBe(200);
    expect(result.answer.body).toBe('{"retCode":"0","retMsg":"success"}');
    expect(CALLBACK_SUCCESS_BODY).toBe('{"retCode":"0","retMsg":"success"}');
  });

  it('answers 400 for a body that is not a JSON array', () => {
    for (const body of ['{"campaignId":"3"}', '', 'not json', '[{"campaignId":"3"}']) {
      const result = parseOutcomeCallback(body, 'Asia/Shanghai');
      expect(result.ok, body).toBe(false);
      expect(result.answer.status).toBe(400);
    }
  });

  it('keeps long digit strings and leading zeros exact, and derives a stable id without callId', () => {
    const body =
      '[{"campaignId":1234567890123456789,"sessionId":"s1","called":013800138000,"callTimeStr":"2024-03-04 09:00:05","callStatus":5,"failCode":"34606","vdnId":1,"callId":"","recordPath":""},' +
      '{"campaignId":"1234567890123456789","sessionId":"s1","called":"013800138000","callTimeStr":"2024-03-04 09:00:05","callStatus":5,"failCode":"34606","vdnId":1}, 7]';
    const result = parseOutcomeCallback(body, 'Asia/Shanghai');
    if (!result.ok) throw new Error('refused');
    const [a, b] = result.outcomes;
    expect(a!.campaignId).toBe('1234567890123456789');
    expect(a!.called).toBe('013800138000');
    expect(a!.derivedId).toBe(true);
    expect(a!.id.startsWith(DERIVED_ID_PREFIX)).toBe(true);
    // The same attempt pushed again (bare numbers or strings) has the same id: a repeat adds nothing.
    expect(b!.id).toBe(a!.id);
    expect(result.skipped).toBe(1);
    const other = parseOutcomeCallback(body.replace('09:00:05', '09:00:06'), 'Asia/Shanghai');
    if (!other.ok) throw new Error('refused');
    expect(other.outcomes[0]!.id).not.toBe(a!.id);
  });

  it('reads callTimeStr in the account’s time zone', () => {
    const result = parseOutcomeCallback(example, 'Europe/Berlin');
    if (!result.ok) throw new Error('refused');
    expect(result.outcomes[0]!.callTime).toBe(Date.UTC(2020, 7, 30, 18, 0, 0));
  });
});
