import type { Page } from '@playwright/test';
import { expect, sidewaysOverflow, test } from './fixtures';

/**
 * The accounts table at this width: every row's action buttons are whole on screen and inside
 * the table's own scroll container, and that container has nothing to scroll sideways to.
 */
async function accountActionsFit(page: Page, actions: string, width: number): Promise<void> {
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: actions }) });
  await expect(table).toBeVisible();
  const scroller = await table.evaluate((element) => {
    let box: HTMLElement | null = element.parentElement;
    while (box && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX))
      box = box.parentElement;
    const host = box ?? element;
    const rect = host.getBoundingClientRect();
    return {
      scrollWidth: host.scrollWidth,
      clientWidth: host.clientWidth,
      left: rect.left,
      right: rect.right,
    };
  });
  expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const buttons = rows.nth(i).getByRole('button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(1);
    for (const button of await buttons.all()) {
      const box = (await button.boundingBox())!;
      const where = `${await button.textContent()} in row ${i + 1}`;
      expect(box.x, where).toBeGreaterThanOrEqual(Math.max(0, scroller.left));
      expect(box.x + box.width, where).toBeLessThanOrEqual(Math.min(width, scroller.right));
    }
  }
}

test.describe('Settings', () => {
  test('in English at 1280×800 nothing scrolls sideways and nothing is cut off', async ({
    page,
    harness,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${harness.url}#/settings`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    await accountActionsFit(page, '操作', 1280);
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await accountActionsFit(page, 'Actions', 1280);

    // The push receiver on, so its URL (the longest text) is shown too.
    await page.getByLabel('Receive pushes').check();
    await page.getByLabel('Port').fill('18431');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('push-url-sobot')).toBeVisible();
    await expect(page.getByTestId('push-url-huawei-cec')).toBeVisible();

    expect(await sidewaysOverflow(page)).toEqual({ page: 0, main: 0 });
    for (const name of ['Apply', 'Add account']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(1280);
    }
    // The "in use" tag keeps its text on one line, whole.
    const tag = page.getByRole('row', { name: /Sandbox/ }).getByText('Active', { exact: true });
    await expect(tag).toBeVisible();
    const clipped = await tag.evaluate((element) => ({
      wraps: element.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(element).lineHeight),
      cut: element.scrollWidth > element.clientWidth,
    }));
    expect(clipped).toEqual({ wraps: false, cut: false });
    // With the push receiver's section grown, the accounts' actions still fit.
    await accountActionsFit(page, 'Actions', 1280);
  });

  test('the theme follows the choice in Settings, then the OS again', async ({ page, harness }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${harness.url}#/settings`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    // The page's background: antd's colorBgLayout of the theme in use.
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(245, 245, 245)');
    await page.getByRole('radiogroup', { name: '外观' }).getByText('深色').click();
    await expect.poll(background).toBe('rgb(0, 0, 0)');
    await page.reload();
    await expect.poll(background).toBe('rgb(0, 0, 0)');
    await page.getByRole('radiogroup', { name: '外观' }).getByText('跟随系统').click();
    await expect.poll(background).toBe('rgb(245, 245, 245)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(0, 0, 0)');
  });
});
