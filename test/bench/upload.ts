/**
 * Upload benchmark: 100,000 list rows into a sandbox task with 30 ms injected per request.
 *
 * - batched: the upload service as the app runs it (journal in a real SQLite file, add_task_data
 *   in batches of 500, the journal committed before and after every request), its long
 *   statements on the database worker as the core runs them; `batched here` is the same with
 *   every statement on this thread (as the CLI runs it);
 * - one per request: the vendor demo's way, one add_task_data request per row in sequence
 *   through the bare client (no journal, so the baseline is not burdened by our own costs),
 *   measured on a 1,000-row sample and scaled to 100,000.
 *
 * - cec: 400 rows into a Huawei CEC campaign (≤ 20 rows a request, ≥ 1 s apart), against the
 *   19 s floor of that rule (uploadCec.ts).
 *
 * The lists are generated here (never committed). Prints the times, `ratio here` (against
 * `batched here`) and, as the last line, `ratio <one-per-request/batched>`.
 * Run: npx tsx test/bench/upload.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbReader } from '../../electron/services/db/worker/dbReader';
import { startSandbox } from '../../electron/services/sandbox';
import type { UploadService } from '../../electron/services/uploads';
import { createTask, makeList, mobiles, openUploads, sandboxClient } from '../support/uploads';
import { benchCecUpload } from './uploadCec';

const ROWS = 100_000;
const SAMPLE = 1_000;
const LATENCY_MS = 30;

const sandbox = await startSandbox({ latencyMs: LATENCY_MS, autoRun: false, seed: 5 });
const dir = mkdtempSync(join(tmpdir(), 'cd-bench-upload-'));
let failed = false;
try {
  const client = sandboxClient(sandbox.url);
  const { services, uploads } = openUploads(dir, client);
  let started = performance.now();
  const listId = makeList(services, mobiles(ROWS), 'bench');
  console.log(`list of ${ROWS} rows generated in ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`sandbox latency ${LATENCY_MS} ms per request`);
  // First, while the process is quiet: a timer late by a collection shows in this line's ratio.
  const cecRatio = await benchCecUpload(sandbox, services);
  if (cecRatio === null || cecRatio > 1.1) {
    console.error('  ✗ the CEC upload did not land every row within 10 % of the floor');
    failed = true;
  }

  const batchedBy = async (label: string, service: UploadService): Promise<number> => {
    const taskId = await createTask(client, `bench-${label.replace(/ /g, '-')}`);
    sandbox.control.resetStats();
    const began = performance.now();
    const handle = await service.start({ listId, taskId });
    const summary = await handle.done;
    const ms = performance.now() - began;
    const requests = sandbox.control.stats().requests['add_task_data'] ?? 0;
    const held = sandbox.control.taskOutids(taskId).length;
    console.log(
      `${label.padEnd(16)} ${ms.toFixed(0).padStart(8)} ms  ${requests} requests  ` +
        `${summary.outcome.accepted} accepted  ${held} on the task  (${((ROWS * 1000) / ms).toFixed(0)} rows/s)`,
    );
    if (summary.state !== 'done' || held !== ROWS) {
      console.error(`  ✗ expected ${ROWS} rows on the task, upload ${summary.state}`);
      failed = true;
    }
    return ms;
  };
  const reader = new DbReader(dir);
  const onWorker = openUploads(dir, client, { offMain: reader.uploads() });
  const batched = await batchedBy('batched', onWorker.uploads);
  await onWorker.uploads.close();
  await reader.close();
  onWorker.services.close();
  const batchedHere = await batchedBy('batched here', uploads);

  const sampleTask = await createTask(client, 'bench-one-per-request');
  const sample = services.store.getRows(listId, 0, SAMPLE);
  started = performance.now();
  for (const row of sample) {
    const report = await client.addTaskData({
      taskid: sampleTask,
      data: [{ telephone: row.telephone as string, outid: row.outid }],
    });
    if (report.accepted.length !== 1) failed = true;
  }
  const perRow = (performance.now() - started) / SAMPLE;
  const onePerRequest = perRow * ROWS;
  console.log(
    `one per request  ${onePerRequest.toFixed(0).padStart(8)} ms  (${SAMPLE} rows measured: ` +
      `${perRow.toFixed(2)} ms per row, scaled to ${ROWS})`,
  );
  await uploads.close();
  services.close();
  console.log(`ratio here ${(onePerRequest / batchedHere).toFixed(2)}`);
  console.log(`ratio ${(onePerRequest / batched).toFixed(2)}`);
} finally {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
