import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID, type AccountsState } from '../../../shared/accounts';
import { createAccountService } from '../../../electron/services/accounts/create';
import { createLazySandbox, type SandboxProvider } from '../../../electron/services/accounts/sandboxProvider';
import { describeError } from '../../../electron/services/contract/failure';
import { SANDBOX_APPID, SANDBOX_EMAIL, SANDBOX_SIGNATURE } from '../../../electron/services/sandbox/index';
import { describeSobotError } from '../../../electron/services/sobot/index';
import { memorySettings, memoryVault } from '../../support/memory';

// The account service against the real sandbox over loopback HTTP. The vault here is in memory
// (the real keychain has its own tests in keychain.test.ts).
let sandbox: SandboxProvider;
let baseUrl: string;

beforeAll(async () => {
  sandbox = createLazySandbox({ speed: 1 });
  baseUrl = await sandbox.url();
});
afterAll(() => sandbox.close());

function setup() {
  const settings = memorySettings();
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

const draft = (overrides: Record<string, string> = {}) => ({
  name: '华东外呼',
  baseUrl,
  email: SANDBOX_EMAIL,
  appid: SANDBOX_APPID,
  signature: SANDBOX_SIGNATURE,
  ...overrides,
});

describe('accounts', () => {
  it('start with the built-in sandbox account active', async () => {
    const { service } = setup();
    const state = await service.state();
    expect(state.activeId).toBe(SANDBOX_ACCOUNT_ID);
    expect(state.accounts).toEqual([
      expect.objectContaining({
        id: SANDBOX_ACCOUNT_ID,
        builtIn: true,
        hasSignature: true,
        appid: SANDBOX_APPID,
      }),
    ]);
    await expect(service.test()).resolves.toEqual({ robotNum: 4, login: 'passed' });
  });

  it('keep credentials in the vault only, and never show the signature', async () => {
    const { service, settings, vault, changes } = setup();
    const { id, state } = await service.save(draft());
    expect(JSON.stringify(settings.data)).not.toContain(SANDBOX_SIGNATURE);
    expect(JSON.stringify(settings.data)).not.toContain(SANDBOX_APPID);
    expect([...vault.entries.values()].join()).toContain(SANDBOX_SIGNATURE);
    expect(JSON.stringify(state)).not.toContain(SANDBOX_SIGNATURE);
    expect(state.accounts.find((a) => a.id === id)).toMatchObject({
      name: '华东外呼',
      hasSignature: true,
      appid: SANDBOX_APPID,
    });
    expect(changes).toHaveLength(1);
  });

  it('test a saved account against the server: success, then 320001 with a wrong signature', async () => {
    const { service } = setup();
    const { id } = await service.save(draft());
    await expect(service.test(id)).resolves.toEqual({ robotNum: 4, login: 'passed' });
    await service.save({ ...draft(), id, signature: 'wrong-signature' });
    const error = await service.test(id).catch((e: unknown) => e);
    expect(describeError(error, 'zh-CN', [describeSobotError])).toMatchObject({
      code: 'sobot.320001',
      message: expect.stringContaining('appid 或 signature 有误'),
    });
    expect(describeError(error, 'en', [describeSobotError]).message).toContain('appid or signature is wrong');
  });

  it('report a login email that does not belong to the appid', async () => {
    const { service } = setup();
    const { id } = await service.save(draft({ email: 'someone@else.example' }));
    await expect(service.test(id)).resolves.toMatchObject({ robotNum: 4, login: 'failed' });
  });

  it('tell a network failure apart from a server error', async () => {
    const { service } = setup();
    const { id } = await service.save(draft({ baseUrl: 'http://127.0.0.1:9/api/icall/5/task/' }));
    const error = await service.test(id).catch((e: unknown) => e);
    expect(describeError(error, 'zh-CN', [describeSobotError]).code).toMatch(/^net\./);
  });

  it('keep the stored signature when the form leaves it empty', async () => {
    const { service } = setup();
    const { id } = await service.save(draft());
    await service.save({ ...draft({ name: '改名了' }), id, signature: '' });
    await expect(service.test(id)).resolves.toMatchObject({ login: 'passed' });
    expect((await service.state()).accounts.find((a) => a.id === id)?.name).toBe('改名了');
  });

  it('switch, and fall back to the sandbox when the active account is removed', async () => {
    const { service, vault } = setup();
    const { id } = await service.save(draft());
    expect((await service.use(id)).activeId).toBe(id);
    const client = await service.clientFor();
    await expect(client.queryRobotNum()).resolves.toEqual({ robot_num: 4 });
    const state = await service.remove(id);
    expect(state.activeId).toBe(SANDBOX_ACCOUNT_ID);
    expect(vault.entries.size).toBe(0);
  });

  it('refuse duplicate names, unknown ids and changes to the sandbox account', async () => {
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
    await expect(service.save({ ...draft({ name: '新账号' }), signature: '' })).rejects.toMatchObject({
      code: 'accounts.no_credentials',
    });
  });
});
