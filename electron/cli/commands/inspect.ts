import { resolve } from 'node:path';
import { ROW_PROBLEMS } from '../../../shared/callList';
import { FILE_PROBLEMS, MAPPING_REASONS } from '../../../shared/codes/importing';
import { format, type Localized } from '../../../shared/locale';
import { inspectWorkbook } from '../../services/importer/inspectWorkbook';
import { parseCommandArgs, stringOption, UsageError } from '../args';
import type { CliCommand } from '../command';
import { reportFailure } from '../failure';
import { headerRowOption, sheetOption, SHEET_OPTIONS } from './import';

const TEXT = {
  sheets: { 'zh-CN': '工作表', en: 'Sheets' },
  chosen: { 'zh-CN': '查看：{sheet}，表头第 {row} 行', en: 'Showing: {sheet}, header row {row}' },
  mapping: { 'zh-CN': '建议的对应关系', en: 'Suggested mapping' },
  problems: {
    'zh-CN': '问题（前 {scanned} 行中 {n} 个）',
    en: 'Problems ({n} in the first {scanned} rows)',
  },
  problemsAll: { 'zh-CN': '问题（全文件 {n} 个）', en: 'Problems ({n} in the whole file)' },
  rows: { 'zh-CN': '行（按导入时读到的内容）', en: 'Rows (as the importer reads them)' },
  none: { 'zh-CN': '无', en: 'none' },
} satisfies Record<string, Localized>;

const ROLE: Record<string, Localized> = {
  telephone: { 'zh-CN': '电话号码', en: 'telephone' },
  outid: { 'zh-CN': '编号', en: 'id (outid)' },
  variable: { 'zh-CN': '变量', en: 'variable' },
  ignored: { 'zh-CN': '不导入', en: 'not imported' },
};

/**
 * `campaign-desk inspect FILE [--sheet N|NAME] [--header-row N] [--rows N|all] [--json]`: the
 * sheets, the detected header row, the suggested mapping with the reason for each column, the
 * problems, and the cells exactly as `import` would read them. With `--json`, one object whose
 * `rows` is `[{ row, cells }]` (`row` as Excel numbers it, `cells` from column A).
 */
export const inspectCommand: CliCommand = {
  name: 'inspect',
  usage: 'inspect FILE [--sheet N|NAME] [--header-row N] [--rows N|all]',
  summary: {
    'zh-CN': '查看工作簿：工作表、表头、建议的对应关系、问题和读到的单元格',
    en: 'look into a workbook: sheets, header, suggested mapping, problems and the cells read',
  },
  help: [
    {
      'zh-CN': '--sheet N|名称     第 N 个工作表或工作表名称',
      en: '--sheet N|NAME    the Nth sheet or a sheet by name',
    },
    {
      'zh-CN': '--header-row N    表头所在行（默认：自动识别）',
      en: '--header-row N    the header row (default: detected)',
    },
    {
      'zh-CN': '--rows N|all      显示多少行（默认 20；all：全部）',
      en: '--rows N|all      how many rows to show (default 20; all: every row)',
    },
  ],
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, { ...SHEET_OPTIONS, rows: { type: 'string' } }, ['FILE']);
    const rowsText = stringOption(parsed, 'rows');
    const rows = rowsText === undefined ? 20 : rowsText === 'all' ? 'all' : Number(rowsText);
    if (rows !== 'all' && (!Number.isInteger(rows) || rows < 0))
      throw new UsageError('badValue', { option: '--rows', value: rowsText ?? '' });
    const sheet = sheetOption(parsed);
    const headerRow = headerRowOption(parsed);
    try {
      const inspection = await inspectWorkbook(resolve(parsed.positionals[0]!), {
        memory: ctx.core().lists.memory,
        rows,
        ...(sheet !== undefined ? { sheet } : {}),
        ...(headerRow !== undefined ? { headerRow } : {}),
      });
      const { rows: stream, close: _close, ...facts } = inspection;
      const t = (key: keyof typeof TEXT, params?: Record<string, string | number>) =>
        format(TEXT[key][ctx.locale], params);
      if (ctx.json) {
        // One JSON document, its rows streamed out as they are read (`--rows all` never holds the sheet).
        const head = JSON.stringify(facts, null, 2).replace(/\n}$/, '');
        ctx.stdout.write(`${head},\n  "rows": [`);
        let first = true;
        for await (const row of stream) {
          ctx.stdout.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(row)}`);
          first = false;
        }
        ctx.stdout.write(`${first ? '' : '\n  '}]\n}\n`);
        return 0;
      }
      const lines = [
        `${t('sheets')}: ${facts.sheets.map((s, i) => `${i + 1}. ${s.name}`).join('  ')}`,
        t('chosen', { sheet: facts.sheet, row: facts.headerRow }),
        '',
        `${t('mapping')}:`,
        ...facts.columns.map(
          (c) =>
            `  ${c.letter}  ${c.header || '—'}  → ${ROLE[c.role]![ctx.locale]}${c.name ? ` ${c.name}` : ''}  (${MAPPING_REASONS[c.reason][ctx.locale]})`,
        ),
        '',
        facts.complete
          ? t('problemsAll', { n: facts.problems.length })
          : t('problems', { n: facts.problems.length, scanned: facts.scannedRows }),
        ...(facts.problems.length === 0 ? [`  ${t('none')}`] : []),
        ...facts.problems
          .slice(0, 50)
          .map((p) => `  ${p.cell}  ${ROW_PROBLEMS[p.code][ctx.locale]}  ${p.value}`),
        ...facts.fileProblems.map(
          (p) => `  ${p.row ? `#${p.row}  ` : ''}${FILE_PROBLEMS[p.code][ctx.locale]}`,
        ),
        '',
        `${t('rows')}:`,
      ];
      ctx.stdout.write(`${lines.join('\n')}\n`);
      for await (const row of stream) ctx.stdout.write(`  ${row.row}\t${row.cells.join('\t')}\n`);
      return 0;
    } catch (error) {
      return reportFailure(ctx, error);
    }
  },
};
