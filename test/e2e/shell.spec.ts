import { expect, test } from './fixtures';

test.describe('app shell', () => {
  test('renders in zh-CN with the four sections and their empty states', async ({ page, harness }) => {
    await page.goto(harness.url);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link')).toHaveText(['名单', '任务', '结果', '设置']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('名单');
    await expect(page.getByRole('heading', { name: '还没有名单' })).toBeVisible();

    await nav.getByRole('link', { name: '任务' }).click();
    await expect(page).toHaveURL(/#\/tasks$/);
    await expect(page.getByRole('heading', { name: '还没有任务' })).toBeVisible();
    await nav.getByRole('link', { name: '结果' }).click();
    await expect(page.getByRole('heading', { name: '还没有通话结果' })).toBeVisible();
    await expect(page.getByRole('button', { name: '当前账号: 沙箱 Sandbox' })).toBeVisible();
  });

  test('switching to English changes the navigation and survives a reload', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link')).toHaveText(['Lists', 'Tasks', 'Results', 'Settings']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(nav.getByRole('link')).toHaveText(['Lists', 'Tasks', 'Results', 'Settings']);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

    // And back: the choice is stored, not stuck.
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('简体中文').click();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link').first()).toHaveText(
      '名单',
    );
  });

  test('the navigation works from the keyboard', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: '名单' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '任务' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: '任务' })).toHaveAttribute('aria-current', 'page');
  });

  test('settings shows the version and data folder from app:info', async ({ page, harness, dataDir }) => {
    await page.goto(`${harness.url}#/settings`);
    await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
    await expect(page.getByText(dataDir)).toBeVisible();
  });
});
