import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_CEC_ACCOUNT_ID,
  type AccountDraft,
  type AccountsState,
} from '../../../shared/accounts';
import { createAccountService } from '../../../electron/services/accounts/create';
import { PROFILES_VERSION } from '../../../electron/services/accounts/profiles';
import { createLazySandbox, type SandboxProvider } from '../../../electron/services/accounts/sandboxProvider';
import { describeError } from '../../../electron/services/contract/failure';
import { describeTransportError } from '../../../electron/services/http/describe';
import { describeProviderError } from '../../../electron/services/providers/registry';
import {
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  SANDBOX_APPID,
  SANDBOX_EMAIL,
  SANDBOX_SIGNATURE,
} from '../../../electron/services/sandbox/index';
import { memorySettings, memoryVault } from '../../support/memory';

// The account service against the real sandbox over loopback HTTP. The vault here is in memory
// (the real keychain has its own tests in keychain.test.ts).
let sandbox: SandboxProvider;
let baseUrl: string;
const describers = [describeTransportError, describeProviderError];

beforeAll(async () => {
  sandbox = createLazySandbox({ speed: 1 });
  baseUrl = await sandbox.url();
});
afterAll(() => sandbox.close());

function setup(settings = memorySettings()) {
  const vault = memoryVault();
  const changes: AccountsState[] = [];
  const service = createAccountService({
    settings,
    vault,
    sandbox,
    broadcast: (event, payload) => {
      if (event === 'accounts:changed') changes.push(payload as AccountsState);
    },
  });
  return { service, settings, vault, changes };
}

const draft = (
  settings: Partial<Record<'baseUrl' | 'email', string>> = {},
  secrets: Partial<Record<'appid' | 'signature', string>> = {},
  name = '华东外呼',
): AccountDraft => ({
  provider: 'sobot',
  name,
  settings: { baseUrl, email: SANDBOX_EMAIL, ...settings },
  secrets: { appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE, ...secrets },
});

const passedBoth = {
  checks: [
    expect.objectContaining({ outcome: 'passed', detail: '4' }),
    expect.objectContaining({ outcome: 'passed', detail: SANDBOX_EMAIL }),
  ],
};

describe('accounts', () => {
  it('start with the built-in sandbox account active, with every provider described', async () => {
    const { service } = setup();
    const state = await service.state();
    expect(state.activeId).toBe(SANDBOX_ACCOUNT_ID);
    expect(state.accounts).toEqual([
      expect.objectContaining({
        id: SANDBOX_ACCOUNT_ID,
        provider: 'sobot',
        builtIn: true,
        secrets: { appid: { stored: true, value: SANDBOX_APPID }, signature: { stored: true } },
      }),
      expect.objectContaining({
        id: SANDBOX_CEC_ACCOUNT_ID,
        provider: 'huawei-cec',
        builtIn: true,
        secrets: {
          ak: { stored: true },
          sk: { stored: true },
          qc_app_key: { stored: true },
          qc_app_secret: { stored: true },
        },
      }),
    ]);
    expect(JSON.stringify(state)).not.toContain(CEC_SANDBOX_SK);
    expect(JSON.stringify(state)).not.toContain(CEC_SANDBOX_AK);
    expect(state.providers.map((p) => p.id)).toEqual(['sobot', 'huawei-cec']);
    expect(state.providers[0]!.capabilities.lifecycle.end.length).toBeGreaterThan(0);
    await expect(service.test()).resolves.toEqual(passedBoth);
  });

  it('serve the built-in CEC tenant from the same sandbox, its loopback hosts trusted for media', async () => {
    const { service } = setup();
    const report = await service.test(SANDBOX_CEC_ACCOUNT_ID);
    expect(report.checks.map((c) => c.outcome)).toEqual(['passed', 'passed', 'passed']);
    const session = await service.sessionFor(SANDBOX_CEC_ACCOUNT_ID);
    expect(session.provider.id).toBe('huawei-cec');
    expect(session.trustedHosts).toEqual(['127.0.0.1', '127.0.0.1']);
    const options = await session.provider.taskOptions();
    expect(options.callerLines.length).toBeGreaterThan(0);
    expect(options.templates.length).toBeGreaterThan(0);
    await expect(service.use(SANDBOX_CEC_ACCOUNT_ID)).resolves.toMatchObject({
      activeId: SANDBOX_CEC_ACCOUNT_ID,
    });
  });

  it('keep secrets in the vault only, and never show the signature', async () => {
    const { service, settings, vault, changes } = setup();
    const { id, state } = await service.save(draft());
    expect(JSON.stringify(settings.data)).not.toContain(SANDBOX_SIGNATURE);
    expect(JSON.stringify(settings.data)).not.toContain(SANDBOX_APPID);
    expect([...vault.entries.values()].join()).toContain(SANDBOX_SIGNATURE);
    expect(JSON.stringify(state)).not.toContain(SANDBOX_SIGNATURE);
    expect(state.accounts.find((a) => a.id === id)).toMatchObject({
      name: '华东外呼',
      settings: { baseUrl, email: SANDBOX_EMAIL },
      secrets: { appid: { stored: true, value: SANDBOX_APPID }, signature: { stored: true } },
    });
    expect(changes).toHaveLength(1);
  });

  it('test a saved account against the server: success, then 320001 with a wrong signature', async () => {
    const { service } = setup();
    const { id } = await service.save(draft());
    await expect(service.test(id)).resolves.toEqual(passedBoth);
    await service.save({ ...draft({}, { signature: 'wrong-signature' }), id });
    const error = await service.test(id).catch((e: unknown) => e);
    expect(describeError(error, 'zh-CN', describers)).toMatchObject({
      code: 'sobot.320001',
      message: expect.stringContaining('appid 或 signature 有误'),
    });
    expect(describeError(error, 'en', describers).message).toContain('appid or signature is wrong');
  });

  it('report a login email that does not belong to the appid', async () => {
    const { service } = setup();
    const { id } = await service.save(draft({ email: 'someone@else.example' }));
    const report = await service.test(id);
    expect(report.checks.map((c) => c.outcome)).toEqual(['passed', 'failed']);
  });

  it('tell a network failure apart from a server error', async () => {
    const { service } = setup();
    const { id } = await service.save(draft({ baseUrl: 'http://127.0.0.1:9/api/icall/5/task/' }));
    const error = await service.test(id).catch((e: unknown) => e);
    expect(describeError(error, 'zh-CN', describers).code).toMatch(/^net\./);
  });

  it('keep the stored signature when the form leaves it empty', async () => {
    const { service } = setup();
    const { id } = await service.save(draft());
    await service.save({ ...draft({}, { signature: '' }, '改名了'), id });
    await expect(service.test(id)).resolves.toEqual(passedBoth);
    expect((await service.state()).accounts.find((a) => a.id === id)?.name).toBe('改名了');
  });

  it('switch, and fall back to the sandbox when the active account is removed', async () => {
    const { service, vault } = setup();
    const { id } = await service.save(draft());
    expect((await service.use(id)).activeId).toBe(id);
    const { provider, accountId, trustedHosts } = await service.sessionFor();
    expect(accountId).toBe(id);
    // Media main fetches for this account may be on its own host (here loopback), nowhere else private.
    expect(trustedHosts).toEqual([new URL(baseUrl).hostname]);
    await expect(provider.taskOptions()).resolves.toMatchObject({ maxRobots: 4 });
    const state = await service.remove(id);
    expect(state.activeId).toBe(SANDBOX_ACCOUNT_ID);
    expect(vault.entries.size).toBe(0);
  });

  it('refuse duplicate names, unknown ids, bad fields and changes to the sandbox account', async () => {
    const { service } = setup();
    await service.save(draft());
    await expect(service.save(draft())).rejects.toMatchObject({ code: 'accounts.name_taken' });
    await expect(service.save({ ...draft(), id: 'nope' })).rejects.toMatchObject({
      code: 'accounts.not_found',
    });
    await expect(service.remove(SANDBOX_ACCOUNT_ID)).rejects.toMatchObject({
      code: 'accounts.builtin_readonly',
    });
    await expect(service.use('nope')).rejects.toMatchObject({ code: 'accounts.not_found' });
    await expect(service.save(draft({}, { signature: '' }, '新账号'))).rejects.toMatchObject({
      code: 'accounts.bad_field',
      detail: 'signature',
    });
    await expect(service.save(draft({ email: 'not an email' }, {}, '新账号'))).rejects.toMatchObject({
      detail: 'email',
    });
  });

  it('refuse plain http to another machine (the signature travels in every URL), but not to this one', async () => {
    const { service } = setup();
    const remote = service.save(draft({ baseUrl: 'http://icall.example.com/api/icall/5/task/' }, {}, '远程'));
    await expect(remote).rejects.toMatchObject({ code: 'accounts.bad_field', detail: 'baseUrl' });
    const message = await remote.catch((e: { text: { en: string } }) => e.text.en);
    expect(message).toContain('https');
    await expect(
      service.save(draft({ baseUrl: 'http://localhost:8600/api/' }, {}, '本机')),
    ).resolves.toBeDefined();
    await expect(
      service.save(draft({ baseUrl: 'https://icall.example.com/' }, {}, '远程')),
    ).resolves.toBeDefined();
  });

  it('read profiles written by version 0.1 (Sobot fields beside the name) and write them back migrated', async () => {
    const settings = memorySettings();
    settings.data['profiles'] = [
      {
        id: 'old-1',
        name: '老账号',
        provider: 'sobot',
        baseUrl,
        email: SANDBOX_EMAIL,
        defaults: { templateid: 'T1', telephone: ['02180344315'], callTimeSlot: '09:00-12:00,14:00-18:00' },
      },
    ];
    settings.data['activeId'] = 'old-1';
    const { service, vault } = setup(settings);
    // Its keychain entry, as 0.1 wrote it.
    await vault.set('sobot:old-1', JSON.stringify({ appid: SANDBOX_APPID, signature: SANDBOX_SIGNATURE }));
    const state = await service.state();
    expect(state.activeId).toBe('old-1');
    expect(state.accounts.find((a) => a.id === 'old-1')).toMatchObject({
      id: 'old-1',
      settings: { baseUrl, email: SANDBOX_EMAIL },
      secrets: { appid: { stored: true, value: SANDBOX_APPID }, signature: { stored: true } },
      defaults: {
        templateId: 'T1',
        callerNumbers: ['02180344315'],
        callingHours: ['09:00-12:00', '14:00-18:00'],
      },
    });
    expect(settings.data['profilesVersion']).toBe(PROFILES_VERSION);
    expect(settings.data['profiles']).toEqual([
      expect.objectContaining({ id: 'old-1', settings: { baseUrl, email: SANDBOX_EMAIL } }),
    ]);
    await expect(service.test('old-1')).resolves.toEqual(passedBoth);
  });
});
