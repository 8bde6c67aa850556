import { processAlive } from '../processes';
import { uploadFailure } from './errors';
import type { UploadRecord } from './journal';

/**
 * How long a running upload may stay silent before another process takes it over even though
 * its process id is still alive (the id may have been reused after a crash). Ten minutes: a
 * 5 MB workbook on a slow line can take minutes, and a batch refreshes the heartbeat.
 */
export const STALE_HEARTBEAT_MS = 10 * 60_000;

/**
 * Whether `owner` may run this upload now: it is not running, or this very service runs it, or
 * its runner died (process gone, or silent for {@link STALE_HEARTBEAT_MS}).
 */
export function mayTakeOver(
  record: UploadRecord,
  owner: { pid: number; token: string },
  now: number,
  alive: (pid: number) => boolean = processAlive,
): boolean {
  if (record.state !== 'running') return true;
  if (record.owner_token === owner.token) return true;
  if (record.owner_pid === null || record.heartbeat_at === null) return true;
  if (now - record.heartbeat_at > STALE_HEARTBEAT_MS) return true;
  // The same process with another service instance (a test, a second window's host) is alive
  // by definition, so only the heartbeat can free it.
  if (record.owner_pid === process.pid) return false;
  return !alive(record.owner_pid);
}

/** The record's fields for a `running` upload whose runner is gone: failed, `uploads.interrupted`. */
export function interruptedFields(): Pick<
  UploadRecord,
  'state' | 'requested' | 'error_code' | 'error_detail' | 'error_text'
> {
  const failure = uploadFailure('uploads.interrupted');
  return {
    state: 'failed',
    requested: null,
    error_code: failure.code,
    error_detail: null,
    error_text: JSON.stringify(failure.text),
  };
}
