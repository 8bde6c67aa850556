import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, openListServices, type ListServices } from '../../../electron/services/lists/index';
import type { ProviderCall } from '../../../electron/services/providers/types';
import { CallStore } from '../../../electron/services/results/callStore';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';
import { makeList } from '../../support/uploads';

const ACCOUNT = 'acct';
const TASK = 'task-find';

let services: ListServices | null = null;
afterEach(() => {
  services?.close();
  services = null;
});

function call(id: string, telephone: string, startedAt: number): ProviderCall {
  return {
    id,
    taskId: TASK,
    rowKey: null,
    outcome: 'connected',
    outcomeCode: '2',
    intentions: [],
    telephone,
    callerNumber: '02180344315',
    startedAt,
    answeredAt: null,
    endedAt: startedAt + 10_000,
    callMs: 10_000,
    talkMs: 5_000,
    recording: null,
    deleted: false,
    utterances: [],
    transcript: 'none',
  };
}

function setup() {
  services = openListServices(mkdtempSync(join(tmpdir(), 'cd-find-')));
  const rows = [
    { telephone: '13912345678', variables: ['王小明', '东方公司'] },
    { telephone: '13800005678', variables: ['王大力', '西山公司'] },
    { telephone: '02191248839', variables: ['李四', '东方公司'] },
    { telephone: '13700001111', variables: ['张三', '南湖公司'] },
  ];
  const listId = makeList(services, rows, '回访');
  const store = new CallStore(services.db, createJournalOutidResolver(services.db));
  const now = Date.now();
  store.ingest(
    [
      ...rows.map((r, i) => call(`c${i}`, r.telephone, now - i * 1000)),
      // A hidden number keeps its last four digits; it joins no row.
      call('masked', '139****5678', now - 9000),
    ],
    { accountId: ACCOUNT, taskId: TASK, now },
  );
  expect(store.linkList(ACCOUNT, TASK, listId)).toBe(4);
  const reader = new ResultsReader(services.db);
  const find = (customer: string): string[] =>
    reader
      .page(ACCOUNT, { kind: 'task', taskId: TASK }, { customer }, 0, 50)
      .calls.map((c) => c.id)
      .sort();
  return { services, listId, find };
}

describe('find a customer in the results', () => {
  it('by the whole number as typed, its last four digits (masked ones too) or other digits', () => {
    const { find } = setup();
    expect(find('139 1234 5678')).toEqual(['c0']);
    expect(find('+86 139-1234-5678')).toEqual(['c0']);
    expect(find('021-9124 8839')).toEqual(['c2']);
    expect(find('5678')).toEqual(['c0', 'c1', 'masked']);
    expect(find('00001')).toEqual(['c3']); // digits inside a number
    expect(find('9999')).toEqual([]);
  });

  it('by the start of a list variable (a name, a company), and only within its account', () => {
    const { find } = setup();
    expect(find('王')).toEqual(['c0', 'c1']);
    expect(find('王小')).toEqual(['c0']);
    expect(find('东方公司')).toEqual(['c0', 'c2']);
    expect(find('小明')).toEqual([]); // a prefix, not any substring
    expect(find('%')).toEqual([]); // no wildcard
  });

  it('follows edits of the list: a renamed customer is found by the new name, a deleted row by neither', () => {
    const { services, listId, find } = setup();
    const row = services.store.getRows(listId, 0, 10).find((r) => r.variables[0] === '张三')!;
    applyEdits(services.store, listId, [{ kind: 'set', rowId: row.id, column: 'var:姓名', value: '赵六' }]);
    expect(find('张三')).toEqual([]);
    expect(find('赵六')).toEqual(['c3']);
    applyEdits(services.store, listId, [{ kind: 'delete', rowIds: [row.id] }]);
    expect(find('赵六')).toEqual([]);
    expect(find('1111')).toEqual(['c3']); // the call itself stays, found by its number
  });
});
