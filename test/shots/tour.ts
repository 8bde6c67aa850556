/**
 * Screenshot tour: every screen and dialog of the shell, Settings, Lists, the do-not-call list,
 * Tasks (a task's detail, the create wizard, the push dialog), Results and the call review — on
 * the Sobot sandbox and on the Huawei CEC sandbox (its wizard, a QC transcript done, pending and
 * failed) — in zh-CN and English, light and dark, through the browser harness (the built renderer: run
 * `npx electron-vite build` first) in Debian's Chromium at 1280×800. Writes PNGs to shots/
 * (git-ignored), one folder per language and theme, to be looked at before calling a screen done.
 *
 *   npm run shots [-- --only zh-CN-dark]
 *
 * Chinese text needs a CJK font on the machine (e.g. Debian's fonts-wqy-microhei), else it shows
 * as boxes. Remove it again before running the LibreOffice-based tests here: with a CJK font
 * LibreOffice writes mixed-script cells (通话时长(秒)) as rich text, which export.spec does not read.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import type { Locale } from '../../shared/locale';
import type { CallResult } from '../../shared/results';
import { en, zhCN, type Messages } from '../../renderer/src/i18n/messages';
import type { RemoteSandboxControl } from '../../electron/services/sandbox/worker/remote';
import {
  choose,
  clickCallRow,
  connectedCalls,
  createCampaignViaApi,
  switchAccount,
  taskRow,
} from '../e2e/fixtures';
import { startHarness } from '../harness/server';
import { importInto } from '../support/seedList';
import { chineseRows, writeCsv } from '../support/workbooks';

const OUT = fileURLToPath(new URL('../../shots', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

/** The texts the tour clicks, in each language. */
const TEXT = {
  'zh-CN': {
    rename: '重命名',
    deleteList: '删除名单',
    addAccount: '添加账号',
    save: '保存',
    settings: '设置',
    tasks: '任务',
    results: '结果',
    lists: '名单',
    dnc: '免打扰',
    dncTitle: '免打扰名单',
    dncAdd: '添加号码',
    pick: /选择文件/,
    export: '导出',
    sort: '排序',
  },
  en: {
    rename: 'Rename',
    deleteList: 'Delete list',
    addAccount: 'Add account',
    save: 'Save',
    settings: 'Settings',
    tasks: 'Tasks',
    results: 'Results',
    lists: 'Lists',
    dnc: 'Do not call',
    dncTitle: 'Do-not-call list',
    dncAdd: 'Add numbers',
    pick: /choose a file/,
    export: 'Export',
    sort: 'Sort',
  },
} satisfies Record<Locale, Record<string, string | RegExp>>;

/** A list with some problems (bad and repeated numbers), as an operator would bring. */
function listFile(dir: string, name: string, rows: number): string {
  const table = chineseRows(rows);
  table[3]![0] = '12345';
  table[5]![0] = table[4]![0]!;
  const file = join(dir, `${name}.csv`);
  writeCsv(file, table);
  return file;
}

type Shot = (name: string) => Promise<void>;

async function tour(
  page: Page,
  url: string,
  locale: Locale,
  folder: string,
  work: string,
  control: RemoteSandboxControl,
): Promise<void> {
  const text = TEXT[locale];
  let n = 0;
  const shot: Shot = async (name) => {
    await page.waitForTimeout(350); // let antd's motion settle
    await page.screenshot({ path: join(folder, `${String(++n).padStart(2, '0')}-${name}.png`) });
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: text.lists }).waitFor();
  await shot('lists-overview');

  // The import wizard: a file through the drop zone's chooser, then cancelled.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: text.pick }).click();
  await (await chooser).setFiles(listFile(work, locale === 'en' ? 'October calls' : '十月回访', 40));
  await page.getByRole('region').first().waitFor();
  await shot('import-mapping');
  await page.getByRole('button', { name: locale === 'en' ? 'Cancel' : '取消', exact: true }).click();
  await shot('import-cancelled');

  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('grid').waitFor();
  await page.getByRole('grid').getByRole('gridcell').nth(5).waitFor();
  await shot('list-grid');
  const cut = page.getByRole('grid').getByTestId('cell:var:地址').nth(2);
  await cut.hover();
  await shot('list-cell-tooltip');
  await page.getByRole('button', { name: text.export }).hover();
  await shot('list-export-menu');
  await page.mouse.move(10, 400);
  await page.getByRole('button', { name: text.rename }).click();
  await page.getByRole('dialog').waitFor();
  await shot('list-rename-modal');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: text.deleteList }).click();
  await page.getByRole('tooltip').waitFor();
  await shot('list-delete-popconfirm');
  await page.keyboard.press('Escape');

  await nav(text.settings).click();
  await page.getByRole('heading', { level: 1, name: text.settings }).waitFor();
  await shot('settings');
  // Adding an account needs the OS keychain: run under scripts/keychain-session.sh for this one.
  const add = page.getByRole('button', { name: text.addAccount });
  if (await add.isEnabled()) {
    await add.click();
    const form = page.getByRole('form');
    await form.getByRole('button', { name: text.save }).click(); // empty: the inline problems show
    await form.scrollIntoViewIfNeeded();
    await shot('settings-account-form');
  }
  await page.getByRole('banner').getByRole('button').click();
  await shot('account-switcher');
  await page.keyboard.press('Escape');

  await nav(text.tasks).click();
  await page.getByRole('heading', { level: 1, name: text.tasks }).waitFor();
  await shot('tasks');
  await nav(text.results).click();
  await page.getByRole('heading', { level: 1, name: text.results }).waitFor();
  await shot('results');
  await nav(text.dnc).click();
  await page.getByRole('heading', { level: 1, name: text.dncTitle }).waitFor();
  await shot('dnc');
  await page.getByRole('button', { name: text.dncAdd }).click();
  await page.getByRole('dialog').waitFor();
  await shot('dnc-add-modal');
  await page.keyboard.press('Escape');

  const m = locale === 'en' ? en : zhCN;
  await tourSobot(page, m, shot, nav, control);
  await tourCec(page, m, shot, nav, control);
}

/** Waits until `check` answers true (polling every 250 ms), or fails after `timeoutMs`. */
async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type Nav = (name: string) => ReturnType<Page['getByRole']>;

/** Opens a call in the review pane, scrolling the virtualised call table until its row is drawn. */
async function openCall(page: Page, m: Messages, call: CallResult): Promise<void> {
  await clickCallRow(page, call.id);
  await page
    .getByRole('region', { name: m['results.review.label'] })
    .getByText(call.telephone, { exact: true })
    .waitFor();
}

/** Chooses a task in Results and syncs it until its calls are listed. */
async function syncTask(page: Page, m: Messages, nav: Nav, taskName: string): Promise<void> {
  await nav(m['nav.results']).click();
  await page.getByRole('heading', { level: 1, name: m['nav.results'] }).waitFor();
  await choose(page, page.getByLabel(m['results.source']), taskName);
  await page.getByRole('button', { name: m['results.sync'] }).click();
  await page.locator('[data-callid]').first().waitFor({ timeout: 30_000 });
}

/**
 * The Tasks screen with `name` listed, its detail, and the create wizard's first two steps (then
 * closed): a shot of each under the given names (null: no shot).
 */
async function taskAndWizard(
  page: Page,
  m: Messages,
  shot: Shot,
  nav: Nav,
  name: string,
  [list, detail, first, second]: readonly [string | null, string, string, string],
): Promise<void> {
  await nav(m['nav.tasks']).click();
  await page.getByRole('heading', { level: 1, name: m['nav.tasks'] }).waitFor();
  await taskRow(page, name).waitFor();
  if (list) await shot(list);
  await taskRow(page, name).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name }).first().waitFor();
  await shot(detail);
  await page.getByRole('button', { name: m['tasks.create'] }).click();
  const wizard = page.getByRole('dialog', { name: m['tasks.wizard.title'] });
  await wizard.waitFor();
  await shot(first);
  await wizard.getByLabel(m['tasks.field.name']).fill(`${name} 2`);
  await wizard.getByRole('radio').first().check();
  await wizard.getByRole('button', { name: m['tasks.wizard.next'] }).click();
  await shot(second);
  await page.keyboard.press('Escape');
  await wizard.waitFor({ state: 'hidden' });
}

/** Sobot: a running task with calls — its detail, the wizard, the push dialog, Results, a review. */
async function tourSobot(
  page: Page,
  m: Messages,
  shot: Shot,
  nav: Nav,
  control: RemoteSandboxControl,
): Promise<void> {
  const name = m['nav.tasks'] === 'Tasks' ? 'November follow-up' : '十一月回访任务';
  // Many rows left to dial, so the task is still running (and listed) when the tour gets there.
  const taskId = await control.seedTask({ name, rows: 20_000, completed: 40, robotNum: 1 });
  await taskAndWizard(page, m, shot, nav, name, [
    'tasks-sobot',
    'task-detail-sobot',
    'task-wizard-template',
    'task-wizard-calling',
  ]);

  // The push dialog from the list, with the seeded task chosen: the plan and its checks.
  await nav(m['nav.lists']).click();
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: m['uploads.open'] }).click();
  const listName = m['nav.tasks'] === 'Tasks' ? 'November calls' : '十一月回访';
  const push = page.getByRole('dialog', { name: m['uploads.title'].replace('{name}', listName) });
  await choose(page, push.getByLabel(m['uploads.task']), name);
  await push.getByText(m['uploads.plan.toSend']).first().waitFor({ timeout: 20_000 });
  await shot('push-plan');
  await page.keyboard.press('Escape');

  await syncTask(page, m, nav, name);
  await shot('results-sobot');
  const call = (await connectedCalls(page, taskId)).find((c) => c.utteranceCount >= 3);
  if (!call) throw new Error('no connected call with a transcript to review');
  await openCall(page, m, call);
  await page.getByTestId('waveform').and(page.locator('[data-state="ready"]')).waitFor();
  await shot('review-sobot');
}

/** Huawei CEC: a campaign with calls — its wizard, Results, a QC transcript done, pending, failed. */
async function tourCec(
  page: Page,
  m: Messages,
  shot: Shot,
  nav: Nav,
  control: RemoteSandboxControl,
): Promise<void> {
  await switchAccount(page, m['account.label'], '沙箱 Sandbox', 'CEC 沙箱 Huawei Sandbox');
  const name = m['nav.tasks'] === 'Tasks' ? 'CEC December' : 'CEC 十二月回访';
  const campaignId = await createCampaignViaApi(page, name);
  const rows = 16;
  await control.cec.seedNumbers(
    campaignId,
    Array.from({ length: rows }, (_, i) => ({
      sessionId: `tour-${i}`,
      called: `139${String(i).padStart(8, '0')}`,
    })),
  );
  await taskAndWizard(page, m, shot, nav, name, [
    null,
    'task-detail-cec',
    'task-wizard-cec-flow',
    'task-wizard-cec-calling',
  ]);

  await until(
    async () =>
      (await control.cec.campaignNumbers(campaignId)).filter((r) => r.state === 'done').length === rows,
    120_000,
    'the CEC campaign to dial',
  );
  await syncTask(page, m, nav, name);
  await shot('results-cec');
  const calls = await connectedCalls(page, campaignId);
  const playable = await page.evaluate(
    async (ids) => {
      const out: string[] = [];
      for (const callId of ids) {
        const opened = await window.api.recordings.open({ callId });
        if (opened.ok && opened.value.ok) out.push(callId);
      }
      return out;
    },
    calls.map((c) => c.id),
  );
  const [done, pending, failed] = playable.map((id) => calls.find((c) => c.id === id)!);
  if (!done || !pending || !failed) throw new Error('fewer than three playable CEC calls');
  const pane = page.getByRole('region', { name: m['results.review.label'] });
  await control.cec.setQcStatus(done.id, 2);
  await openCall(page, m, done);
  await pane.getByRole('list', { name: m['results.review.transcript'] }).waitFor();
  await shot('review-cec');
  await control.cec.setQcStatus(pending.id, 1);
  await openCall(page, m, pending);
  await pane.getByRole('status').filter({ hasText: m['results.review.transcriptPending'] }).waitFor();
  await shot('review-cec-pending');
  await control.cec.setQcStatus(failed.id, 9);
  await openCall(page, m, failed);
  await pane.getByText(m['results.review.transcriptFailed']).first().waitFor();
  await shot('review-cec-failed');
}

rmSync(OUT, { recursive: true, force: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const key = `${locale}-${theme}`;
      if (only && only !== key) continue;
      const work = mkdtempSync(join(tmpdir(), 'cd-shots-'));
      const dataDir = join(work, 'data');
      mkdirSync(dataDir);
      await importInto(dataDir, listFile(work, locale === 'en' ? 'November calls' : '十一月回访', 300));
      const harness = await startHarness({ dataDir });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: theme,
      });
      const page = await context.newPage();
      try {
        await page.goto(harness.url);
        // A string: this file is type-checked for Node, the call runs in the page.
        await page.evaluate(`window.api.prefs.set(${JSON.stringify({ locale, theme })})`);
        const folder = join(OUT, key);
        mkdirSync(folder, { recursive: true });
        try {
          await tour(page, harness.url, locale, folder, work, await harness.sandboxControl());
        } catch (error) {
          // What the page showed when a step failed, to see why.
          await page.screenshot({ path: join(folder, 'failed.png') }).catch(() => undefined);
          throw error;
        }
        process.stdout.write(`${key}: done\n`);
      } finally {
        await context.close();
        await harness.close();
        rmSync(work, { recursive: true, force: true });
      }
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(`screenshots in ${OUT}\n`);
