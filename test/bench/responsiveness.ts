/**
 * Responsiveness benchmark: does the core still answer while it works? The core is built as
 * the harness builds it (`createCore` over the Node adapters, the embedded sandbox in the same
 * process) and called through its dispatcher, as the harness's WebSocket does. While one
 * workload runs, a probe sends a trivial contract call (`app:info`) every 10 ms and records how
 * long each waited: from the moment it was due (a tick the event loop could not even fire
 * counts from when it was due, as a renderer's call sent then would) to its answer.
 *
 * Workloads, each in its own process (so its peak memory is its own):
 * - `sort`: a 100,000-row list sorted by a Chinese name column as the grid asks it (the first
 *   sort, which makes the stored keys, then ascending, descending, filtered), each followed by
 *   the first page of rows by id;
 * - `import`: a 100,000-row workbook (.xlsx, written once by exceljs into the temp folder)
 *   staged, inspected and imported through `lists:*`;
 * - `sync`: 3,000 finished calls pulled from the sandbox (`sync:start`), then the Results
 *   screen's first page and dashboard;
 * - `upload`: the 100,000-row list (as `sort` makes it) pushed into a sandbox task as the UI
 *   pushes it (`uploads:plan`, then `uploads:start`, then `uploads:status` until it is done);
 * - `rss`: the process's peak RSS (VmHWM) with a 100,000-row list open and scrolled end to end
 *   by pages of 200 ids, as the grid does.
 *
 *   npx tsx test/bench/responsiveness.ts [--only sort|import|sync|upload|rss] [--sandbox-memory]
 *
 * Lines: `<workload> p99_ms <n> max_ms <n> probes <n> work_ms <n>` and `rss peak_mb <n>`
 * (targets: p99 ≤ 16 ms, max ≤ 50 ms, peak ≤ 300 MB).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { createCore, type Core } from '../../electron/services/core/createCore';
import { nodeAdapters } from '../../electron/services/core/nodeHost';
import type { ListServices } from '../../electron/services/lists/index';
import type { UploadProgress, UploadSummary } from '../../shared/uploads';
import type { SecretVault } from '../../electron/services/vault/vault';
import { peakRssMb } from '../support/peakMemory';
import { makeList } from '../support/uploads';
import { chineseRows } from '../support/workbooks';

const ROWS = 100_000;
const CALLS = 3_000;
const PROBE_EVERY_MS = 10;
const PAGE = 200;
const ORIGIN = 'http://bench.local';
const SENDER = { url: `${ORIGIN}/`, isTopFrame: true };
const SANDBOX_MEMORY = process.argv.includes('--sandbox-memory');
const WORKLOADS = ['sort', 'import', 'sync', 'upload', 'rss'] as const;
type Workload = (typeof WORKLOADS)[number];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗丁阿曾';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂一四';

/** Secrets in memory: the demo accounts need none, and the bench must not touch the keychain. */
function memoryVault(): SecretVault {
  const secrets = new Map<string, string>();
  return {
    kind: 'keychain',
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, secret) => void secrets.set(key, secret),
    delete: async (key) => secrets.delete(key),
    check: async () => true,
  };
}

/** The core's broadcasts, as a window receives them (the upload's progress). */
const listeners = new Set<(channel: string, payload: unknown) => void>();

function openCore(): Core {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-bench-resp-'));
  return createCore({
    ...nodeAdapters(dataDir, 'harness', {
      vault: memoryVault(),
      allowedOrigins: [ORIGIN],
      exclusive: true,
      // `--sandbox-memory`: the embedded sandbox keeps its state in memory instead of saving it
      // to the data folder (its saves of a 100,000-row task block this thread on their own).
      sandbox: { seed: 42, autoRun: false, ...(SANDBOX_MEMORY ? { stateFile: undefined } : {}) },
    }),
    broadcast: (channel, payload) => {
      for (const listener of listeners) listener(channel, payload);
    },
  });
}

async function call<T>(core: Core, channel: string, input: unknown = undefined): Promise<T> {
  const result = await core.dispatch(channel, input, SENDER);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A 100,000-row list (names for the sort, every 50th number bad for the filter). */
function bigList(core: Core): number {
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    telephone: i % 50 === 0 ? '12345' : `139${String(i).padStart(8, '0')}`,
    variables: [
      `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''}`,
      `公司${i % 97}`,
    ],
  }));
  return makeList({ store: core.lists.store } as ListServices, rows, '十万名单');
}

/** Sends `app:info` every 10 ms until stopped; answers each call's wait in ms. */
function startProbe(core: Core): { stop(): Promise<number[]> } {
  const waits: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let tick = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const fire = (): void => {
    const now = performance.now();
    // Every tick due by now is sent now; each waited since it was due.
    while (started + tick * PROBE_EVERY_MS <= now) {
      const due = started + tick * PROBE_EVERY_MS;
      tick++;
      pending.push(call(core, 'app:info').then(() => void waits.push(performance.now() - due)));
    }
    if (!stopped) timer = setTimeout(fire, Math.max(0, started + tick * PROBE_EVERY_MS - performance.now()));
  };
  fire();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      // Ticks that fell due while the loop was blocked to the end are sent (late) now.
      fire();
      await Promise.all(pending);
      return waits;
    },
  };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function probed(core: Core, label: string, work: () => Promise<void>): Promise<void> {
  // Let the core settle (sandbox start, first statements) before measuring.
  await call(core, 'app:info');
  const probe = startProbe(core);
  const t0 = performance.now();
  await work();
  const workMs = performance.now() - t0;
  const waits = await probe.stop();
  console.info(
    `${label} p99_ms ${percentile(waits, 99).toFixed(1)} max_ms ${Math.max(...waits).toFixed(1)} ` +
      `probes ${waits.length} work_ms ${workMs.toFixed(0)}`,
  );
}

async function workbook(): Promise<string> {
  const file = join(tmpdir(), `cd-bench-resp-${ROWS}.xlsx`);
  if (existsSync(file)) return file;
  const temporary = `${file}.${process.pid}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporary, useSharedStrings: true });
  const sheet = writer.addWorksheet('名单');
  for (const row of chineseRows(ROWS)) sheet.addRow(row).commit();
  await writer.commit();
  renameSync(temporary, file);
  return file;
}

const workloads: Record<Workload, (core: Core) => Promise<void>> = {
  async sort(core) {
    const listId = bigList(core);
    await probed(core, 'sort', async () => {
      const queries = [
        { sortBy: 'var:姓名' },
        { sortBy: 'var:姓名', descending: true },
        { sortBy: 'var:姓名' },
        { sortBy: 'var:姓名', problem: 'any' },
        { sortBy: 'telephone', descending: true },
      ];
      for (const query of queries) {
        const ids = await call<number[]>(core, 'lists:query', { listId, ...query });
        await call(core, 'lists:rowsByIds', { listId, ids: ids.slice(0, PAGE) });
      }
    });
  },
  async import(core) {
    const file = await workbook();
    const bytes = new Uint8Array(readFileSync(file));
    await probed(core, 'import', async () => {
      const { stagedId } = await call<{ stagedId: string }>(core, 'lists:stage', {
        name: '十万名单.xlsx',
        bytes,
      });
      const inspection = await call<{ sheet: string; headerRow: number; suggestedMapping: unknown }>(
        core,
        'lists:inspect',
        { stagedId },
      );
      const imported = await call<{ list: { rowCount: number } }>(core, 'lists:import', {
        stagedId,
        sheet: inspection.sheet,
        headerRow: inspection.headerRow,
        mapping: inspection.suggestedMapping,
      });
      if (imported.list.rowCount !== ROWS) throw new Error(`imported ${imported.list.rowCount} rows`);
    });
  },
  async sync(core) {
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '同步三千', rows: CALLS, completed: CALLS });
    await probed(core, 'sync', async () => {
      const report = await call<{ added: number }>(core, 'sync:start', { taskId });
      if (report.added !== CALLS) throw new Error(`synced ${report.added} calls`);
      await call(core, 'results:query', {
        source: { kind: 'task', taskId },
        filter: {},
        offset: 0,
        limit: 50,
      });
      await call(core, 'results:dashboard', { taskId });
    });
  },
  async upload(core) {
    const listId = bigList(core);
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '上传十万', rows: 0, completed: 0 });
    await probed(core, 'upload', async () => {
      const plan = await call<{ toSend: number }>(core, 'uploads:plan', { listId, taskId });
      // Every 50th number is bad (see bigList): those rows are left out.
      if (plan.toSend !== ROWS - ROWS / 50) throw new Error(`plan sends ${plan.toSend} rows`);
      // As the UI does: progress from `uploads:progress`, the summary once the state changes.
      let uploadId: number | null = null;
      let ended!: () => void;
      const stopped = new Promise<void>((resolve) => (ended = resolve));
      const listener = (channel: string, payload: unknown): void => {
        const progress = payload as UploadProgress;
        if (channel === 'uploads:progress' && progress.state !== 'running' && progress.uploadId === uploadId)
          ended();
      };
      listeners.add(listener);
      ({ id: uploadId } = await call<UploadSummary>(core, 'uploads:start', { listId, taskId }));
      await stopped;
      listeners.delete(listener);
      const summary = await call<UploadSummary>(core, 'uploads:status', { uploadId });
      const held = (await control.taskOutids(taskId)).length;
      if (summary.state !== 'done' || held !== plan.toSend)
        throw new Error(`upload ${summary.state}, ${held} rows on the task`);
    });
  },
  async rss(core) {
    const listId = bigList(core);
    // The list is made in this process: measure what opening and scrolling add on top of it.
    const before = peakRssMb();
    await call(core, 'lists:get', { listId });
    const ids = await call<number[]>(core, 'lists:query', { listId });
    for (let i = 0; i < ids.length; i += PAGE)
      await call(core, 'lists:rowsByIds', { listId, ids: ids.slice(i, i + PAGE) });
    console.info(
      `rss peak_mb ${peakRssMb().toFixed(0)} before_open_mb ${before.toFixed(0)} rows ${ids.length}`,
    );
  },
};

const part = process.argv[process.argv.indexOf('--part') + 1] as Workload | undefined;
if (process.argv.includes('--part') && part && WORKLOADS.includes(part)) {
  const core = openCore();
  try {
    await workloads[part](core);
  } finally {
    await core.close();
  }
} else {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const self = fileURLToPath(import.meta.url);
  let failed = false;
  for (const name of WORKLOADS.filter((w) => only === null || w === only)) {
    const args = ['--import', 'tsx', self, '--part', name, ...(SANDBOX_MEMORY ? ['--sandbox-memory'] : [])];
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 22,
    });
    process.stdout.write(
      result.stdout
        .split('\n')
        .filter((line) => line.startsWith(name))
        .join('\n') + '\n',
    );
    if (result.status !== 0) {
      failed = true;
      console.error(`${name} failed:\n${result.stderr}`);
    }
  }
  if (failed) process.exitCode = 1;
}
