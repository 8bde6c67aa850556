/**
 * The workbook sent to add_task_file_data. Layout (the sandbox reads the same, see
 * sandbox/workbook.ts): first sheet, header row `手机号码`, `outid`, then one column per template
 * variable named after it; data from row 2. Every cell is text, so a landline's leading 0 and a
 * long number's digits survive whatever reads it. Row `i` (0-based) of the input is worksheet
 * row `i + 2`, which is how `error_data` row numbers are mapped back.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

/** The provider's limits for one file (document 2.8). */
export const MAX_FILE_ROWS = 100_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The worksheet row of the first data row. */
export const FIRST_DATA_ROW = 2;

/** One row of the file: its number, outid and variables (template name → value). */
export interface FileRow {
  telephone: string;
  outid: string;
  variables: Readonly<Record<string, string>>;
}

/**
 * Writes the workbook in memory (at most 5 MB is ever sent, so a buffer is fine) with the
 * streaming writer, which keeps exceljs from building a cell object per value.
 * @param templateNames the variable columns, in order
 */
export async function writeUploadWorkbook(
  rows: readonly FileRow[],
  templateNames: readonly string[],
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Set up before commit: the zip may finish writing before commit() resolves.
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['手机号码', 'outid', ...templateNames]).commit();
  for (const row of rows) {
    sheet
      .addRow([row.telephone, row.outid, ...templateNames.map((name) => row.variables[name] ?? '')])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
