/**
 * Review benchmark: in Chromium (Debian's /usr/bin/chromium, through the browser harness), the
 * time from clicking a call to its waveform drawn, for a 10-minute 8 kHz recording — first open
 * (main downloads it, decodes it and computes peaks) and reopen (peaks from the disk cache, so
 * the renderer draws without fetching or decoding audio) — and the cached peaks' size. A-law
 * is used, the worst case: main decodes it to PCM first.
 *
 *   npx tsx test/bench/review.ts [--reopens N] [--trace FILE] [--renderer DIR] [--screenshot FILE]
 *
 * Where a reopen's time goes: the median ms from the click until `results:call`,
 * `recordings:open` and `results:transcript` answered in the page, and until drawn. `--trace`
 * writes a Chromium trace of the reopens (open it in chrome://tracing or DevTools' Performance).
 * `--renderer` serves another build of the renderer (default `out/renderer`), to compare two
 * builds on a busy machine run after run. `--screenshot` saves the review pane as last drawn.
 *
 * Last line: `reopen_ms <n> first_ms <n>` (targets: reopen ≤ 50 ms, first ≤ 500 ms).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { SANDBOX_ACCOUNT_ID } from '../../shared/accounts';
import { openListServices } from '../../electron/services/lists/index';
import { encodeWav, synthesize, type AudioSegment } from '../../electron/services/sandbox/wav';
import { CallStore } from '../../electron/services/results/callStore';
import { createListOutidResolver } from '../../electron/services/results/resolver';
import type { CallData } from '../../electron/services/sobot/index';
import { toProviderCall } from '../../electron/services/sobot/provider/calls';
import { startHarness } from '../harness/server';
import { choose } from '../e2e/fixtures';

/** Debian's Chromium, as the e2e tests use it (never a downloaded browser). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MINUTES = 10;
const TASK = 'bench-review-task';
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const REOPENS = Number(option('--reopens') ?? 7);
const TRACE = option('--trace');
const RENDERER = option('--renderer');
const SCREENSHOT = option('--screenshot');
/** The contract calls a review makes, timed in the page from the click until they answer. */
const PHASES = ['results.call', 'recordings.open', 'results.transcript'] as const;

/** A 10-minute conversation: alternating robot and customer turns with pauses. */
function recording(totalMs: number): { wav: Buffer; lines: { at: number; sender: number }[] } {
  const segments: AudioSegment[] = [];
  const lines: { at: number; sender: number }[] = [];
  for (let at = 500, i = 0; at < totalMs - 6000; i++) {
    const durationMs = 2500 + ((i * 1337) % 4000);
    segments.push({ offsetMs: at, durationMs, kind: i % 2 ? 'customer' : 'robot' });
    lines.push({ at, sender: i % 2 ? 0 : 1 });
    at += durationMs + 700;
  }
  return { wav: encodeWav(synthesize(totalMs, segments, 42), 'alaw'), lines };
}

function call(
  callid: string,
  origin: string,
  path: string,
  totalMs: number,
  lines: { at: number; sender: number }[],
): CallData {
  const answer = Date.now() - 3_600_000;
  return {
    detail: {
      callid,
      start_time: answer - 8000,
      answer_time: answer,
      end_time: answer + totalMs,
      call_duration: totalMs + 8000,
      fee_duration: totalMs,
      intention_name: [],
      status: 2,
      tel: '13800000000',
      caller: '02180344315',
      user_msg_count: lines.length,
      voice_url: `${origin}${path}`,
      del_flag: 1,
      outid: null,
    },
    msg: lines.map((line, i) => ({
      callid,
      msg: line.sender ? `机器人第 ${i} 句话术` : `客户第 ${i} 句回答`,
      date_time: answer + line.at,
      sender_type: line.sender,
      remark: null,
    })),
  };
}

/**
 * Wraps the page's contract calls of a review so each open can say when they answered
 * (`window.__answered[name]`, ms since the page's time origin, the last answer of each).
 */
async function timeCalls(page: Page): Promise<void> {
  const script = `(() => {
    window.__answered = {};
    for (const name of ${JSON.stringify(PHASES)}) {
      const [domain, verb] = name.split('.');
      const inner = window.api[domain][verb];
      window.api[domain][verb] = (input) => inner(input).then((r) => {
        window.__answered[name] = performance.now();
        return r;
      });
    }
  })()`;
  await page.evaluate(script);
}

interface Opened {
  /** Click to waveform drawn. */
  ms: number;
  /** Click to the transcript's regions drawn on it (null: none within 5 s). */
  regionsMs: number | null;
  /** Click to each contract call's answer (null: not called this open). */
  phases: Record<string, number | null>;
}

/**
 * Clicks a call's row and answers the ms until its waveform is drawn, then until its regions
 * are, measured in the page. The script is a string: tsx would otherwise wrap inner functions
 * in a helper the page lacks.
 */
async function open(page: Page, callid: string): Promise<Opened> {
  const script = `new Promise((resolve, reject) => {
    const row = document.querySelector('[data-callid="${callid}"]');
    if (!row) return reject(new Error('no row ${callid}'));
    window.__answered = {};
    const started = performance.now();
    let ms = null;
    const done = (regionsMs) => {
      const phases = {};
      for (const name of ${JSON.stringify(PHASES)}) {
        const at = window.__answered[name];
        phases[name] = at === undefined ? null : at - started;
      }
      resolve({ ms, regionsMs, phases });
    };
    const check = () => {
      const waveform = document.querySelector('.review-pane [data-testid="waveform"][data-state="ready"]');
      if (ms === null) {
        const selected = document.querySelector('[data-callid="${callid}"][aria-selected="true"]');
        if (!selected || !waveform) return requestAnimationFrame(check);
        performance.mark('bench:drawn');
        ms = performance.now() - started;
      }
      // Regions are cleared when a recording loads: any there once it is drawn are this call's.
      const host = waveform && waveform.firstElementChild;
      const root = host && host.shadowRoot;
      if (root && root.querySelector('[part~="region"]')) return done(performance.now() - started);
      if (performance.now() - started > 5000) return done(null);
      requestAnimationFrame(check);
    };
    performance.mark('bench:click');
    row.click();
    requestAnimationFrame(check);
  })`;
  return (await page.evaluate(script)) as Opened;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const totalMs = MINUTES * 60_000;
const long = recording(totalMs);
const short = recording(20_000);
const server = createServer((req, res) => {
  const body = req.url === '/long.wav' ? long.wav : short.wav;
  res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': body.length }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dataDir = mkdtempSync(join(tmpdir(), 'cd-bench-review-'));
const services = openListServices(dataDir);
new CallStore(services.db, createListOutidResolver(services.db)).ingest(
  [
    toProviderCall(call('benchlong', origin, '/long.wav', totalMs, long.lines), TASK),
    toProviderCall(call('benchshort', origin, '/short.wav', 20_000, short.lines), TASK),
  ],
  { accountId: SANDBOX_ACCOUNT_ID, taskId: TASK, now: Date.now() },
);
services.close();

const harness = await startHarness({ dataDir, ...(RENDERER ? { rendererDir: RENDERER } : {}) });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${harness.url}#/results`);
  await choose(page, page.getByLabel(/查看|Show/), TASK);
  await page.locator('[data-callid="benchlong"]').waitFor();

  await timeCalls(page);

  const firstOpen = await open(page, 'benchlong');
  const first = firstOpen.ms;
  const opened: Opened[] = [];
  if (TRACE) await browser.startTracing(page, { path: TRACE, screenshots: false });
  for (let i = 0; i < REOPENS; i++) {
    await open(page, 'benchshort');
    opened.push(await open(page, 'benchlong'));
  }
  if (TRACE) await browser.stopTracing();
  if (SCREENSHOT) await page.locator('.review-pane').screenshot({ path: SCREENSHOT });
  const reopens = opened.map((o) => o.ms).sort((a, b) => a - b);
  const reopen = median(reopens);
  const regionTimes = opened.map((o) => o.regionsMs).filter((t): t is number => t !== null);
  const regions = regionTimes.length ? median(regionTimes).toFixed(0) : '—';
  const phases = (of: Opened[]): string =>
    PHASES.map((name) => {
      const times = of.map((o) => o.phases[name]).filter((t): t is number => t !== null);
      return `${name} ${times.length ? median(times).toFixed(0) : '—'}`;
    }).join(', ');
  const peaksDir = join(dataDir, 'cache', 'peaks');
  const peakFiles = readdirSync(peaksDir).map((name) => statSync(join(peaksDir, name)).size);
  const longPeaks = Math.max(...peakFiles);
  const lines = long.lines.length;
  process.stdout.write(
    `recording: ${MINUTES} min, 8 kHz A-law WAV, ${(long.wav.length / 1024 / 1024).toFixed(1)} MB, ${lines} transcript lines\n` +
      `first open (download, A-law→PCM, peaks in main, draw): ${first.toFixed(0)} ms\n` +
      `first open, ms from the click until answered: ${phases([firstOpen])}\n` +
      `reopen with cached peaks (median of ${REOPENS}: ${reopens.map((n) => n.toFixed(0)).join(', ')}): ${reopen.toFixed(0)} ms\n` +
      `reopen, median ms from the click until answered: ${phases(opened)}; until the regions are drawn: ${regions}\n` +
      (TRACE ? `trace of the reopens: ${TRACE}\n` : '') +
      `cached peaks: ${longPeaks} bytes (${(longPeaks / 1024).toFixed(1)} KiB, 100 buckets/s)\n` +
      `reopen_ms ${Math.round(reopen)} first_ms ${Math.round(first)}\n`,
  );
} finally {
  await browser.close();
  await harness.close();
  server.close();
}
