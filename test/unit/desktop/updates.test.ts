import { describe, expect, it } from 'vitest';
import { UpdateService, type Updater } from '../../../electron/services/desktop/updates';
import { DEFAULT_PREFS, type Prefs } from '../../../shared/prefs';
import type { UpdateState } from '../../../shared/updates';

const FEED = 'https://updates.example.com/campaign-desk/';

/** An updater whose answers the test sets; records what the service asked of it. */
function fakeUpdater(offer: { version: string | null; checkFails?: boolean; downloadFails?: boolean }) {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  let holdDownload = false;
  const updater: Updater = {
    setFeedUrl: (url) => calls.push(`feed ${url}`),
    check: async () => {
      calls.push('check');
      if (offer.checkFails) throw new Error('ENOTFOUND updates.example.com');
      return offer.version;
    },
    download: async (onProgress) => {
      calls.push('download');
      onProgress(12.4);
      onProgress(57.6);
      if (holdDownload) await new Promise<void>((resolve) => (release = resolve));
      if (offer.downloadFails) throw new Error('sha512 checksum mismatch');
      onProgress(100);
    },
    setInstallOnQuit: (enabled) => calls.push(`installOnQuit ${enabled}`),
    quitAndInstall: () => calls.push('quitAndInstall'),
  };
  return {
    updater,
    calls,
    hold: () => (holdDownload = true),
    release: () => release(),
  };
}

function setup(
  options: {
    prefs?: Partial<Prefs>;
    updater?: Updater | null;
    busy?: { uploads: number; imports: number };
  } = {},
) {
  let prefs: Prefs = { ...DEFAULT_PREFS, updates: true, updateFeedUrl: FEED, ...options.prefs };
  const busy = { uploads: 0, imports: 0, ...options.busy };
  const changes: UpdateState[] = [];
  const service = new UpdateService({
    updater: options.updater === undefined ? fakeUpdater({ version: null }).updater : options.updater,
    currentVersion: '0.1.0',
    prefs: () => prefs,
    locale: () => prefs.locale,
    busy: () => busy,
    onChange: (state) => changes.push(state),
    now: () => new Date('2026-12-02T08:00:00Z'),
  });
  return {
    service,
    changes,
    busy,
    setPrefs: (patch: Partial<Prefs>) => {
      prefs = { ...prefs, ...patch };
      service.prefsChanged();
    },
  };
}

describe('UpdateService', () => {
  it('is off by default and never asks the feed', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    const { service } = setup({ prefs: { updates: false, updateFeedUrl: null }, updater: fake.updater });
    service.start();
    expect(service.current().phase).toBe('off');
    await expect(service.check()).rejects.toMatchObject({ code: 'updates.off' });
    expect(fake.calls).toEqual([]);
    expect(DEFAULT_PREFS.updates).toBe(false);
  });

  it('says the harness and CLI cannot update themselves', async () => {
    const { service } = setup({ updater: null });
    expect(service.current().phase).toBe('unsupported');
    await expect(service.check()).rejects.toMatchObject({ code: 'updates.unsupported' });
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'updates.unsupported' }));
  });

  it('checks the feed, downloads a newer version in the background and installs it on quit', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    const { service, changes } = setup({ updater: fake.updater });
    const state = await service.check();
    expect(state).toMatchObject({
      phase: 'ready',
      version: '0.2.0',
      percent: 100,
      checkedAt: '2026-12-02T08:00:00.000Z',
    });
    expect(fake.calls).toEqual([`feed ${FEED}`, 'check', 'download', 'installOnQuit true']);
    expect(changes.map((change) => [change.phase, change.percent])).toEqual([
      ['checking', null],
      ['downloading', 0],
      ['downloading', 12],
      ['downloading', 58],
      ['downloading', 100],
      ['ready', 100],
    ]);
    // Already downloaded: a second check does not download again.
    await service.check();
    expect(fake.calls.filter((call) => call === 'download')).toHaveLength(1);
  });

  it('checks at start when turned on, and says when the app is current', async () => {
    const fake = fakeUpdater({ version: null });
    const { service, changes } = setup({ updater: fake.updater });
    service.start();
    await expect.poll(() => service.current().phase).toBe('current');
    expect(fake.calls).toEqual([`feed ${FEED}`, 'check']);
    expect(changes.at(-1)).toMatchObject({ phase: 'current', version: null });
  });

  it('one check at a time: a second request joins the first', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    fake.hold();
    const { service } = setup({ updater: fake.updater });
    const first = service.check();
    const second = service.check();
    await expect.poll(() => service.current().percent).toBe(58);
    fake.release();
    expect(await first).toEqual(await second);
    expect(fake.calls.filter((call) => call === 'check')).toHaveLength(1);
  });

  it('reports a feed that cannot be reached or a broken download in the user’s language', async () => {
    const unreachable = setup({
      prefs: { locale: 'en' },
      updater: fakeUpdater({ version: null, checkFails: true }).updater,
    });
    expect(await unreachable.service.check()).toMatchObject({
      phase: 'error',
      error: {
        code: 'updates.check_failed',
        message: expect.stringMatching(/Could not check the update feed/),
      },
    });
    const broken = fakeUpdater({ version: '0.2.0', downloadFails: true });
    const { service } = setup({ updater: broken.updater });
    expect(await service.check()).toMatchObject({
      phase: 'error',
      error: { code: 'updates.download_failed' },
    });
    expect(service.current().error?.message).toMatch(/更新下载失败/);
    expect(broken.calls).not.toContain('installOnQuit true');
  });

  it('never installs while an upload or import runs', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    const { service, busy } = setup({ updater: fake.updater, busy: { uploads: 1, imports: 0 } });
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'updates.not_ready' }));
    await service.check();
    expect(service.current().blockers).toEqual(['upload']);
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'updates.busy' }));
    busy.uploads = 0;
    busy.imports = 2;
    expect(() => service.install()).toThrow(expect.objectContaining({ code: 'updates.busy' }));
    expect(fake.calls).not.toContain('quitAndInstall');
    busy.imports = 0;
    expect(service.install().blockers).toEqual([]);
    expect(fake.calls.at(-1)).toBe('quitAndInstall');
  });

  it('turning updates off drops a downloaded version from installing on quit; on again checks', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    const { service, setPrefs } = setup({ updater: fake.updater });
    await service.check();
    setPrefs({ updates: false });
    expect(service.current()).toMatchObject({ phase: 'off', version: null });
    expect(fake.calls.at(-1)).toBe('installOnQuit false');
    setPrefs({ updates: true });
    await expect.poll(() => service.current().phase).toBe('ready');
    expect(fake.calls.filter((call) => call === 'check')).toHaveLength(2);
  });

  it('a new feed URL is given to the updater and checked', async () => {
    const fake = fakeUpdater({ version: null });
    const { service, setPrefs } = setup({ updater: fake.updater });
    await service.check();
    setPrefs({ updateFeedUrl: 'https://mirror.example.com/cd/' });
    await expect.poll(() => fake.calls.filter((call) => call === 'check').length).toBe(2);
    expect(fake.calls).toContain('feed https://mirror.example.com/cd/');
  });

  it('a download finished after updates were turned off is not installed', async () => {
    const fake = fakeUpdater({ version: '0.2.0' });
    fake.hold();
    const { service, setPrefs } = setup({ updater: fake.updater });
    const running = service.check();
    await expect.poll(() => service.current().phase).toBe('downloading');
    setPrefs({ updates: false });
    fake.release();
    expect((await running).phase).toBe('off');
    expect(fake.calls).not.toContain('installOnQuit true');
  });
});
