/**
 * Call-list endpoints: add_task_data, add_task_file_data, delete_task_data.
 *
 * Choices where the document is silent:
 * - A row whose outid is already in the task (or earlier in the same upload) is a repeat: the
 *   request succeeds, the first row is kept and the repeat is not stored (the file upload
 *   reports it in repeat_counts). So outid stays a unique key for query_task_data and deletion.
 * - Rows whose telephone is not a dialable number are silently dropped by add_task_data (never
 *   stored, never dialled); the file upload reports them as failed rows with their row number.
 * - add_task_data accepts at most 5,000 rows per call; a larger batch answers 320029 (more
 *   than the maximum upload count) so a client learns to split. An empty array is 320018.
 * - A task ended with end_task accepts no more rows (320023); a task that finished because
 *   every row was dialled does, and runs again.
 */

import { reject, success } from '../codes';
import { isDialablePhone } from '../phone';
import { MAX_STORED_ROWS, type Task } from '../task-store';
import { MAX_FILE_BYTES, readCallListWorkbook } from '../workbook';
import type { SandboxState } from '../state';
import type { Handler } from './context';

export const MAX_ROWS_PER_ADD = 5_000;
export const MAX_OUTIDS_PER_DELETE = 100;

function requireOpenTask(sandbox: SandboxState, taskId: string | undefined): Task {
  const task = sandbox.store.mustFind(taskId);
  if (task.mode === 'ended') reject('320023');
  return task;
}

function assertCapacity(sandbox: SandboxState, incoming: number): void {
  if (sandbox.store.storedRows + incoming > MAX_STORED_ROWS) reject('329999', '沙箱数据量已达上限');
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

interface IncomingRow {
  telephone: string;
  outid: string;
  variable: string;
}

/** Validates `data`: a JSON string (form body) or an array (JSON body) of row objects. */
function readDataRows(raw: unknown): IncomingRow[] {
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      reject('320018', 'data格式错误:不是合法的JSON');
    }
  }
  if (!Array.isArray(list) || list.length === 0) reject('320018', 'data格式错误:应为非空JSON数组');
  if (list.length > MAX_ROWS_PER_ADD) reject('320029', `大于最大上传条数${MAX_ROWS_PER_ADD}`);
  return list.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) reject('320018', `data格式错误:第${index + 1}条不是对象`);
    const record = item as Record<string, unknown>;
    const telephone = asText(record.telephone);
    if (!telephone) reject('320018', `data格式错误:第${index + 1}条缺少telephone`);
    const outid = asText(record.outid);
    if (!outid) reject('320032');
    const variable = record.variable === undefined || record.variable === null ? '' : asText(record.variable);
    if (variable === undefined) reject('320018', `data格式错误:第${index + 1}条variable不是字符串`);
    return { telephone, outid, variable };
  });
}

/** add_task_data: appends rows; the whole batch is refused if any element is malformed. */
export const addTaskData: Handler = ({ params, sandbox }) => {
  const task = requireOpenTask(sandbox, params.text('taskid'));
  const rows = readDataRows(params.raw('data'));
  assertCapacity(sandbox, rows.length);
  for (const row of rows) {
    if (!isDialablePhone(row.telephone)) continue;
    sandbox.store.addRow(task, row.outid, row.telephone, row.variable);
  }
  sandbox.dialer.dispatch();
  return success('提交数据成功');
};

/** add_task_file_data: rows from an .xlsx (layout in workbook.ts). */
export const addTaskFileData: Handler = async ({ params, sandbox }) => {
  const task = requireOpenTask(sandbox, params.text('taskid'));
  const file = params.file;
  if (!file || file.bytes.length === 0) reject('320031');
  if (file.bytes.length > MAX_FILE_BYTES) reject('320029', '文件大小超过5MB');
  const rows = await readCallListWorkbook(file.bytes);
  assertCapacity(sandbox, rows.length);
  let successCount = 0;
  let repeatCount = 0;
  const errorRows: number[] = [];
  for (const row of rows) {
    if (!row.outid || !isDialablePhone(row.telephone)) errorRows.push(row.rowNumber);
    else if (sandbox.store.addRow(task, row.outid, row.telephone, row.variable)) successCount++;
    else repeatCount++;
  }
  sandbox.dialer.dispatch();
  const message = `本次导入数据${rows.length}条,成功${successCount}条,过滤免打扰客户数据0条,失败${errorRows.length}条`;
  return success(message, {
    counts: rows.length,
    defeat_counts: errorRows.length,
    repeat_counts: repeatCount,
    success_counts: successCount,
    filter_count: 0,
    error_data: errorRows,
  });
};

/**
 * delete_task_data: a row not yet dialled is removed (it will not be dialled and its outid may
 * be uploaded again); a row already dialled stays, its results flagged del_flag -1. del_counts
 * counts both; unknown outids are ignored. More than 100 outids → 320033.
 */
export const deleteTaskData: Handler = ({ params, sandbox }) => {
  const task = sandbox.store.mustFind(params.text('taskid'));
  const outids = (params.text('outid') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (outids.length === 0) reject('320032');
  if (outids.length > MAX_OUTIDS_PER_DELETE) reject('320033');
  let deleted = 0;
  for (const outid of new Set(outids)) {
    const row = task.rowsByOutid.get(outid);
    if (!row) continue;
    if (row.state === 'pending') {
      row.state = 'removed';
      task.rowsByOutid.delete(outid);
      task.pendingRows--;
      task.liveRows--;
      deleted++;
    } else if (!row.deleted) {
      row.deleted = true;
      deleted++;
    }
  }
  return success('删除成功', { del_counts: deleted });
};
