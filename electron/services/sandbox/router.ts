/**
 * The 18 iCall V1 endpoints, their HTTP methods, and the common steps around each handler:
 * credentials first (320001), then the handler, then turning any error into the vendor's
 * envelope. Nothing thrown inside a handler escapes: an unexpected error answers 329999.
 */

import { credentialsMatch } from './account';
import { failure, SandboxError, type Reply } from './codes';
import type { RequestParams } from './params';
import type { SandboxState } from './state';
import { checkLoginName, queryNumber, queryRobotNum, queryTemplate } from './handlers/account';
import type { Handler } from './handlers/context';
import { addTaskData, addTaskFileData, deleteTaskData } from './handlers/data';
import { callsCount, queryTaskData, queryTimeTaskData } from './handlers/results';
import {
  addTask,
  deleteTask,
  editorTask,
  endTask,
  pauseTask,
  queryTask,
  queryTaskInfo,
  resumeTask,
} from './handlers/tasks';

/** Where the endpoints live under the server's origin. */
export const API_PREFIX = '/api/icall/5/task/';

export interface Route {
  method: 'GET' | 'POST';
  handler: Handler;
  /** The endpoint may change tasks or rows (what a state file keeps); queries do not. */
  changes?: true;
}

/** Methods per the document and spec README (editor_task is GET; three POSTs are form-encoded). */
export const ROUTES = {
  check_login_name: { method: 'GET', handler: checkLoginName },
  query_template: { method: 'GET', handler: queryTemplate },
  query_robot_num: { method: 'GET', handler: queryRobotNum },
  query_number: { method: 'GET', handler: queryNumber },
  add_task: { method: 'POST', handler: addTask, changes: true },
  add_task_data: { method: 'POST', handler: addTaskData, changes: true },
  add_task_file_data: { method: 'POST', handler: addTaskFileData, changes: true },
  query_task_data: { method: 'GET', handler: queryTaskData },
  query_task: { method: 'GET', handler: queryTask },
  editor_task: { method: 'GET', handler: editorTask, changes: true },
  pause_task: { method: 'GET', handler: pauseTask, changes: true },
  resume_task: { method: 'GET', handler: resumeTask, changes: true },
  end_task: { method: 'GET', handler: endTask, changes: true },
  query_task_info: { method: 'GET', handler: queryTaskInfo },
  delete_task: { method: 'GET', handler: deleteTask, changes: true },
  delete_task_data: { method: 'POST', handler: deleteTaskData, changes: true },
  calls_count: { method: 'GET', handler: callsCount },
  query_time_task_data: { method: 'GET', handler: queryTimeTaskData },
} as const satisfies Record<string, Route>;

export type SandboxEndpoint = keyof typeof ROUTES;

export const ENDPOINT_NAMES = Object.keys(ROUTES) as SandboxEndpoint[];

export function isEndpoint(name: string): name is SandboxEndpoint {
  return Object.prototype.hasOwnProperty.call(ROUTES, name);
}

/** Runs one endpoint: credentials, handler, envelope. Never throws. */
export async function runEndpoint(
  endpoint: SandboxEndpoint,
  params: RequestParams,
  sandbox: SandboxState,
): Promise<Reply> {
  try {
    if (!credentialsMatch(params.text('appid'), params.text('signature'))) return failure('320001');
    const route: Route = ROUTES[endpoint];
    try {
      return await route.handler({ params, sandbox });
    } finally {
      // After the handler (the file upload awaits before it stores rows), refused or not: a
      // refused request costs at most one needless save.
      if (route.changes) sandbox.touch();
    }
  } catch (error) {
    if (error instanceof SandboxError) return failure(error.code, error.message);
    sandbox.log.error('sandbox handler failed', { endpoint, error: String(error) });
    return failure('329999');
  }
}
