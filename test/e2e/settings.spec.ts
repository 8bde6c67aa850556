import { expect, test } from './fixtures';

test.describe('Settings', () => {
  test('in English at 1280×800 nothing scrolls sideways and nothing is cut off', async ({
    page,
    harness,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${harness.url}#/settings`);
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

    // The push receiver on, so its URL (the longest text) is shown too.
    await page.getByLabel('Receive pushes').check();
    await page.getByLabel('Port').fill('18431');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('push-url-sobot')).toBeVisible();
    await expect(page.getByTestId('push-url-huawei-cec')).toBeVisible();

    const overflow = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        main: main.scrollWidth - main.clientWidth,
      };
    });
    expect(overflow).toEqual({ page: 0, main: 0 });
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
