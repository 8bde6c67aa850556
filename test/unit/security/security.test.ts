import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  denyAllPermissions,
  hardenContents,
  type HardenableContents,
  type HardenableSession,
} from '../../../electron/main/security';
import { resolveAsset } from '../../../electron/services/security/assets';
import { APP_CSP, APP_CSP_HEADER } from '../../../electron/services/security/csp';
import { isExternalAllowed, isNavigationAllowed } from '../../../electron/services/security/policy';
import { isTrustedSender, originOf } from '../../../electron/services/contract/sender';

const APP = 'app://campaign-desk';

/** A stand-in for WebContents: a real EventEmitter plus the window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits an event the way Electron does and says whether a listener cancelled it. */
  fire(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenContents(contents as unknown as HardenableContents, {
    appOrigins: [APP],
    openExternal: (url) => void opened.push(url),
  });
  return { contents, opened };
}

describe('window hardening', () => {
  it('keeps navigation inside the app', () => {
    const { contents } = hardened();
    expect(contents.fire('will-navigate', `${APP}/index.html#/tasks`)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'http://127.0.0.1:9/',
      'app://other/x',
      'javascript:alert(1)',
    ]) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
  });

  it('never opens a new window, and sends only allow-listed https links to the system browser', () => {
    const { contents, opened } = hardened();
    expect(contents.openHandler?.({ url: 'https://www.sobot.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://www.sobot.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: `${APP}/index.html` })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.sobot.com/docs']);
  });

  it('refuses webview attachment', () => {
    const { contents } = hardened();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    denyAllPermissions(session as unknown as HardenableSession);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request?.(null, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(check?.(null, permission, APP)).toBe(false);
    }
  });
});

describe('policies', () => {
  it('computes the origin of the app scheme and refuses opaque ones', () => {
    expect(originOf(`${APP}/index.html#/x`)).toBe(APP);
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('file:///x/index.html')).toBeNull();
    expect(originOf('data:text/html,x')).toBeNull();
    expect(originOf('garbage')).toBeNull();
    expect(isTrustedSender({ url: `${APP}/`, isTopFrame: true }, [APP])).toBe(true);
    expect(isTrustedSender({ url: `${APP}.evil.example/`, isTopFrame: true }, [APP])).toBe(false);
  });

  it('allows external links only over https to listed hosts without credentials', () => {
    expect(isExternalAllowed('https://icall.sobot.com/x')).toBe(true);
    expect(isExternalAllowed('https://user:pw@icall.sobot.com/x')).toBe(false);
    expect(isExternalAllowed('https://icall.sobot.com.evil.example/')).toBe(false);
    expect(isExternalAllowed('mailto:a@b.c')).toBe(false);
    expect(isNavigationAllowed('https://icall.sobot.com/', [APP])).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the same in the page meta tag as in the header, and strict', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(APP_CSP);
    expect(APP_CSP_HEADER.startsWith(APP_CSP)).toBe(true);
    const directives = new Map(APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});

describe('app asset resolution', () => {
  const root = '/srv/renderer';
  it('maps paths inside the renderer folder', () => {
    expect(resolveAsset(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveAsset(root, '/assets/index-abc.js?v=1')).toBe('/srv/renderer/assets/index-abc.js');
    expect(resolveAsset(root, '/%E5%90%8D%E5%8D%95.txt')).toBe('/srv/renderer/名单.txt');
  });
  it('refuses every way out of it', () => {
    for (const path of [
      '/../secret',
      '/assets/../../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/..%2fetc',
      '/a%5c..%5cb',
      '/x%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveAsset(root, path), path).toBeNull();
    }
  });
});
