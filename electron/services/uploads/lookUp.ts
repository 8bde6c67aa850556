import type { UploadRowState } from '../../../shared/uploads';
import type { Provider } from '../providers/types';
import type { RowOutcome } from './journal';

/** Reconciliation answers journaled per transaction (a crash mid-way keeps what was learnt). */
const RECONCILE_COMMIT_EVERY = 100;

/** An outcome decided from a look-up, with the state the row had. */
export type LookedUp = RowOutcome & { from: UploadRowState };

/**
 * Looks outids up on the task (the runner's reconcile and verify), `decide` turning each answer
 * into an outcome or none; every {@link RECONCILE_COMMIT_EVERY} outcomes are handed to `write`
 * in turn, after the ones before them, while the look-up goes on. The first write that fails
 * stops the writing and is thrown once the look-up has ended.
 */
export async function lookUpRows(
  provider: Provider,
  taskId: string,
  outids: readonly string[],
  concurrency: number,
  decide: (outid: string, onTask: boolean) => LookedUp | null,
  write: (outcomes: LookedUp[]) => Promise<void>,
): Promise<void> {
  let buffer: LookedUp[] = [];
  let written: Promise<void> = Promise.resolve();
  // A holder: the flushes' callbacks write it, the end reads it.
  const trouble: { failed?: { error: unknown } } = {};
  const flush = (): void => {
    if (buffer.length === 0) return;
    const outcomes = buffer;
    buffer = [];
    written = written
      .then(async () => {
        if (!trouble.failed) await write(outcomes);
      })
      .catch((error: unknown) => {
        trouble.failed ??= { error };
      });
  };
  const lookUp = provider.lookUpRows;
  if (!lookUp) return;
  try {
    await lookUp.call(provider, taskId, outids, concurrency, (outid, onTask) => {
      const outcome = decide(outid, onTask);
      if (outcome) buffer.push(outcome);
      if (buffer.length >= RECONCILE_COMMIT_EVERY) flush();
    });
  } finally {
    flush();
    await written;
  }
  if (trouble.failed) throw trouble.failed.error;
}
