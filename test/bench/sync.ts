/**
 * Result-sync benchmark: pull 3,000 finished calls (200 pages of 15) from the sandbox with a
 * 50 ms answer latency, once with the client's default concurrency and once strictly one
 * request at a time (maxConcurrency 1, the baseline). Prints both times, the most requests
 * the sandbox saw in flight (must not exceed the configured concurrency), and as the last
 * line `ratio <sequential/default>`.
 *
 * Run: npx tsx test/bench/sync.ts
 */
import { SANDBOX_APPID, SANDBOX_SIGNATURE, startSandbox } from '../../electron/services/sandbox';
import { createSobotClient, DEFAULT_MAX_CONCURRENCY } from '../../electron/services/sobot';

const CALLS = 3_000;
const LATENCY_MS = 50;

const sandbox = await startSandbox({ latencyMs: LATENCY_MS, autoRun: false, seed: 42 });
let failed = false;
try {
  const taskid = sandbox.control.seedTask({ name: 'bench-sync', rows: CALLS, completed: CALLS });
  const now = sandbox.control.now();
  const window = { taskid, begin_time: now - 2 * 3_600_000, end_time: now };

  const pull = async (label: string, maxConcurrency: number) => {
    const client = createSobotClient({
      baseUrl: sandbox.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
      maxConcurrency,
    });
    sandbox.control.resetStats();
    const started = performance.now();
    const all = await client.queryTimeTaskData(window).fetchAll();
    const ms = performance.now() - started;
    const stats = sandbox.control.stats();
    const pages = stats.requests['query_time_task_data'] ?? 0;
    const unique = new Set(all.data.map((c) => c.detail.callid)).size;
    console.log(
      `${label.padEnd(12)} maxConcurrency ${String(maxConcurrency).padStart(2)}  ${ms.toFixed(0).padStart(6)} ms  ` +
        `${pages} requests  ${all.data.length} calls (${unique} unique)  max in flight ${stats.maxInFlight}`,
    );
    if (all.data.length !== CALLS || unique !== CALLS) {
      console.error(`  ✗ expected ${CALLS} unique calls`);
      failed = true;
    }
    if (stats.maxInFlight > maxConcurrency) {
      console.error(`  ✗ ${stats.maxInFlight} requests in flight exceeds the configured ${maxConcurrency}`);
      failed = true;
    }
    return ms;
  };

  console.log(`sync ${CALLS} calls (${CALLS / 15} pages of 15), sandbox latency ${LATENCY_MS} ms`);
  await pull('warm-up', DEFAULT_MAX_CONCURRENCY);
  const parallel = await pull('default', DEFAULT_MAX_CONCURRENCY);
  const sequential = await pull('sequential', 1);
  console.log(`ratio ${(sequential / parallel).toFixed(2)}`);
} finally {
  await sandbox.close();
}
if (failed) process.exitCode = 1;
