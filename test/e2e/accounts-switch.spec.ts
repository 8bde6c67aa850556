import type { Page } from '@playwright/test';
import { createCampaignViaApi, createTaskViaApi, expect, switchAccount, test } from './fixtures';

// An operator with both providers switches accounts in the header and keeps working: each
// account's Tasks and Results screens show its own tasks and nothing of the other's.

const SOBOT = '沙箱 Sandbox';
const CEC = 'CEC 沙箱 Huawei Sandbox';
const SOBOT_TASK = '智能外呼 回访任务';
const CEC_TASK = '华为 CEC 回访活动';

/** The Tasks screen lists `own` and not `other`; the Results screen offers `own` and not `other`. */
async function seesOnly(page: Page, own: string, other: string): Promise<void> {
  await page.getByRole('link', { name: '任务', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: own })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: other })).toHaveCount(0);
  await page.getByRole('link', { name: '结果', exact: true }).click();
  // The source select's open list offers this account's task and not the other's.
  await page.getByLabel('查看').click();
  const offered = (name: string) =>
    page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${name}（`) });
  await expect(offered(own)).toHaveCount(1);
  await expect(offered(other)).toHaveCount(0);
  await page.keyboard.press('Escape');
}

test('switching between a Sobot and a CEC account shows each one its own tasks and results', async ({
  page,
  harness,
}) => {
  await page.goto(`${harness.url}#/tasks`);
  await expect(page.getByRole('button', { name: `当前账号: ${SOBOT}` })).toBeVisible();
  await createTaskViaApi(page, SOBOT_TASK);

  await switchAccount(page, '当前账号', SOBOT, CEC);
  await createCampaignViaApi(page, CEC_TASK);
  await seesOnly(page, CEC_TASK, SOBOT_TASK);

  await switchAccount(page, '当前账号', CEC, SOBOT);
  await seesOnly(page, SOBOT_TASK, CEC_TASK);

  // And back again after a reload: the choice is kept, the screens follow it.
  await switchAccount(page, '当前账号', SOBOT, CEC);
  await page.reload();
  await expect(page.getByRole('button', { name: `当前账号: ${CEC}` })).toBeVisible();
  await seesOnly(page, CEC_TASK, SOBOT_TASK);
});
