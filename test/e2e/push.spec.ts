import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { choose, expect, switchAccount, test } from './fixtures';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('turn the push receiver on in Settings, give each provider its URL, and receive each one’s push', async ({
  page,
  harness,
  context,
}) => {
  const port = await freePort();
  await page.goto(`${harness.url}#/settings`);
  await page.getByLabel('开启推送接收').check();
  await page.getByLabel('端口').fill(String(port));
  await page.getByRole('button', { name: '应用' }).click();

  // One labelled line per provider, each with its own path under the same secret.
  const sobotLine = page.getByRole('listitem', { name: '智齿外呼：填为任务的结果推送地址（push_url）' });
  const cecLine = page.getByRole('listitem', { name: '华为云 CEC：填为外呼活动的结果回调地址' });
  const url = await sobotLine.getByTestId('push-url-sobot').textContent();
  expect(url).toMatch(new RegExp(`^http://[^/]+:${port}/push/[A-Za-z0-9_-]{20,}$`));
  const cecUrl = await cecLine.getByTestId('push-url-huawei-cec').textContent();
  const secret = (url as string).split('/').at(-1)!;
  expect(cecUrl).toBe((url as string).replace(/\/push\/.*/, `/push/huawei-cec/${secret}`));

  // The copy button copies that line's address and says so.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await cecLine.getByRole('button', { name: '复制华为云 CEC地址' }).click();
  await expect(page.getByText('已复制华为云 CEC地址').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cecUrl);

  const body = readFileSync(join(import.meta.dirname, '../fixtures/sobot/push.example.txt'));
  const local = (url as string).replace(/^http:\/\/[^/:]+/, 'http://127.0.0.1');
  const answer = await fetch(local, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(answer.status).toBe(200);
  const wrong = await fetch(local.replace(/push\/.*/, 'push/not-the-secret'), { method: 'POST', body });
  expect(wrong.status).toBe(404);

  // Huawei's callback (the fragments' own example) at the CEC address, with the CEC tenant in
  // use: answered as CC-iSales expects and stored on the campaign it names. Sobot's body there
  // is not a callback (CEC's parser reads that path) and is refused.
  await switchAccount(page, '当前账号', '沙箱 Sandbox', 'CEC 沙箱 Huawei Sandbox');
  const cecLocal = (cecUrl as string).replace(/^http:\/\/[^/:]+/, 'http://127.0.0.1');
  const callback = readFileSync(join(import.meta.dirname, '../fixtures/huawei/callback-example.json'));
  const cecAnswer = await fetch(cecLocal, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: callback,
  });
  expect(cecAnswer.status).toBe(200);
  expect(await cecAnswer.json()).toEqual({ retCode: '0', retMsg: 'success' });
  expect((await fetch(cecLocal, { method: 'POST', body })).status).toBe(400);

  await page.reload();
  await expect(page.getByText('本次已接收 2 条')).toBeVisible();
  await page.getByRole('link', { name: '结果', exact: true }).click();
  // The campaign it names is offered with its one stored call, and the call is listed.
  await choose(page, page.getByLabel('查看'), '3（1 通）');
  const calls = page.getByRole('table', { name: '通话列表' });
  await expect(calls.getByRole('row').filter({ hasText: '60584' })).toHaveCount(1);

  // Off again: nothing listens any more.
  await page.goto(`${harness.url}#/settings`);
  await page.getByLabel('开启推送接收').uncheck();
  await page.getByRole('button', { name: '应用' }).click();
  await expect(page.getByTestId('push-url-sobot')).toHaveCount(0);
  await expect(page.getByTestId('push-url-huawei-cec')).toHaveCount(0);
  await expect(fetch(local, { method: 'POST', body })).rejects.toThrow();
  await expect(fetch(cecLocal, { method: 'POST', body: callback })).rejects.toThrow();
});
