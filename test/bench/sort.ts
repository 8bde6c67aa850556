/**
 * Sort benchmark: a 100,000-row list sorted by a Chinese name column in pinyin order, as the
 * grid asks it (`queryRowIds`): the first sort (no stored keys yet: SQLite's sorter over
 * `zh_key()`), the pass that then stores the column's keys (the database worker runs it after
 * answering), then the median of later sorts from the keys, ascending, descending and with the
 * problem filter.
 * Baseline, in the same process: the same order by Intl.Collator('zh-CN') over the rows read
 * from SQLite (what the store did before the keys).
 *
 *   npx tsx test/bench/sort.ts
 *
 * Last line: `sort_ms <median later sort> first_ms <n> ranks_ms <n> keys_ms <n> filtered_ms <n> baseline_ms <n>
 * ratio <baseline/sort>` (target: sort, first sort and filtered ≤ 200 ms).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openListServices } from '../../electron/services/lists/index';
import { warmSortKeys } from '../../electron/services/lists/sortKey';
import { makeList } from '../support/uploads';

const ROWS = 100_000;
const RUNS = 7;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗丁阿曾';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂一四';

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => unknown): number => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};

const services = openListServices(mkdtempSync(join(tmpdir(), 'cd-bench-sort-')));
const rows = Array.from({ length: ROWS }, (_, i) => ({
  // Every 50th number is bad, for the filtered sort.
  telephone: i % 50 === 0 ? '12345' : `139${String(i).padStart(8, '0')}`,
  variables: [
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''}`,
    `公司${i % 97}`,
  ],
}));
const listId = makeList(services, rows, '十万名单');
const store = services.store;

// The database worker ranks the characters when it starts, before any sort.
const ranks = time(() => warmSortKeys());
const first = time(() => store.queryRowIds(listId, { sortBy: 'var:姓名' }));
const keys = time(() => store.sortKeys.buildWanted());
const later: number[] = [];
for (let run = 0; run < RUNS; run++) {
  later.push(time(() => store.queryRowIds(listId, { sortBy: 'var:姓名', descending: run % 2 === 1 })));
}
const filtered = median(
  Array.from({ length: RUNS }, () =>
    time(() => store.queryRowIds(listId, { sortBy: 'var:姓名', problem: 'any' })),
  ),
);
const collator = new Intl.Collator('zh-CN', { numeric: true });
const baseline = median(
  Array.from({ length: 3 }, () =>
    time(() => {
      const all = services.db
        .prepare<[number], { id: number; key: string | null }>(
          "SELECT id, json_extract(variables, '$[0]') AS key FROM call_rows WHERE list_id = ? ORDER BY position",
        )
        .all(listId);
      all.sort((a, b) => collator.compare(a.key ?? '', b.key ?? ''));
    }),
  ),
);
services.close();
const sort = median(later);
const f = (n: number): string => n.toFixed(1);
console.info(
  `sort_ms ${f(sort)} first_ms ${f(first)} ranks_ms ${f(ranks)} keys_ms ${f(keys)} filtered_ms ${f(filtered)} baseline_ms ${f(baseline)} ratio ${(baseline / sort).toFixed(1)}`,
);
