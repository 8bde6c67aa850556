import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A worksheet name Excel accepts: at most 31 characters, none of `\ / ? * [ ] :`. */
export function sheetName(name: string): string {
  return name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_') || 'Sheet1';
}

/**
 * Writes a table to .xlsx or .csv through a temporary file renamed into place, so a failed or
 * cancelled export never leaves a half file under the operator's name. CSV is UTF-8 with a BOM
 * and CRLF lines: without the BOM Excel reads UTF-8 Chinese as GBK mojibake. XLSX is streamed
 * (exceljs WorkbookWriter) and every cell is text, so telephones keep their leading zeros.
 * `pages` yields rows a page at a time, so a 100k-row export holds one page in memory.
 * Errors are thrown as they come; callers turn them into their own failure codes.
 */
export async function writeTableFile(
  file: string,
  format: 'xlsx' | 'csv',
  table: {
    sheet: string;
    headers: readonly string[];
    pages: AsyncIterable<string[][]> | Iterable<string[][]>;
  },
): Promise<{ rows: number }> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let rows = 0;
  try {
    if (format === 'csv') {
      const out = createWriteStream(temp, { flush: true });
      const write = async (text: string): Promise<void> => {
        if (!out.write(text)) await once(out, 'drain');
      };
      await write(`\uFEFF${table.headers.map(csvField).join(',')}\r\n`);
      for await (const page of table.pages) {
        rows += page.length;
        await write(page.map((line) => `${line.map(csvField).join(',')}\r\n`).join(''));
      }
      out.end();
      await once(out, 'finish');
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: temp,
        useSharedStrings: true,
        useStyles: false,
      });
      const sheet = workbook.addWorksheet(sheetName(table.sheet));
      sheet.addRow([...table.headers]).commit();
      for await (const page of table.pages) {
        rows += page.length;
        for (const line of page) sheet.addRow(line).commit();
      }
      sheet.commit();
      await workbook.commit();
    }
    renameSync(temp, file);
    return { rows };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
