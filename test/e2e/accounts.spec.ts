import {
  startSandbox,
  SANDBOX_APPID,
  SANDBOX_EMAIL,
  SANDBOX_SIGNATURE,
  type SandboxHandle,
} from '../../electron/services/sandbox/index';
import { keychainStatus } from '../support/keychain';
import { expect, test } from './fixtures';

const status = await keychainStatus();
let sandbox: SandboxHandle;

test.beforeAll(async () => {
  sandbox = await startSandbox({ speed: 1 });
});
test.afterAll(async () => {
  await sandbox.close();
});

test.describe('accounts in Settings', () => {
  test.skip(!status.available, `needs the OS keychain: ${status.reason}`);

  test('add an account, test the connection, then a wrong signature shows the 320001 message', async ({
    page,
    harness,
  }) => {
    await page.goto(`${harness.url}#/settings`);
    // A fresh install is on the built-in sandbox account.
    await expect(page.getByRole('button', { name: '当前账号: 沙箱 Sandbox' })).toBeVisible();

    await page.getByRole('button', { name: '添加账号' }).click();
    const form = page.getByRole('form', { name: '添加账号' });
    await form.getByLabel('名称').fill('华东外呼');
    await form.getByLabel('服务器地址（Base URL）').fill(sandbox.url);
    await form.getByLabel('登录邮箱').fill(SANDBOX_EMAIL);
    await form.getByLabel('appid').fill(SANDBOX_APPID);
    await form.getByLabel('signature').fill(SANDBOX_SIGNATURE);
    await form.getByRole('button', { name: '保存' }).click();

    await expect(page.getByRole('alert').filter({ hasText: '已保存账号“华东外呼”' })).toBeVisible();
    const row = page.getByRole('row', { name: /华东外呼/ });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: '测试连接' }).click();
    await expect(row.getByRole('status')).toContainText('连接成功。');
    await expect(row.getByRole('status')).toContainText('可用机器人: 通过 (4)');
    await expect(row.getByRole('status')).toContainText(`登录邮箱: 通过 (${SANDBOX_EMAIL})`);

    // Edit: the signature field is write-only and starts empty.
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('form', { name: '编辑账号“华东外呼”' });
    await expect(edit.getByLabel('signature')).toHaveValue('');
    await expect(edit.getByLabel('signature')).toHaveAttribute(
      'placeholder',
      '已保存（不会显示），留空则保持不变',
    );
    await expect(edit.getByLabel('appid')).toHaveValue(SANDBOX_APPID);
    await edit.getByLabel('signature').fill('not-the-signature');
    await edit.getByRole('button', { name: '保存' }).click();
    await row.getByRole('button', { name: '测试连接' }).click();
    await expect(row.getByRole('alert')).toContainText(
      'appid 或 signature 有误，请检查账号的 appid 和 signature',
    );
    await expect(row.getByRole('alert')).toContainText('sobot.320001');

    // Reopening the form still shows no signature.
    await row.getByRole('button', { name: '编辑' }).click();
    await expect(page.getByRole('form', { name: '编辑账号“华东外呼”' }).getByLabel('signature')).toHaveValue(
      '',
    );
    await page.getByRole('button', { name: '取消' }).click();

    // Switching account from the header.
    await page.getByRole('button', { name: '当前账号: 沙箱 Sandbox' }).click();
    await page.getByRole('menuitem', { name: '华东外呼' }).click();
    await expect(row).toContainText('当前使用');
    await page.reload();
    await expect(page.getByRole('button', { name: '当前账号: 华东外呼' })).toBeVisible();
    await expect(page.getByRole('row', { name: /华东外呼/ })).toContainText('当前使用');
    await expect(page.getByRole('row', { name: /沙箱 Sandbox/ })).not.toContainText('当前使用');

    // Removing asks in a Popconfirm; cancelling keeps the account, confirming removes it.
    await page
      .getByRole('row', { name: /沙箱 Sandbox/ })
      .getByRole('button', { name: '使用' })
      .click();
    const remove = page.getByRole('row', { name: /华东外呼/ }).getByRole('button', { name: '删除' });
    await remove.click();
    const ask = page.getByRole('tooltip').filter({ hasText: '确定删除账号“华东外呼”吗？' });
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('row', { name: /华东外呼/ })).toBeVisible();
    await remove.click();
    await ask.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已删除账号“华东外呼”' })).toBeVisible();
    await expect(page.getByRole('row', { name: /华东外呼/ })).toHaveCount(0);
  });

  test('the form says what to fix before anything is sent', async ({ page, harness }) => {
    await page.goto(`${harness.url}#/settings`);
    await page.getByRole('button', { name: '添加账号' }).click();
    const form = page.getByRole('form', { name: '添加账号' });
    // Inline: a field says what is wrong as soon as it is left, before any save.
    await form.getByLabel('名称').focus();
    await form.getByLabel('服务器地址（Base URL）').focus();
    await expect(form.getByText('必填')).toHaveCount(1);
    await form.getByLabel('服务器地址（Base URL）').fill('ftp://example.com');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.getByText('必填')).toHaveCount(3);
    await expect(form.getByText('请输入以 https:// 开头的地址（http:// 只能用于本机）')).toBeVisible();
    // Nothing was saved: the built-in account is still the only one.
    await expect(page.getByRole('row', { name: /沙箱 Sandbox/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  });
});
