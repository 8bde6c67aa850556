import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('turn the push receiver on in Settings and receive the document’s own push example', async ({
  page,
  harness,
}) => {
  const port = await freePort();
  await page.goto(`${harness.url}#/settings`);
  await page.getByLabel('开启推送接收').check();
  await page.getByLabel('端口').fill(String(port));
  await page.getByRole('button', { name: '应用' }).click();
  const url = await page.getByTestId('push-url').textContent();
  expect(url).toMatch(new RegExp(`^http://[^/]+:${port}/push/[A-Za-z0-9_-]{20,}$`));

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

  await page.reload();
  await expect(page.getByText('本次已接收 1 条')).toBeVisible();

  // Off again: nothing listens any more.
  await page.getByLabel('开启推送接收').uncheck();
  await page.getByRole('button', { name: '应用' }).click();
  await expect(page.getByTestId('push-url')).toHaveCount(0);
  await expect(fetch(local, { method: 'POST', body })).rejects.toThrow();
});
