/**
 * Reading a call-list workbook uploaded to add_task_file_data.
 *
 * Expected layout (first worksheet):
 * - row 1 is a header row; data starts on row 2, and row numbers in `error_data` are the
 *   worksheet's own (so the first data row is 2, as in the document's example);
 * - one column headed 手机号码 (also 手机号, 电话号码, 电话, telephone, phone, mobile): the number
 *   to dial — text or a number cell;
 * - one column headed outid (also 编号, 数据id, 客户编号): the row's unique id;
 * - every other column with a non-blank header is a template variable: its header is the
 *   variable name and the cell its value (sent on as `name^value|name^value`); a value holding
 *   `^` or `|` cannot be encoded and is left out;
 * - completely empty rows are skipped and not counted.
 *
 * Errors: not a readable .xlsx → 320028; more than 100,000 data rows → 320029; no phone or outid
 * column, or no data row at all → 320030. Per-row problems (invalid number, empty outid) do not
 * fail the file: the row is counted as failed and its number reported.
 */

import ExcelJS from 'exceljs';
import { reject } from './codes';

export const MAX_FILE_ROWS = 100_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const PHONE_HEADERS = ['手机号码', '手机号', '电话号码', '电话', 'telephone', 'phone', 'mobile'];
const OUTID_HEADERS = ['outid', '编号', '数据id', '客户编号'];

export interface WorkbookRow {
  /** The worksheet row number (header is 1). */
  rowNumber: number;
  telephone: string;
  outid: string;
  variable: string;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  // Phone numbers typed as numbers must come back as their digits, never in exponent form.
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value).toString();
  try {
    return (cell.text ?? '').trim();
  } catch {
    return '';
  }
}

/** Reads the rows of a call-list workbook (see the layout above). */
export async function readCallListWorkbook(bytes: Buffer): Promise<WorkbookRow[]> {
  // An .xlsx is a zip archive: anything else (an old .xls, a CSV) is the wrong format.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) reject('320028');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    reject('320028');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) reject('320028');
  if (sheet.actualRowCount - 1 > MAX_FILE_ROWS) reject('320029', `大于最大上传条数${MAX_FILE_ROWS}`);

  let phoneColumn = 0;
  let outidColumn = 0;
  const variableColumns: { column: number; name: string }[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    const header = cellText(cell);
    const key = header.toLowerCase();
    if (!phoneColumn && PHONE_HEADERS.includes(key)) phoneColumn = column;
    else if (!outidColumn && OUTID_HEADERS.includes(key)) outidColumn = column;
    else if (header) variableColumns.push({ column, name: header });
  });
  if (!phoneColumn) reject('320030', '上传的数据有误:缺少手机号码列');
  if (!outidColumn) reject('320030', '上传的数据有误:缺少outid列');

  const rows: WorkbookRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const telephone = cellText(row.getCell(phoneColumn));
    const outid = cellText(row.getCell(outidColumn));
    const variables: string[] = [];
    for (const { column, name } of variableColumns) {
      const value = cellText(row.getCell(column));
      if (value && !/[\^|]/.test(value) && !/[\^|]/.test(name)) variables.push(`${name}^${value}`);
    }
    if (!telephone && !outid && variables.length === 0) return;
    rows.push({ rowNumber, telephone, outid, variable: variables.join('|') });
  });
  if (rows.length === 0) reject('320030', '上传的数据有误:没有数据行');
  if (rows.length > MAX_FILE_ROWS) reject('320029', `大于最大上传条数${MAX_FILE_ROWS}`);
  return rows;
}
