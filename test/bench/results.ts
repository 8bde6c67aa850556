/**
 * Results benchmark: "find a customer" on 100,000 synced calls of one task, joined to a
 * 100,000-row call list — by the whole number, by its last 4 digits, by the customer's name
 * (a list variable) — each as the Results screen asks it (the count and the first page of 50).
 * The baseline is the same page found by a LIKE over every call's number, which no index helps.
 *
 *   npx tsx test/bench/results.ts
 *
 * Last line: `search_ms <slowest of the three> phone_ms <n> last4_ms <n> name_ms <n>
 * baseline_ms <n> ratio <baseline/search>` (target: search ≤ 50 ms). Medians of 15 runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openListServices } from '../../electron/services/lists/index';
import type { ProviderCall } from '../../electron/services/providers/types';
import { CallStore } from '../../electron/services/results/callStore';
import { ResultsReader } from '../../electron/services/results/resultsQuery';
import { createJournalOutidResolver } from '../../electron/services/uploads/index';
import type { ResultsFilter } from '../../shared/results';
import { makeList } from '../support/uploads';

const CALLS = 100_000;
const RUNS = 15;
const ACCOUNT = 'bench';
const TASK = 'bench-results-task';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

const phoneOf = (i: number): string => `13${(i % 7) + 3}${String((i * 7919) % 100_000_000).padStart(8, '0')}`;
const nameOf = (i: number): string =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-results-'));
  const services = openListServices(dir);
  const started = Date.now();
  const rows = Array.from({ length: CALLS }, (_, i) => ({
    telephone: phoneOf(i),
    variables: [nameOf(i), `公司${i % 97}`],
  }));
  const listId = makeList(services, rows, '十万名单');
  const store = new CallStore(services.db, createJournalOutidResolver(services.db));
  const now = Date.now();
  for (let i = 0; i < CALLS; i += 5_000) {
    const calls: ProviderCall[] = rows.slice(i, i + 5_000).map((row, k) => ({
      id: `call-${i + k}`,
      taskId: TASK,
      rowKey: null,
      outcome: (i + k) % 3 === 0 ? 'connected' : 'no_answer',
      outcomeCode: (i + k) % 3 === 0 ? '2' : '3',
      intentions: [],
      telephone: row.telephone,
      callerNumber: '02180344315',
      startedAt: now - (i + k) * 1000,
      answeredAt: null,
      endedAt: now - (i + k) * 1000 + 20_000,
      callMs: 20_000,
      talkMs: 12_000,
      recording: null,
      deleted: false,
      utterances: [],
      transcript: 'none',
    }));
    store.ingest(calls, { accountId: ACCOUNT, taskId: TASK, now });
  }
  const joined = store.linkList(ACCOUNT, TASK, listId);
  // No planner statistics here (a sync of fewer than 1,000 calls leaves them as they were):
  // the plans must not depend on them.
  console.info(`setup: ${CALLS} calls, ${joined} joined to list rows, ${Date.now() - started} ms`);

  const reader = new ResultsReader(services.db);
  const source = { kind: 'task' as const, taskId: TASK };
  const time = (filter: ResultsFilter, expectAtLeast: number): number => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const page = reader.page(ACCOUNT, source, filter, 0, 50);
      samples.push(performance.now() - t0);
      if (page.total < expectAtLeast) throw new Error(`${JSON.stringify(filter)}: ${page.total} calls`);
    }
    return median(samples);
  };
  const target = 45_678;
  const phone = phoneOf(target);
  const phoneMs = time({ customer: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` }, 1);
  const last4Ms = time({ customer: phone.slice(-4) }, 1);
  const nameMs = time({ customer: nameOf(target) }, 1);
  // The baseline: the same number found by a scan of every call's number (no index helps).
  const baselineSamples: number[] = [];
  const scan = services.db.prepare(
    `SELECT count(*) AS n FROM result_calls c WHERE c.account_id = ? AND c.task_id = ? AND c.tel LIKE ?`,
  );
  const scanPage = services.db.prepare(
    `SELECT c.callid FROM result_calls c WHERE c.account_id = ? AND c.task_id = ? AND c.tel LIKE ?
     ORDER BY c.start_time DESC LIMIT 50`,
  );
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    scan.get(ACCOUNT, TASK, `%${phone}%`);
    scanPage.all(ACCOUNT, TASK, `%${phone}%`);
    baselineSamples.push(performance.now() - t0);
  }
  const baselineMs = median(baselineSamples);
  const searchMs = Math.max(phoneMs, last4Ms, nameMs);
  services.close();
  const f = (n: number): string => n.toFixed(1);
  console.info(
    `search_ms ${f(searchMs)} phone_ms ${f(phoneMs)} last4_ms ${f(last4Ms)} name_ms ${f(nameMs)} ` +
      `baseline_ms ${f(baselineMs)} ratio ${(baselineMs / searchMs).toFixed(1)}`,
  );
}

main();
