import { accountsOver } from './providers';
/**
 * Helpers shared by the upload tests, the upload fault child and the upload benchmark: a call
 * list in a real SQLite file, a client for the sandbox's demo account, a task to upload into
 * and an upload service over them.
 */
import { openListServices, type ListServices } from '../../electron/services/lists';
import { ImportSession } from '../../electron/services/lists/importSession';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../electron/services/sandbox/index';
import { createSobotClient, type SobotClient } from '../../electron/services/sobot/index';
import {
  createUploadService,
  type UploadService,
  type UploadServiceDeps,
} from '../../electron/services/uploads';

export const TEMPLATE_SURVEY = '6a9b98410bd44470ae4660275c14792f';
export const CALLER = '02180344315';
export const ACCOUNT = 'sandbox';

/** A list row as the importer would hand it over. */
export interface TestRow {
  telephone: string;
  variables?: string[];
  outid?: string;
}

/** Distinct valid mobiles: 139xxxxxxxx from `from`. */
export function mobiles(count: number, from = 0): TestRow[] {
  return Array.from({ length: count }, (_, i) => ({
    telephone: `139${String(from + i).padStart(8, '0')}`,
    variables: [`客户${from + i}`, `公司${(from + i) % 7}`],
  }));
}

/** Creates a ready list (variables `姓名`, `公司`) from rows; answers its id. */
export function makeList(services: ListServices, rows: readonly TestRow[], name = '名单'): number {
  const session = new ImportSession(services.store, {
    name,
    sourceFile: null,
    sourceSheet: null,
    headerRow: 1,
    columns: {
      telephoneHeader: '手机号码',
      outidHeader: rows.some((r) => r.outid) ? 'outid' : null,
      variables: ['姓名', '公司'],
      order: ['telephone', 'outid', 'var:姓名', 'var:公司'],
    },
  });
  const chunk = 5_000;
  for (let i = 0; i < rows.length; i += chunk) {
    session.append(
      rows.slice(i, i + chunk).map((row, k) => ({
        sourceRow: i + k + 2,
        telephoneRaw: row.telephone,
        outid: row.outid ?? null,
        variables: row.variables ?? ['', ''],
      })),
    );
  }
  return session.finish().id;
}

/** A client for the sandbox's demo account, with short retry waits. */
export function sandboxClient(
  url: string,
  options: { maxConcurrency?: number; fetch?: typeof fetch } = {},
): SobotClient {
  return createSobotClient({
    baseUrl: url,
    appid: SANDBOX_APPID,
    signature: SANDBOX_SIGNATURE,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

/** A permanent, all-day task with one robot. */
export async function createTask(client: SobotClient, name = '上传测试'): Promise<string> {
  const { taskid } = await client.addTask({
    templateid: TEMPLATE_SURVEY,
    task_name: `${name}-${Math.random().toString(36).slice(2, 8)}`,
    telephone: CALLER,
    robot_num: 1,
    time_type: 2,
    call_time_slot: '00:00-24:00',
  });
  return taskid;
}

/** Opens the data folder's database and an upload service whose every account uses `client`. */
export function openUploads(
  dataDir: string,
  client: SobotClient,
  options: Partial<UploadServiceDeps> = {},
): { services: ListServices; uploads: UploadService } {
  const services = openListServices(dataDir);
  const uploads = createUploadService({
    db: services.db,
    lists: services.store,
    ...accountsOver(client, ACCOUNT),
    ...options,
  });
  return { services, uploads };
}
