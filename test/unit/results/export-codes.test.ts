/**
 * The export of a provider that groups its own outcome codes (Huawei CEC's failCode): the raw
 * code under the provider's name for it, kept as text (`00606` keeps its zeros), then its group
 * and what it means in the user's language; an undocumented code is in the unknown group. A
 * provider without groups (Sobot) keeps one plain code column.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { CEC_OUTCOME_CODES } from '../../../shared/codes/huaweiCec';
import { cecFactory } from '../../../electron/services/huawei/provider/index';
import { openListServices, type ListServices } from '../../../electron/services/lists';
import { CallStore } from '../../../electron/services/results/callStore';
import { exportResults } from '../../../electron/services/results/export';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';

const TASK = '1001';

function call(sessionId: string, called: string, callStatus: number, failCode: string, callId: string) {
  return {
    campaignId: TASK,
    sessionId,
    called,
    callTimeStr: '2026-03-10 10:00:00',
    callStatus,
    failCode,
    vdnId: 1,
    callId,
    customField: '',
    recordPath: callId ? `Y:/voice/1/20260310/${callId}.wav` : '',
  };
}

const PUSH = JSON.stringify([
  call('s-1', '13911112222', 6, '0', '1644464743-1388'),
  call('s-2', '13911113333', 5, '34606', ''),
  call('s-3', '13911114444', 5, '00606', ''),
  call('s-4', '13911115555', 5, '77777', ''),
]);

let services: ListServices | null = null;
afterEach(() => {
  services?.close();
  services = null;
});

function stored(): { reader: ResultsReader; dir: string; calls: CallStore } {
  const dir = mkdtempSync(join(tmpdir(), 'cd-export-codes-'));
  services = openListServices(dir);
  const calls = new CallStore(services.db, createJournalOutidResolver(services.db));
  calls.ingest(cecFactory.parsePush(PUSH).calls, { accountId: 'a', taskId: TASK, now: 1 });
  return { reader: new ResultsReader(services.db), dir, calls };
}

/** The cells of the sheet's rows, as strings keyed by header. */
async function readXlsx(file: string): Promise<{ headers: string[]; rows: Record<string, unknown>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return { headers, rows };
}

describe('results export with a provider’s code groups', () => {
  it('writes the failCode as text, its group and its meaning, in Chinese', async () => {
    const { reader, dir } = stored();
    const file = join(dir, 'cec.xlsx');
    const { rows } = await exportResults(reader, file, {
      accountId: 'a',
      source: { kind: 'task', taskId: TASK },
      filter: {},
      locale: 'zh-CN',
      outcomeCodes: CEC_OUTCOME_CODES,
    });
    expect(rows).toBe(4);
    const sheet = await readXlsx(file);
    const codeAt = sheet.headers.indexOf('失败原因码（failCode）');
    expect(codeAt).toBeGreaterThan(0);
    // The code, then its group and reason, right after the outcome.
    expect(sheet.headers.slice(codeAt - 1, codeAt + 3)).toEqual([
      '拨打结果',
      '失败原因码（failCode）',
      '结果分类',
      '原因说明',
    ]);
    expect(sheet.headers).not.toContain('结果代码');
    const byPhone = new Map(sheet.rows.map((row) => [row['电话号码'], row]));
    expect(byPhone.get('13911112222')).toMatchObject({ '失败原因码（failCode）': '0', 结果分类: '外呼成功' });
    expect(byPhone.get('13911113333')).toMatchObject({
      '失败原因码（failCode）': '34606',
      结果分类: '系统资源不足',
    });
    // Leading zeros survive: the code is an id, not a number.
    expect(byPhone.get('13911114444')).toMatchObject({
      '失败原因码（failCode）': '00606',
      结果分类: '系统异常',
      原因说明: '系统异常，请联系管理员排查',
    });
    expect(byPhone.get('13911115555')).toMatchObject({
      '失败原因码（failCode）': '77777',
      结果分类: '未知原因',
    });
    expect(String(byPhone.get('13911115555')!['原因说明'])).not.toBe('');
  });

  it('leaves the talk time and line count of a call not reviewed yet empty, not 0', async () => {
    const { reader, dir, calls } = stored();
    const exported = async (name: string) => {
      const file = join(dir, name);
      await exportResults(reader, file, {
        accountId: 'a',
        source: { kind: 'task', taskId: TASK },
        filter: {},
        locale: 'zh-CN',
        outcomeCodes: CEC_OUTCOME_CODES,
      });
      const sheet = await readXlsx(file);
      expect(sheet.headers.slice(sheet.headers.indexOf('通话时长(秒)'), -2)).toEqual([
        '通话时长(秒)',
        '对话条数',
      ]);
      return new Map(sheet.rows.map((row) => [row['电话号码'], row]));
    };
    // Connected, its transcript pending (CEC: fetched from QC on review) and its times not looked up.
    let byPhone = await exported('before.xlsx');
    expect(byPhone.get('13911112222')).toMatchObject({ '通话时长(秒)': null, 对话条数: null });
    // Never connected: nothing to transcribe, so no lines, known.
    expect(byPhone.get('13911113333')).toMatchObject({ 对话条数: 0 });

    // Reviewed: its times and its two lines came in.
    const id = cecFactory.parsePush(PUSH).calls[0]!.id;
    calls.storeTiming('a', id, { answeredAt: 5_000, endedAt: 47_000, callMs: 47_000, talkMs: 42_000 }, 2);
    const line = { speaker: 'robot' as const, text: '您好', at: null, startMs: 0, endMs: 900, remark: null };
    calls.storeTranscript('a', id, { state: 'ready', utterances: [line, { ...line, text: '再见' }] }, 2);
    byPhone = await exported('after.xlsx');
    expect(byPhone.get('13911112222')).toMatchObject({ '通话时长(秒)': 42, 对话条数: 2 });
  });

  it('heads the columns in English, and CSV keeps the code’s zeros', async () => {
    const { reader, dir } = stored();
    const file = join(dir, 'cec.csv');
    await exportResults(reader, file, {
      accountId: 'a',
      source: { kind: 'task', taskId: TASK },
      filter: {},
      locale: 'en',
      outcomeCodes: CEC_OUTCOME_CODES,
    });
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const headers = lines[0]!.split(',');
    const at = headers.indexOf('Failure code (failCode)');
    expect(at).toBeGreaterThan(0);
    expect(headers.slice(at + 1, at + 3)).toEqual(['Outcome group', 'Reason']);
    const system = lines.find((line) => line.includes('13911114444'))!;
    expect(system).toContain('00606');
    expect(system).toContain('System error');
  });

  it('keeps one plain code column for a provider without groups', async () => {
    const { reader, dir } = stored();
    const file = join(dir, 'plain.xlsx');
    await exportResults(reader, file, {
      accountId: 'a',
      source: { kind: 'task', taskId: TASK },
      filter: {},
      locale: 'zh-CN',
    });
    const sheet = await readXlsx(file);
    expect(sheet.headers).toContain('结果代码');
    expect(sheet.headers).not.toContain('结果分类');
    expect(sheet.headers).not.toContain('失败原因码（failCode）');
  });
});
