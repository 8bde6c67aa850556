/**
 * The CEC adapter's pure rules: what the plan refuses before sending, the account's fields, a
 * draft as create parameters, the errors in both languages, and the upload plan's campaign
 * checks (do-not-call, numbers already on the task) through the neutral core.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CecAuthError,
  CecError,
  CecValidationError,
  TransportError,
} from '../../../electron/services/huawei';
import { sourceOfRef, toProviderCall } from '../../../electron/services/huawei/provider/calls';
import { cecFactory } from '../../../electron/services/huawei/provider/index';
import { toCreateParams, toSlot } from '../../../electron/services/huawei/provider/tasks';
import { openListServices } from '../../../electron/services/lists';
import { describeProviderError } from '../../../electron/services/providers/registry';
import { createUploadService } from '../../../electron/services/uploads';
import type { TaskDraft } from '../../../shared/tasks';
import { makeList, mobiles } from '../../support/uploads';

const row = (key: string, telephone: string, variables: Record<string, string> = {}) => ({
  key,
  telephone,
  variables,
});

describe('CEC rows refused before sending', () => {
  it('names the limit each row breaks', () => {
    expect(cecFactory.rowProblem(row('a'.repeat(32), '13911112222'))).toBeNull();
    expect(cecFactory.rowProblem(row('a'.repeat(33), '13911112222'))).toBe('row.key_too_long');
    expect(cecFactory.rowProblem(row('', '13911112222'))).toBe('row.key_invalid');
    expect(cecFactory.rowProblem(row('k', '139-1111-2222'))).toBe('row.phone_rejected');
    expect(cecFactory.rowProblem(row('k', '*123#'))).toBeNull();
    expect(cecFactory.rowProblem(row('k', '1'.repeat(25)))).toBe('row.phone_rejected');
    // 1024 bytes as JSON: `{"v":"…"}` is 8 bytes around the value; 张 is 3 bytes in UTF-8.
    expect(cecFactory.rowProblem(row('k', '13911112222', { v: 'x'.repeat(1016) }))).toBeNull();
    expect(cecFactory.rowProblem(row('k', '13911112222', { v: 'x'.repeat(1017) }))).toBe(
      'row.variables_too_large',
    );
    expect(cecFactory.rowProblem(row('k', '13911112222', { v: '张'.repeat(340) }))).toBe(
      'row.variables_too_large',
    );
    expect(cecFactory.mayDropRow({ telephone: '4008001234' })).toBe(false);
  });
});

describe('CEC account fields', () => {
  const ok = { baseUrl: 'https://10.0.0.1:28090', vdnId: '1' };
  const keys = { ak: 'AK', sk: 'SK' };
  it('checks each field and the key pairs', () => {
    const check = (settings: Record<string, string>, secrets: Record<string, string> = keys) =>
      cecFactory.checkAccount(settings, secrets, new Set());
    expect(check(ok)).toBeNull();
    expect(check({ ...ok, baseUrl: 'http://10.0.0.1' })?.field).toBe('baseUrl');
    expect(check({ ...ok, vdnId: '0' })?.field).toBe('vdnId');
    expect(check({ ...ok, ccId: 'x' })?.field).toBe('ccId');
    expect(check({ ...ok, timeZone: 'Mars/Olympus' })?.field).toBe('timeZone');
    expect(check({ ...ok, caPem: 'not a certificate' })?.field).toBe('caPem');
    expect(check({ ...ok, callerNumbers: '0218, 12-3' })?.field).toBe('callerNumbers');
    expect(check({ ...ok, flows: '85000=回访, =x' })?.field).toBe('flows');
    expect(check(ok, { ak: 'AK' })?.field).toBe('sk');
    expect(cecFactory.checkAccount(ok, {}, new Set(['ak', 'sk']))).toBeNull();
    expect(check(ok, { ...keys, qc_app_key: 'k' })?.field).toBe('qc_app_secret');
    expect(check(ok, { ...keys, qc_app_key: 'k', qc_app_secret: 's' })?.field).toBe('qcDomain');
    expect(
      check({ ...ok, qcDomain: 'https://qc.example.com' }, { ...keys, qc_app_key: 'k', qc_app_secret: 's' }),
    ).toBeNull();
  });
});

describe('a task draft as a campaign', () => {
  const draft: TaskDraft = {
    templateId: ' 85000 ',
    name: ' 回访 ',
    callerNumbers: ['02180344315'],
    robots: 1,
    callingHours: ['08:00-12:00', '13:00-24:00'],
    validity: { kind: 'range', start: Date.UTC(2026, 2, 10), end: Date.UTC(2026, 2, 20) },
    numberHiding: 'none',
    exportAllowed: true,
    resultPush: { url: 'http://192.168.1.5:8123/push/huawei-cec/s', when: 'every_call' },
  };
  it('maps every field, the end of the day as 23:59', () => {
    expect(toCreateParams(draft, draft.callingHours)).toEqual({
      name: '回访',
      beginTime: Date.UTC(2026, 2, 10),
      endTime: Date.UTC(2026, 2, 20),
      slots: [
        { begin: '08:00', end: '12:00' },
        { begin: '13:00', end: '23:59' },
      ],
      callerNo: '02180344315',
      flowAccessCode: '85000',
      callbackUrl: 'http://192.168.1.5:8123/push/huawei-cec/s',
    });
    expect(toSlot('00:00-24:00')).toEqual({ begin: '00:00', end: '23:59' });
    expect(() => toCreateParams({ ...draft, validity: { kind: 'permanent' } }, [])).toThrow(
      CecValidationError,
    );
    expect(() => toCreateParams({ ...draft, callerNumbers: ['1', '2'] }, [])).toThrow(CecValidationError);
  });
});

describe('the recording of a CEC outcome', () => {
  const outcome = (recordPath: string, callId: string) => ({
    id: callId || 'derived:1',
    derivedId: callId === '',
    campaignId: '7',
    sessionId: 's1',
    called: '13900000001',
    callTimeStr: '2026-12-03 15:00:00',
    callTime: Date.UTC(2026, 11, 3, 7),
    callStatus: 6,
    failCode: '0',
    vdnId: '1',
    callId,
    customField: '',
    recordPath,
  });

  it('is fetched by callId when the path is empty, by the path otherwise, and absent with neither', () => {
    const byCall = toProviderCall(outcome('', '1764745200-3'), '7').recording;
    expect(byCall?.kind).toBe('provider');
    expect(byCall?.kind === 'provider' && sourceOfRef(byCall.ref)).toEqual({
      kind: 'ccfs-call',
      callId: '1764745200-3',
    });
    const byPath = toProviderCall(
      outcome('Y:/1/1/20261203/42/1764745200-3.V3', '1764745200-3'),
      '7',
    ).recording;
    expect(byPath?.kind === 'provider' && sourceOfRef(byPath.ref)).toEqual({
      kind: 'ccfs-record',
      fileName: 'Y:/1/1/20261203/42/1764745200-3.V3',
    });
    expect(toProviderCall(outcome('', ''), '7').recording).toBeNull();
  });
});

describe('CEC errors', () => {
  it('are described in both languages with stable codes; others are left to their provider', () => {
    const zh = describeProviderError(new CecError('0200022', 'addNumbers'), 'zh-CN');
    const en = describeProviderError(new CecError('0200022', 'addNumbers'), 'en');
    expect(zh).toMatchObject({ code: 'huawei.0200022', detail: 'addNumbers' });
    expect(en?.code).toBe('huawei.0200022');
    expect(zh?.message).not.toBe(en?.message);
    expect(
      describeProviderError(new CecAuthError('huawei.auth_refused', 'listCampaigns'), 'en'),
    ).toMatchObject({
      code: 'huawei.auth_refused',
      detail: 'HTTP 401',
    });
    expect(cecFactory.describeError(new Error('x'), 'en')).toBeUndefined();
    expect(
      cecFactory.describeError(new TransportError({ code: 'net.timeout', endpoint: 'x', sent: 'yes' }), 'en'),
    ).toBeUndefined();
  });
});

describe('the upload plan on a CEC account', () => {
  it('leaves out do-not-call numbers, numbers already on the task and rows CEC would refuse', async () => {
    const services = openListServices(mkdtempSync(join(tmpdir(), 'cd-cec-plan-')));
    try {
      const rows = mobiles(10, 100);
      // The list normalises this one (dashes dropped): it goes.
      rows[3] = { telephone: '139-0000-0103', variables: ['x', 'y'] };
      rows[4] = { telephone: '13900000104', variables: ['张'.repeat(400), 'y'] };
      const listId = makeList(services, rows);
      const uploads = createUploadService({
        db: services.db,
        lists: services.store,
        activeId: () => 'cec',
        sessionFor: () => Promise.reject(new Error('the plan needs no credentials')),
        factoryFor: () => cecFactory,
        campaign: {
          doNotCall: (_account, phones) =>
            new Map(phones.filter((p) => p.endsWith('101')).map((p) => [p, '投诉'])),
          dialled: (_account, _task, phones) => new Set(phones.filter((p) => p.endsWith('102'))),
        },
      });
      const plan = await uploads.plan({ listId, taskId: '1001' });
      expect(plan).toMatchObject({
        toSend: 7,
        batchRows: 20,
        minSpacingMs: 1000,
        requests: 1,
        fileAllowed: false,
      });
      expect(plan.doNotCall).toBe(1);
      expect(plan.numberOnTask).toMatchObject({ rows: 1, dialled: 1 });
      expect(plan.excluded).toEqual({
        rows: 3,
        byProblem: { 'row.do_not_call': 1, 'row.number_on_task': 1, 'row.variables_too_large': 1 },
      });
    } finally {
      services.close();
    }
  });
});
