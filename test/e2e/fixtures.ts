import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_APPID, SANDBOX_SIGNATURE, type SandboxOptions } from '../../electron/services/sandbox/index';
import { createSobotClient, type SobotClient } from '../../electron/services/sobot/index';
import type { CallResult } from '../../shared/results';
import { startHarness, type Harness } from '../harness/server';

interface HarnessOptions {
  /** How the embedded sandbox runs; `test.use({ sandboxOptions: { latencyMs } })` slows it down. */
  sandboxOptions: SandboxOptions;
}

interface HarnessFixtures {
  /** A fresh data folder for this test. */
  dataDir: string;
  /** The harness serving the built renderer over that data folder. */
  harness: Harness;
}

export const test = base.extend<HarnessFixtures & HarnessOptions>({
  sandboxOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-desk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir, sandboxOptions }, use) => {
    const harness = await startHarness({ dataDir, sandbox: sandboxOptions });
    await use(harness);
    await harness.close();
  },
});

export { expect };

/**
 * Types a time into antd's TimePicker (24 h) as a keyboard user does, once: focus the field (the
 * picker selects its first cell, the hours, in its focus handler), type the digits, Enter. The
 * picker is in mask mode: each key fills the cell it is in (hours, then minutes); the ':' is
 * skipped by the mask. Not by a click: in mask mode the picker ignores keys between a mousedown
 * on the field and its mouseup (antd's own behaviour, still real; focus() has no mousedown).
 * The time must still read so after Enter and after leaving the field. No retry and no wait for
 * the hours cell: typed times were lost (the old 09:00 back after Enter, or the first keys
 * "dropped") because each Tasks list read re-rendered the wizard with a new dayjs value, which
 * reset the picker's typed time; HoursEditor now keeps the value stable (timepicker.spec.ts).
 */
export async function typeTime(input: Locator, time: string): Promise<void> {
  await input.blur();
  await input.focus();
  await input.pressSequentially(time, { delay: 40 });
  await expect(input).toHaveValue(time);
  await input.press('Enter');
  await expect(input).toHaveValue(time);
  await input.blur();
  await expect(input).toHaveValue(time);
}

/**
 * A task created straight through the iCall API, as another tool would (all day, one robot):
 * `query_task` lists it while unfinished. Answers the client too, to feed it rows.
 */
export async function outsideTask(
  harness: Harness,
  name: string,
): Promise<{ client: SobotClient; taskid: string }> {
  const client = createSobotClient({
    baseUrl: await harness.sandboxUrl(),
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
  });
  const { taskid } = await client.addTask({
    templateid: '1bf61b127bbd4921b482eb35fde5d215',
    task_name: name,
    telephone: '02180344315',
    robot_num: 1,
    time_type: 2,
    call_time_slot: '00:00-24:00',
  });
  return { client, taskid };
}

/**
 * A task's row on the Tasks screen: the table row holding the task's name button (its name is
 * the whole accessible name, so one task's name inside another's does not match).
 */
export function taskRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
}

/** Creates a permanent all-day task with 4 robots through the wizard. */
export async function createTaskInWizard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}#/tasks`);
  await page.getByRole('button', { name: '新建任务' }).click();
  const wizard = page.getByRole('dialog', { name: '新建外呼任务' });
  await wizard.getByLabel('任务名称').fill(name);
  await wizard.getByRole('radio', { name: '满意度回访' }).check();
  await wizard.getByRole('button', { name: '下一步' }).click();
  await wizard.getByLabel('机器人数').fill('4');
  if ((await wizard.getByRole('button', { name: '删除时间段 2' }).count()) > 0)
    await wizard.getByRole('button', { name: '删除时间段 2' }).click();
  await typeTime(wizard.getByLabel('时间段 1 开始'), '00:00');
  await typeTime(wizard.getByLabel('时间段 1 结束'), '00:00');
  await wizard.getByRole('button', { name: '下一步' }).click();
  await wizard.getByRole('button', { name: '创建任务' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(taskRow(page, name).getByTestId('task-status')).toHaveText('未开始');
}

/**
 * A task of the active account created through the app's contract (so the app lists it), all
 * day with no end, the first template and caller line: for specs whose subject is not the wizard.
 * Answers its id.
 */
export async function createTaskViaApi(page: Page, name: string, robots = 4): Promise<string> {
  return page.evaluate(
    async ({ taskName, robotCount }) => {
      const options = await window.api.tasks.options();
      if (!options.ok) throw new Error(options.error.message);
      const created = await window.api.tasks.create({
        templateId: options.value.templates[0]!.id,
        name: taskName,
        callerNumbers: [options.value.callerLines[0]!.number],
        robots: robotCount,
        callingHours: ['00:00-24:00'],
        validity: { kind: 'permanent' },
        numberHiding: 'none',
        exportAllowed: true,
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    },
    { taskName: name, robotCount: robots },
  );
}

/**
 * A CEC campaign of the active account through the app's contract, today for a week, all day,
 * the first IVR flow and caller number. Answers its id.
 */
export async function createCampaignViaApi(page: Page, name: string): Promise<string> {
  return page.evaluate(async (taskName) => {
    const options = await window.api.tasks.options();
    if (!options.ok) throw new Error(options.error.message);
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const created = await window.api.tasks.create({
      templateId: options.value.templates[0]!.id,
      name: taskName,
      callerNumbers: [options.value.callerLines[0]!.number],
      robots: 0,
      callingHours: ['00:00-24:00'],
      validity: { kind: 'range', start: today.getTime(), end: today.getTime() + 7 * 86_400_000 },
      numberHiding: 'none',
      exportAllowed: true,
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  }, name);
}

/**
 * Picks the option whose text contains `option` in a labelled choice, whichever widget draws
 * it: a native <select> (the option's full label is read, then selected) or antd's Select (a
 * combobox whose open list shows options titled with their labels).
 */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  if (await field.evaluate((element) => element.tagName === 'SELECT')) {
    const label = await field.locator('option').filter({ hasText: option }).first().textContent();
    await field.selectOption({ label: (label ?? '').trim() });
    return;
  }
  await field.click();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  // This field's own list (its popup) holds the options: the field's shown value carries the same
  // title, so the option is looked for in the list, not in the whole page.
  const list = await field.getAttribute('aria-controls');
  const popup = list ? page.locator(`[id="${list}"]`).locator('..') : page.locator('body');
  await popup.getByTitle(option, { exact: false }).filter({ visible: true }).first().click();
  // A single select closes on a pick, its list fading out over what lies below it: wait until it
  // has gone, so the next click is not taken by it (a multiple select stays open: Escape closes it).
  if (list && (await field.getAttribute('aria-expanded')) !== 'true') await expect(popup).toBeHidden();
}

/**
 * Clicks a call's row in the Results call table. The table draws only the rows in view, so it
 * is scrolled from the top until the row is drawn (it may be far down; clicking straight away
 * timed out 1 run in 3).
 */
export async function clickCallRow(page: Page, callId: string): Promise<void> {
  const row = page.locator(`[data-callid="${callId}"]`);
  const viewport = page.getByRole('table', { name: /^(通话列表|Calls)$/ }).getByRole('rowgroup');
  if ((await row.count()) === 0) await viewport.evaluate((el) => el.scrollTo(0, 0));
  await expect(async () => {
    if ((await row.count()) === 0) await viewport.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
    await expect(row).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await row.click();
}

/** Switches the active account in the header from `from` to `to` and waits until it shows. */
export async function switchAccount(page: Page, label: string, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `${label}: ${from}` }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await expect(page.getByRole('button', { name: `${label}: ${to}` })).toBeVisible();
}

/** The connected calls of a task (its first 100), as the Results screen reads them. */
export async function connectedCalls(page: Page, taskId: string): Promise<CallResult[]> {
  return page.evaluate(async (id) => {
    const result = await window.api.results.query({
      source: { kind: 'task', taskId: id },
      filter: { outcomes: ['connected'] },
      offset: 0,
      limit: 100,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.calls;
  }, taskId);
}

/** How far the page and the main area scroll sideways (both 0 when everything fits). */
export async function sidewaysOverflow(page: Page): Promise<{ page: number; main: number }> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!;
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      main: main.scrollWidth - main.clientWidth,
    };
  });
}
