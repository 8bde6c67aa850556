import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { addList, setupResults } from './support';

type Setup = Awaited<ReturnType<typeof setupResults>>;
let current: Setup | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

async function synced(seed: number) {
  const s = (current = await setupResults({ sandbox: { seed, autoRun: false } }));
  const taskId = s.sandbox!.control.seedTask({ name: '筛选', rows: 80, completed: 80 });
  await s.results.sync(taskId);
  return { s, taskId, source: { kind: 'task', taskId } as const };
}

describe('results queries', () => {
  it('filters by outcome, intention, talk time, date and transcript text in SQLite, with counts', async () => {
    const { s, source } = await synced(21);
    const all = s.results.query(source, {}, 0, 500).calls;
    const counts = s.results.counts(source, {});
    expect(counts.total).toBe(80);
    expect(counts.byOutcome.reduce((n, c) => n + c.count, 0)).toBe(80);
    for (const { outcome, count } of counts.byOutcome) {
      expect(s.results.query(source, { outcomes: [outcome] }, 0, 500).total).toBe(count);
      expect(all.filter((c) => c.outcome === outcome)).toHaveLength(count);
    }
    const labelled = counts.byIntention.find((i) => i.label !== '')!;
    expect(
      s.results
        .query(source, { intentions: [labelled.label] }, 0, 500)
        .calls.every((c) => c.intentions.includes(labelled.label)),
    ).toBe(true);
    // Faceted: choosing outcomes keeps every outcome's count (to add another) and totals the chosen.
    const [first, second] = counts.byOutcome;
    const chosen = s.results.counts(source, { outcomes: [first!.outcome, second!.outcome] });
    expect(chosen.byOutcome).toEqual(counts.byOutcome);
    expect(chosen.total).toBe(first!.count + second!.count);
    expect(s.results.query(source, { outcomes: [first!.outcome, second!.outcome] }, 0, 500).total).toBe(
      chosen.total,
    );
    const byLabel = s.results.counts(source, { intentions: [labelled.label] });
    expect(byLabel.byIntention).toEqual(counts.byIntention);
    expect(byLabel.byOutcome.reduce((n, c) => n + c.count, 0)).toBe(byLabel.total);
    expect(byLabel.total).toBe(s.results.query(source, { intentions: [labelled.label] }, 0, 500).total);
    const none = counts.byIntention.find((i) => i.label === '')?.count ?? 0;
    expect(s.results.query(source, { intentions: [''] }, 0, 500).total).toBe(none);

    const long = s.results.query(source, { minTalkSeconds: 20 }, 0, 500).calls;
    expect(long.every((c) => c.talkMs >= 20_000)).toBe(true);
    expect(long.length).toBe(all.filter((c) => c.talkMs >= 20_000).length);

    const connected = all.find((c) => c.utteranceCount > 2)!;
    const review = s.results.call(connected.id);
    const phrase = review.utterances[1]!.text.slice(0, 4);
    const byText = s.results.query(source, { text: phrase }, 0, 500).calls;
    expect(byText.map((c) => c.id)).toContain(connected.id);
    expect(s.results.query(source, { text: '%' }, 0, 500).total).toBe(0); // LIKE wildcards are literal

    const mid = all[40]!.startedAt!;
    expect(s.results.query(source, { from: mid }, 0, 500).total).toBe(
      all.filter((c) => c.startedAt! >= mid).length,
    );
    // Newest first, paged.
    const page = s.results.query(source, {}, 10, 5);
    expect(page.calls.map((c) => c.id)).toEqual(all.slice(10, 15).map((c) => c.id));
  });

  it('joins synced calls to a linked list’s rows by telephone', async () => {
    const { s, taskId, source } = await synced(23);
    const all = s.results.query(source, {}, 0, 500).calls;
    const list = addList(
      s.services,
      '关联名单',
      all.slice(0, 3).map((c, i) => ({ phone: c.telephone, outid: `x${i}`, name: `客户${i}` })),
    );
    expect(s.results.linkList(taskId, list.id).joined).toBe(3);
    const joined = s.results.query({ kind: 'list', listId: list.id }, {}, 0, 10).calls;
    expect(joined.map((c) => c.row?.variables[0]).sort()).toEqual(['客户0', '客户1', '客户2']);
  });

  it('exports .csv with a BOM and .xlsx, one row per call with labels in the user’s language', async () => {
    const { s, source } = await synced(25);
    const csv = await s.results.exportFile(source, { outcomes: ['connected'] }, 'csv');
    if (csv.status !== 'saved') throw new Error(csv.status);
    const text = readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\uFEFF通话ID,任务ID,数据ID,电话号码')).toBe(true);
    expect(text.split('\r\n').filter((l) => l.startsWith('soboticall'))).toHaveLength(csv.rows);
    expect(text).toContain('已接通');
    expect(text).toContain('机器人：');
    expect(text).toContain('/sandbox-media/call/');

    const xlsx = await s.results.exportFile(source, {}, 'xlsx');
    if (xlsx.status !== 'saved') throw new Error(xlsx.status);
    expect(xlsx.rows).toBe(80);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(81);
    expect(sheet.getRow(1).getCell(1).value).toBe('通话ID');
    expect(join(s.dataDir, 'exports')).toBe(join(xlsx.path, '..'));
    // Named after the task, what it holds and the day; durations are numbers.
    expect(xlsx.fileName).toMatch(/_通话结果_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const talk = (sheet.getRow(1).values as unknown[]).indexOf('通话时长(秒)');
    expect(talk).toBeGreaterThan(0);
    expect(typeof sheet.getRow(2).getCell(talk).value).toBe('number');
  });
});
