import type { SobotClient } from '../api';

/**
 * Asks the provider, for each outid, whether the task holds it (query_task_data answers
 * `data: null` for an outid the task does not have). Runs `concurrency` queries at a time; the
 * client's own limiter bounds them too. The first failure stops the others and is thrown, so a
 * row is only ever decided on an actual answer.
 * @param onAnswer called with each answer as it arrives, so callers can journal progress
 */
export async function findOnTask(
  client: SobotClient,
  taskId: string,
  outids: readonly string[],
  concurrency: number,
  onAnswer: (outid: string, onTask: boolean) => void,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < outids.length) {
      const outid = outids[next++] as string;
      try {
        const data = await client.queryTaskData({ taskid: taskId, outid });
        onAnswer(outid, data !== null);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, outids.length)) }, worker);
  const results = await Promise.allSettled(workers);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
