import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../electron/services/contract/failure';
import { DncFeature } from '../../../electron/services/dnc/feature';
import { DncStore } from '../../../electron/services/dnc/store';
import { CallStore } from '../../../electron/services/results/callStore';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';
import type { ProviderCall } from '../../../electron/services/providers/types';
import { convert, hasSoffice, SOFFICE_MISSING } from '../../support/libreoffice';
import { importInto } from '../../support/seedList';
import { ACCOUNT, makeList, mobiles } from '../../support/uploads';
import { fods } from '../../support/workbooks';
import { uploadFixture } from '../uploads/setup';

// The do-not-call list and the plan's campaign checks, on the sandbox: two lists that share
// numbers pushed into one task, numbers the task dialled, and do-not-call numbers in a workbook.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** An upload fixture whose plans ask a real do-not-call list and the task's synced calls. */
async function fixture() {
  // Built once the fixture's database is open; the plan asks them only later.
  const late: { dnc?: DncFeature; reader?: ResultsReader } = {};
  const base = await uploadFixture({
    campaign: {
      doNotCall: (accountId, telephones) => late.dnc!.checker(accountId)(telephones),
      dialled: (accountId, taskId, telephones) => late.reader!.dialledAmong(accountId, taskId, telephones),
    },
  });
  cleanups.push(() => base.close());
  const db = base.services.db;
  const results = new ResultsReader(db);
  late.reader = results;
  const dnc = (late.dnc = new DncFeature({
    store: new DncStore(db),
    lists: base.services.store,
    activeAccountId: () => ACCOUNT,
    callTelephone: (accountId, callId) => results.telephoneOf(accountId, callId),
  }));
  return { ...base, dnc, reader: results };
}

const call = (id: string, taskId: string, telephone: string): ProviderCall => ({
  id,
  taskId,
  rowKey: null,
  outcome: 'connected',
  outcomeCode: '2',
  intentions: [],
  telephone,
  callerNumber: '02180344315',
  startedAt: Date.now() - 60_000,
  answeredAt: Date.now() - 55_000,
  endedAt: Date.now() - 30_000,
  callMs: 30_000,
  talkMs: 25_000,
  recording: null,
  deleted: false,
  utterances: [],
  transcript: 'none',
});

describe('the do-not-call list', () => {
  it('normalises numbers like list phones, keeps one entry per scope, and says what it refused', async () => {
    const { dnc } = await fixture();
    const first = dnc.add({
      telephones: ['+86 138-0013-8000', '１３９００１３９０００', 'abc', '12345', ''],
      target: 'account',
      reason: '客户投诉',
    });
    expect(first).toMatchObject({ added: 2, already: 0, invalidCount: 2 });
    expect(first.invalid.map((i) => i.reason)).toEqual(['characters', 'length']);
    // The same number again: already there (its reason kept); for every account: a second entry.
    expect(dnc.add({ telephones: ['13800138000'], target: 'account', reason: '别的' })).toMatchObject({
      added: 0,
      already: 1,
    });
    expect(dnc.add({ telephones: ['13800138000'], target: 'all' })).toMatchObject({ added: 1 });
    const page = dnc.page();
    expect(page.total).toBe(3);
    expect(page.entries.find((e) => e.accountId === ACCOUNT && e.telephone === '13800138000')?.reason).toBe(
      '客户投诉',
    );
    expect(dnc.page({ scope: 'all' }).entries.map((e) => e.telephone)).toEqual(['13800138000']);
    expect(dnc.page({ search: '投诉' }).total).toBe(2);
    expect(dnc.page({ search: '9000' }).entries.map((e) => e.telephone)).toEqual(['13900139000']);
    // LIKE's wildcards are text here.
    expect(dnc.page({ search: '%' }).total).toBe(0);
    expect(dnc.remove(page.entries.map((e) => e.id))).toBe(3);
    expect(dnc.page().total).toBe(0);
    const empty = await Promise.resolve()
      .then(() => dnc.add({ telephones: ['  '], target: 'all' }))
      .catch((e: unknown) => describeError(e, 'zh-CN'));
    expect(empty).toMatchObject({ code: 'dnc.nothing_to_add' });
  });

  it('adds a list’s selected rows and a reviewed call, but not a hidden number', async () => {
    const { dnc, services, taskId } = await fixture();
    const listId = makeList(services, mobiles(5), '回访');
    const rows = services.store.getRows(listId, 0, 5);
    expect(dnc.addRows({ listId, rowIds: [rows[1]!.id, rows[3]!.id], target: 'account' })).toMatchObject({
      added: 2,
    });
    const calls = new CallStore(services.db, createJournalOutidResolver(services.db));
    calls.ingest([call('c1', taskId, '13700001111'), call('c2', taskId, '182****6077')], {
      accountId: ACCOUNT,
      taskId,
      now: Date.now(),
    });
    expect(dnc.addCall({ callId: 'c1', target: 'account', reason: '不要再打了' })).toMatchObject({
      added: 1,
    });
    const masked = await Promise.resolve()
      .then(() => dnc.addCall({ callId: 'c2', target: 'account' }))
      .catch((e: unknown) => describeError(e, 'en'));
    expect(masked).toMatchObject({ code: 'dnc.masked_number' });
    expect(dnc.page().entries.map((e) => [e.telephone, e.source])).toEqual(
      expect.arrayContaining([
        [rows[1]!.telephone, 'list'],
        [rows[3]!.telephone, 'list'],
        ['13700001111', 'call'],
      ]),
    );
  });
});

describe('upload plans and the campaign', () => {
  it('skip numbers another list already put into the task, unless told to send them anyway', async () => {
    const { uploads, services, taskId, proxy } = await fixture();
    // Two lists sharing 40 numbers (different outids: different lists).
    const first = makeList(services, mobiles(100), '十一月回访');
    const second = makeList(services, mobiles(100, 60), '十二月回访');
    await (
      await uploads.start({ listId: first, taskId })
    ).done;

    const plan = await uploads.plan({ listId: second, taskId });
    expect(plan.numberOnTask).toEqual({ rows: 40, uploaded: 40, dialled: 0, sendAnyway: false });
    expect(plan.excluded.byProblem['row.number_on_task']).toBe(40);
    expect(plan.toSend).toBe(60);
    expect(plan.flagged).toHaveLength(40);
    expect(plan.flagged[0]).toMatchObject({
      code: 'row.number_on_task',
      why: { kind: 'uploaded', listName: '十一月回访' },
    });

    const anyway = await uploads.plan({ listId: second, taskId, sendNumbersOnTask: true });
    expect(anyway).toMatchObject({ toSend: 100, numberOnTask: { rows: 40, sendAnyway: true } });
    expect(anyway.excluded.byProblem['row.number_on_task']).toBeUndefined();

    // The upload itself follows the plan: the overlap is never sent.
    const summary = await (await uploads.start({ listId: second, taskId })).done;
    expect(summary.outcome.sent).toBe(60);
    const secondOutids = new Set(services.store.getRows(second, 0, 100).map((r) => r.outid));
    const sentOfSecond = [...proxy.received.keys()].filter((outid) => secondOutids.has(outid));
    expect(sentOfSecond).toHaveLength(60);
  });

  it('skip numbers the task already dialled (from its synced calls)', async () => {
    const { uploads, services, taskId } = await fixture();
    const listId = makeList(services, mobiles(10), '补打');
    const calls = new CallStore(services.db, createJournalOutidResolver(services.db));
    calls.ingest(
      [
        call('d1', taskId, '13900000002'),
        call('d2', taskId, '13900000007'),
        call('d3', 'other-task', '13900000003'),
      ],
      { accountId: ACCOUNT, taskId: null, now: Date.now() },
    );
    const plan = await uploads.plan({ listId, taskId });
    expect(plan.numberOnTask).toMatchObject({ rows: 2, dialled: 2, uploaded: 0 });
    expect(plan.flagged.map((f) => [f.position, f.why.kind])).toEqual([
      [2, 'dialled'],
      [7, 'dialled'],
    ]);
    expect(plan.toSend).toBe(8);
  });

  it('never send a do-not-call number, from a workbook LibreOffice wrote', async ({ skip }) => {
    if (!hasSoffice()) skip(SOFFICE_MISSING);
    const { uploads, dnc, taskId, dataDir, proxy, services } = await fixture();
    const dir = mkdtempSync(join(tmpdir(), 'cd-dnc-book-'));
    // The do-not-call workbook: a title row, numbers typed as numbers and as text, a reason column.
    writeFileSync(
      join(dir, 'dnc.fods'),
      fods([
        {
          name: '免打扰',
          rows: [
            ['免打扰号码（2026年12月）'],
            ['手机号', '原因'],
            [13900000004, '投诉'],
            ['139-0000-0009', '要求不再联系'],
            ['不是号码', ''],
          ],
        },
      ]),
    );
    writeFileSync(
      join(dir, 'list.fods'),
      fods([
        {
          name: '名单',
          rows: [['手机号', '姓名'], ...mobiles(12).map((r) => [Number(r.telephone), r.variables![0]!])],
        },
      ]),
    );
    const [dncBook, listBook] = convert([join(dir, 'dnc.fods'), join(dir, 'list.fods')], 'xlsx', dir);
    const imported = await dnc.importFile(dncBook!, {
      target: 'all',
      headerRow: 2,
      phone: '手机号',
      // No reason column named (as the screen sends it): the one headed 原因 is taken.
    });
    expect(imported).toMatchObject({ added: 2, invalidCount: 1 });
    expect(
      dnc
        .page()
        .entries.map((e) => [e.telephone, e.reason])
        .sort(),
    ).toEqual([
      ['13900000004', '投诉'],
      ['13900000009', '要求不再联系'],
    ]);

    const listId = await importInto(dataDir, listBook!);
    const plan = await uploads.plan({ listId, taskId });
    expect(plan.doNotCall).toBe(2);
    expect(plan.excluded.byProblem['row.do_not_call']).toBe(2);
    expect(plan.flagged.map((f) => f.why)).toEqual([
      { kind: 'dnc', reason: '投诉' },
      { kind: 'dnc', reason: '要求不再联系' },
    ]);
    // Even "send anyway" does not send them.
    const summary = await (await uploads.start({ listId, taskId, sendNumbersOnTask: true })).done;
    expect(summary.outcome.sent).toBe(10);
    const dncOutids = services.store
      .getRows(listId, 0, 12)
      .filter((r) => r.telephone === '13900000004' || r.telephone === '13900000009')
      .map((r) => r.outid);
    expect(dncOutids).toHaveLength(2);
    for (const outid of dncOutids) expect(proxy.received.has(outid)).toBe(false);
  });
});
