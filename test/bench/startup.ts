/**
 * Start-up benchmark: how long the first screen (Lists) takes to be on screen and usable in the
 * browser harness, served from the built renderer (`npx electron-vite build` first), in Debian's
 * Chromium with a cold cache each run. The screens are separate chunks; the baseline is the
 * same page with every screen loaded (what one bundle made every start-up pay): the time until
 * all four screens have been shown once, and all the renderer's JavaScript.
 *
 *   npx tsx test/bench/startup.ts [--runs N]
 *
 * Last lines: `first_screen_ms <median>` and `ratio <first screen / every screen>` for time and
 * JavaScript bytes (lower is better).
 */
import { readdirSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startHarness } from '../harness/server';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ASSETS = fileURLToPath(new URL('../../out/renderer/assets', import.meta.url));
const SCREENS = [
  ['tasks', '任务'],
  ['results', '结果'],
  ['settings', '设置'],
] as const;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from navigation start until an <h1> reads `text` and the page has a free frame. */
async function shown(page: Page, text: string): Promise<number> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
  // A string: this file is type-checked for Node, the expression runs in the page.
  return page.evaluate<number>(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))))',
  );
}

const allJsBytes = readdirSync(ASSETS)
  .filter((name) => name.endsWith('.js'))
  .reduce((sum, name) => sum + statSync(join(ASSETS, name)).size, 0);

const harness = await startHarness({ dataDir: mkdtempSync(join(tmpdir(), 'cd-bench-startup-')) });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const first: number[] = [];
const every: number[] = [];
let firstJsBytes = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let jsBytes = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('.js') && response.url().includes('/assets/'))
        void response.body().then(
          (body) => (jsBytes += body.length),
          () => undefined,
        );
    });
    await page.goto(harness.url);
    // Usable: the drop zone answers (it is a button that opens the file chooser).
    await page.getByRole('button', { name: /选择文件/ }).waitFor();
    first.push(await shown(page, '名单'));
    await page.waitForLoadState('networkidle');
    firstJsBytes = jsBytes;
    let last = 0;
    for (const [route, heading] of SCREENS) {
      await page.evaluate(`window.location.hash = '#/${route}'`);
      last = await shown(page, heading);
    }
    every.push(last);
    process.stdout.write(
      `run ${run + 1}: first screen ${first.at(-1)!.toFixed(0)} ms, every screen ${last.toFixed(0)} ms\n`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await harness.close();
}

const firstMs = median(first);
const everyMs = median(every);
process.stdout.write(
  `first_screen_js_kb ${(firstJsBytes / 1024).toFixed(0)} all_js_kb ${(allJsBytes / 1024).toFixed(0)}\n`,
);
process.stdout.write(`every_screen_ms ${everyMs.toFixed(0)} (baseline: all four screens loaded)\n`);
process.stdout.write(`first_screen_ms ${firstMs.toFixed(0)}\n`);
process.stdout.write(
  `ratio ${(firstMs / everyMs).toFixed(2)} time, ${(firstJsBytes / allJsBytes).toFixed(2)} javascript (first screen / every screen)\n`,
);
