import { expect, test } from './fixtures';

// Settings → updates through the browser harness, which cannot update itself: the section
// says so, and the switch and the feed URL are kept as preferences (validated in main too).
test('updates are off by default, the feed must be https, and the harness says it cannot update', async ({
  page,
  harness,
}) => {
  await page.goto(`${harness.url}#/settings`);
  const section = page.getByTestId('updates-section');
  await expect(section.getByTestId('updates-status')).toContainText('只有安装版应用可以自动更新');
  const toggle = section.getByRole('switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  const feed = section.getByLabel('更新源地址');
  await feed.fill('http://updates.example.com/');
  await expect(section.getByText('请填写 https:// 开头的地址')).toBeVisible();
  await expect(section.getByRole('button', { name: /^保\s?存$/ })).toBeDisabled();
  await feed.fill('https://updates.example.com/campaign-desk/');
  await section.getByRole('button', { name: /^保\s?存$/ }).click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(section.getByRole('button', { name: /检查更新/ })).toBeDisabled();

  await page.reload();
  await expect(page.getByTestId('updates-section').getByLabel('更新源地址')).toHaveValue(
    'https://updates.example.com/campaign-desk/',
  );
  await expect(page.getByTestId('updates-section').getByRole('switch')).toHaveAttribute(
    'aria-checked',
    'true',
  );
});
