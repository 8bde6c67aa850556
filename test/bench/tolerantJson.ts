/**
 * Tolerant JSON benchmark: read one Sobot result page of a few hundred finished calls with
 * Chinese transcripts (`query_time_task_data` as the sandbox answers it, its pages joined into
 * one `data` array) with `parseTolerantJson`, against the reader as it was before it was made
 * faster (test/support/tolerantJsonReference.ts, the baseline), and `JSON.parse` for reference
 * (which cannot keep ids and leading zeros, so the app cannot use it). Each figure is the
 * median of 21 interleaved runs, in milliseconds per MB of UTF-8 body. The two tolerant
 * readers must give deep-equal values.
 *
 *   npx tsx test/bench/tolerantJson.ts
 *
 * Last line: `tolerant_json ms_per_mb <new> baseline_ms_per_mb <old> ratio <old/new>`.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseTolerantJson } from '../../electron/services/http/tolerantJson';
import { SANDBOX_APPID, SANDBOX_SIGNATURE, startSandbox } from '../../electron/services/sandbox';
import { createSobotClient } from '../../electron/services/sobot';
import { parseTolerantJsonReference } from '../support/tolerantJsonReference';

const CALLS = 300;
const RUNS = 21;
/** Reads per run, so a run lasts long enough to time. */
const READS = 10;

/** The raw bodies of every query_time_task_data page the sync of `CALLS` calls reads. */
async function samplePages(): Promise<string[]> {
  const pages: string[] = [];
  const sandbox = await startSandbox({ autoRun: false, seed: 42 });
  try {
    const taskid = sandbox.control.seedTask({ name: 'bench-json', rows: CALLS, completed: CALLS });
    const now = sandbox.control.now();
    const client = createSobotClient({
      baseUrl: sandbox.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
      fetch: async (input, init) => {
        const answer = await globalThis.fetch(input, init);
        if (String(input).includes('query_time_task_data')) pages.push(await answer.clone().text());
        return answer;
      },
    });
    const all = await client
      .queryTimeTaskData({ taskid, begin_time: now - 7_200_000, end_time: now })
      .fetchAll();
    if (all.data.length !== CALLS) throw new Error(`expected ${CALLS} calls, synced ${all.data.length}`);
  } finally {
    await sandbox.close();
  }
  return pages;
}

/** One page holding every call: the sandbox writes plain JSON, so joining through JSON is exact. */
function joinPages(pages: string[]): string {
  const parsed = pages.map((page) => {
    const value = JSON.parse(page) as { data: unknown[] };
    if (JSON.stringify(value) !== page) throw new Error('a sandbox page does not round-trip through JSON');
    return value;
  });
  return JSON.stringify({ ...parsed[0], data: parsed.flatMap((page) => page.data) });
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const body = joinPages(await samplePages());
const megabytes = Buffer.byteLength(body, 'utf8') / 1e6;
/** One run: `READS` reads of the body, in ms per MB. */
const runMsPerMb = (read: (text: string) => unknown): number => {
  const t0 = performance.now();
  for (let i = 0; i < READS; i++) read(body);
  return (performance.now() - t0) / READS / megabytes;
};

if (!isDeepStrictEqual(parseTolerantJson(body), parseTolerantJsonReference(body))) {
  console.error('✗ the reader and the baseline disagree on the body');
  process.exitCode = 1;
}
// Interleave warm-ups so neither reader is measured cold.
for (let i = 0; i < 5; i++) {
  parseTolerantJson(body);
  parseTolerantJsonReference(body);
  JSON.parse(body);
}
// Runs interleave the readers (in turn, the order rotating) so a busy machine slows all alike.
const readers = [parseTolerantJson, parseTolerantJsonReference, JSON.parse] as const;
const times: number[][] = readers.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (let k = 0; k < readers.length; k++) {
    const which = (run + k) % readers.length;
    times[which]!.push(runMsPerMb(readers[which]!));
  }
}
const [ours, baseline, native] = times.map(median) as [number, number, number];
console.log(
  `body: ${CALLS} calls, ${body.length} chars, ${megabytes.toFixed(2)} MB UTF-8; median of ${RUNS} runs of ${READS} reads`,
);
console.log(`json_parse ms_per_mb ${native.toFixed(2)} (reference: loses number text)`);
console.log(
  `tolerant_json ms_per_mb ${ours.toFixed(2)} baseline_ms_per_mb ${baseline.toFixed(2)} ratio ${(baseline / ours).toFixed(2)}`,
);
