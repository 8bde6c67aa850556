/**
 * The process the upload fault test kills: uploads a list into a task of a sandbox through the
 * upload service, as the CLI does (start, or resume the unfinished upload of that list into that
 * task), printing `batch N` after every answered request and `done STATE` at the end.
 * Usage: uploadChild.ts DATA_DIR SANDBOX_URL LIST_ID TASK_ID [SETTLE_MS]
 */
import { openUploads, sandboxClient } from './uploads';

const [dataDir, url, listArg, taskId, settleArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const listId = Number(listArg);
// How long rows cut off by the kill stay unseen before they count as not sent (see runner.ts).
const settleMs = settleArg === undefined ? undefined : Number(settleArg);
const { services, uploads } = openUploads(dataDir, sandboxClient(url), {
  batchRows: 100,
  ...(settleMs !== undefined ? { settleMs } : {}),
});
const plan = await uploads.plan({ listId, taskId });
let last = -1;
const onProgress = (p: { batchesDone: number }): void => {
  if (p.batchesDone === last) return;
  last = p.batchesDone;
  process.stdout.write(`batch ${p.batchesDone}\n`);
};
const handle =
  plan.unfinishedUploadId === null
    ? await uploads.start({ listId, taskId }, { onProgress })
    : await uploads.resume(plan.unfinishedUploadId, { onProgress });
const summary = await handle.done;
process.stdout.write(`done ${summary.state} ${JSON.stringify(summary.outcome)}\n`);
services.close();
