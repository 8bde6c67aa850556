import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, CHANNELS, type Channel } from '../../../shared/contract';
import { DEFAULT_PREFS, type Prefs } from '../../../shared/prefs';
import { createDispatcher, type Handlers } from '../../../electron/services/contract/dispatch';
import { AppFailure } from '../../../electron/services/contract/failure';
import { createHandlers } from '../../../electron/services/core/handlers';
import type { PrefsStore } from '../../../electron/services/prefs/store';
import type { Logger } from '../../../electron/services/log';
import { createAccountService } from '../../../electron/services/accounts/create';
import { createLazySandbox } from '../../../electron/services/accounts/sandboxProvider';
import { memorySettings, memoryVault } from '../../support/memory';
import { createTaskService } from '../../../electron/services/tasks/create';
import { DncFeature } from '../../../electron/services/dnc/feature';
import { UpdateService } from '../../../electron/services/desktop/updates';
import { DncStore } from '../../../electron/services/dnc/store';
import { createMediaProxy } from '../../../electron/services/media/proxy';
import { ListsFeature } from '../../../electron/services/lists/feature';
import { openListServices } from '../../../electron/services/lists/index';
import { ResultsFeature } from '../../../electron/services/results/feature';
import { createUploadService } from '../../../electron/services/uploads/index';

const APP = 'app://campaign-desk';
const top = { url: `${APP}/index.html#/lists`, isTopFrame: true };

function memoryPrefs(initial: Prefs = DEFAULT_PREFS): PrefsStore {
  let prefs = { ...initial };
  return {
    get: () => prefs,
    set: (patch) => (prefs = { ...prefs, ...patch }),
  };
}

function setup(overrides: Partial<Handlers> = {}, prefs = memoryPrefs()) {
  const events: [string, unknown][] = [];
  const logged: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (m) => logged.push(m),
    error: (m, f) => logged.push(`${m} ${JSON.stringify(f)}`),
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-dispatch-'));
  const accounts = createAccountService({
    settings: memorySettings(),
    vault: memoryVault(),
    sandbox: createLazySandbox(),
  });
  const listServices = openListServices(dataDir);
  const media = createMediaProxy({ dir: join(tmpdir(), 'cd-dispatch-media'), trustedHosts: ['127.0.0.1'] });
  const handlers = {
    ...createHandlers({
      appInfo: { version: '1.2.3', dataDir: '/data', platform: 'linux', host: 'electron' },
      prefs,
      accounts,
      lists: new ListsFeature({ dataDir, services: listServices, broadcast: () => undefined }),
      tasks: createTaskService({ settings: memorySettings(), accounts, media }),
      results: new ResultsFeature({
        db: listServices.db,
        dataDir,
        accounts,
        lists: listServices.store,
        media,
      }),
      uploads: createUploadService({
        db: listServices.db,
        lists: listServices.store,
        sessionFor: (id) => accounts.sessionFor(id),
        factoryFor: (id) => accounts.factoryFor(id),
        activeId: () => accounts.activeId(),
      }),
      dnc: new DncFeature({
        store: new DncStore(listServices.db),
        lists: listServices.store,
        activeAccountId: () => accounts.activeId(),
        callTelephone: () => undefined,
      }),
      updates: new UpdateService({
        updater: null,
        currentVersion: '1.2.3',
        prefs: () => prefs.get(),
        locale: () => prefs.get().locale,
        busy: () => ({ uploads: 0, imports: 0 }),
      }),
      broadcast: (event, payload) => events.push([event, payload]),
    }),
    ...overrides,
  };
  const dispatch = createDispatcher({
    handlers,
    allowedOrigins: [APP],
    locale: () => prefs.get().locale,
    log,
  });
  return { dispatch, events, logged, prefs };
}

describe('the contract dispatcher', () => {
  it('answers a trusted call with the handler value in the ok envelope', async () => {
    const { dispatch } = setup();
    await expect(dispatch('app:info', undefined, top)).resolves.toEqual({
      ok: true,
      value: { version: '1.2.3', dataDir: '/data', platform: 'linux', host: 'electron' },
    });
  });

  it('refuses a message from an iframe even on the app origin', async () => {
    const { dispatch, logged } = setup();
    const result = await dispatch('app:info', undefined, { url: `${APP}/index.html`, isTopFrame: false });
    expect(result).toEqual({
      ok: false,
      error: { code: 'ipc.forbidden_sender', message: '拒绝来自非本应用页面的请求' },
    });
    expect(logged.join()).toContain('foreign frame');
  });

  it.each([
    'https://evil.example/index.html',
    'file:///etc/passwd',
    'about:blank',
    'data:text/html,<script>1</script>',
    'not a url',
    '',
  ])('refuses a top frame from a foreign or opaque origin: %s', async (url) => {
    const { dispatch } = setup();
    const result = await dispatch('prefs:set', { locale: 'en' }, { url, isTopFrame: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
  });

  it('does not run the handler for a refused sender', async () => {
    const { dispatch, prefs } = setup();
    await dispatch('prefs:set', { locale: 'en' }, { url: 'https://evil.example/', isTopFrame: true });
    expect(prefs.get().locale).toBe('zh-CN');
  });

  it('refuses unknown channels and prototype keys', async () => {
    const { dispatch } = setup();
    for (const channel of ['app:nope', '__proto__', 'constructor', 'toString']) {
      await expect(dispatch(channel, undefined, top)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.unknown_channel' },
      });
    }
  });

  it('validates input with the schema and names the bad fields', async () => {
    const { dispatch, prefs } = setup();
    const result = await dispatch('prefs:set', { locale: 'fr', extra: true }, top);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input', message: '请求的内容不正确' },
    });
    expect(!result.ok && result.error.detail).toMatch(/locale/);
    expect(prefs.get().locale).toBe('zh-CN');
    await expect(dispatch('app:info', { anything: 1 }, top)).resolves.toMatchObject({ ok: false });
  });

  it('localises errors in the language the user chose', async () => {
    const { dispatch } = setup({}, memoryPrefs({ ...DEFAULT_PREFS, locale: 'en' }));
    const result = await dispatch('prefs:set', { locale: 42 }, top);
    expect(result).toMatchObject({ ok: false, error: { message: 'The request was not valid' } });
  });

  it('turns an AppFailure into its code and localised message', async () => {
    const { dispatch } = setup({
      'prefs:get': () => {
        throw AppFailure.of('settings.write_failed', 'EACCES');
      },
    });
    await expect(dispatch('prefs:get', undefined, top)).resolves.toEqual({
      ok: false,
      error: {
        code: 'settings.write_failed',
        message: '无法保存设置，请检查数据文件夹是否可写',
        detail: 'EACCES',
      },
    });
  });

  it('never sends an unexpected error’s message or stack to the renderer', async () => {
    const { dispatch, logged } = setup({
      'app:info': () => {
        throw new Error('boom at /home/op/secret-path with signature=abc');
      },
    });
    const result = await dispatch('app:info', undefined, top);
    expect(result).toEqual({
      ok: false,
      error: { code: 'app.unexpected', message: '发生了意外错误，详情已写入日志' },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret-path|signature|boom/);
    expect(logged.join()).toContain('boom');
  });

  it('prefs:set stores the change and broadcasts prefs:changed', async () => {
    const { dispatch, events } = setup();
    const result = await dispatch('prefs:set', { locale: 'en' }, top);
    const after = { ...DEFAULT_PREFS, locale: 'en' };
    expect(result).toEqual({ ok: true, value: after });
    expect(events).toEqual([['prefs:changed', after]]);
    await expect(dispatch('prefs:get', undefined, top)).resolves.toEqual(result);
  });
});

describe('createApi', () => {
  it('exposes exactly one function per contract entry and one subscribe per event', async () => {
    const calls: [Channel, unknown][] = [];
    const subscribed: string[] = [];
    const api = createApi({
      invoke: async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      subscribe: (event) => {
        subscribed.push(event);
        return () => subscribed.splice(subscribed.indexOf(event), 1);
      },
    });
    expect(Object.keys(api).sort()).toEqual([
      'accounts',
      'app',
      'dnc',
      'import',
      'lists',
      'prefs',
      'push',
      'recordings',
      'results',
      'sync',
      'tasks',
      'templates',
      'updates',
      'uploads',
    ]);
    expect(Object.keys(api.import)).toEqual(['onProgress']);
    expect(Object.keys(api.templates)).toEqual(['audio']);
    expect(Object.keys(api.accounts).sort()).toEqual(['list', 'onChanged', 'remove', 'save', 'test', 'use']);
    expect(Object.keys(api.prefs).sort()).toEqual(['get', 'onChanged', 'set']);
    await api.app.info();
    await api.prefs.set({ theme: 'dark' });
    expect(calls).toEqual([
      ['app:info', undefined],
      ['prefs:set', { theme: 'dark' }],
    ]);
    const stop = api.prefs.onChanged(() => undefined);
    expect(subscribed).toEqual(['prefs:changed']);
    stop();
    expect(subscribed).toEqual([]);
    expect(CHANNELS.slice(0, 3)).toEqual(['app:info', 'prefs:get', 'prefs:set']);
  });
});
