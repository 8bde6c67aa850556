/**
 * Screenshot tour: every screen and dialog of the shell, Settings, Lists and the do-not-call list, in zh-CN and
 * English, light and dark, through the browser harness (the built renderer: run
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

async function tour(page: Page, url: string, locale: Locale, folder: string, work: string): Promise<void> {
  const text = TEXT[locale];
  let n = 0;
  const shot = async (name: string): Promise<void> => {
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
        await tour(page, harness.url, locale, folder, work);
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
