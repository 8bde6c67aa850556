import { expect, test } from './fixtures';

test.describe('security baseline in the browser', () => {
  test('the CSP blocks inline scripts and remote media but lets the app reach its own contract', async ({
    page,
    harness,
  }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(d: string): void }).reportViolation(event.effectiveDirective);
      });
    });
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('名单');

    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      const audio = document.createElement('audio');
      audio.src = 'http://203.0.113.1/remote.wav';
      document.body.appendChild(audio);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations).toEqual(expect.arrayContaining(['script-src-elem', 'media-src']));

    // The app's own contract still works under the policy (WebSocket to 'self').
    const info = await page.evaluate(() => window.api.app.info());
    expect(info.ok).toBe(true);
  });

  test('antd runs in zeroRuntime: no inline style is needed, its tokens come from the static CSS', async ({
    page,
    harness,
  }) => {
    const violations: string[] = [];
    const styles: string[] = [];
    await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
    await page.exposeFunction('reportStyle', (text: string) => styles.push(text));
    await page.addInitScript(() => {
      const host = window as unknown as { reportViolation(d: string): void; reportStyle(t: string): void };
      document.addEventListener('securitypolicyviolation', (event) =>
        host.reportViolation(event.effectiveDirective),
      );
      // Every <style> that reaches the document (the CSP then refuses it), with its text.
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLStyleElement) host.reportStyle(node.outerHTML.slice(0, 200));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(harness.url);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const name of ['任务', '结果', '免打扰', '设置', '名单']) {
      await nav.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        name === '免打扰' ? '免打扰名单' : name,
      );
    }
    const token = (name: string) =>
      page.evaluate((variable) => getComputedStyle(document.body).getPropertyValue(variable).trim(), name);
    // Light's primary is antd's blue-7 (white on the default blue is 4.1:1, below WCAG AA).
    expect(await token('--ant-color-primary')).toBe('#0958d9');
    expect(await token('--ant-color-bg-container')).toBe('#ffffff');
    // The OS turns dark: the theme algorithm follows, through the baked dark variables.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => token('--ant-color-bg-container')).toBe('#141414');
    expect(await token('--ant-color-primary')).toBe('#1668dc');
    await expect(page.locator('html')).toHaveClass(/cd-dark/);
    // No <style> reaches the document and the CSP refuses nothing: antd's tokens and rules are
    // static CSS, its own style tags go to a detached node, and rc-util's scrollbar probe and
    // scroll lock are swapped for CSSOM versions at build time (build/cspSafeStyles.ts).
    expect(styles).toEqual([]);
    expect(violations.filter((directive) => directive.startsWith('style-src'))).toEqual([]);
  });

  test('the page and the contract socket refuse a missing or wrong token', async ({ page, harness }) => {
    const response = await page.goto(harness.origin + '/');
    expect(response?.status()).toBe(403);
    const wrong = await page.goto(`${harness.origin}/?token=wrong-${harness.token}`);
    expect(wrong?.status()).toBe(403);
  });

  test('the contract refuses invalid input with a localised error', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('名单');
    const result = await page.evaluate(() =>
      (window.api.prefs.set as (input: unknown) => Promise<unknown>)({ locale: 'fr', secret: 1 }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input', message: '请求的内容不正确' },
    });
  });
});
