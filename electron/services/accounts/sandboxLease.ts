/**
 * One sandbox per data folder. The app and CLI commands on the same data folder would otherwise
 * each run a sandbox over the same saved state, and the last to save would erase what the other
 * did. The process that starts the sandbox writes `<state file>.lock` with its pid and URL;
 * another process finding a live one uses that sandbox over loopback instead of starting its own.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { processAlive } from '../processes';

interface Lease {
  pid: number;
  url: string;
}

/** How long a probe of the leased sandbox may take before it counts as gone. */
const PROBE_TIMEOUT_MS = 1_500;

export function leasePath(stateFile: string): string {
  return `${stateFile}.lock`;
}

function readLease(path: string): Lease | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Lease>;
    return typeof value.pid === 'number' && typeof value.url === 'string' ? (value as Lease) : null;
  } catch {
    return null;
  }
}

/** Whether a sandbox answers at `url` (any iCall-shaped JSON, even an error, counts). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}query_robot_num`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const body = (await response.json()) as { ret_code?: unknown };
    return typeof body.ret_code === 'string';
  } catch {
    return false;
  }
}

/** The URL of the sandbox another process (or provider) runs for this state file, if it is alive. */
export async function sharedSandbox(stateFile: string): Promise<string | null> {
  const lease = readLease(leasePath(stateFile));
  if (!lease || !processAlive(lease.pid)) return null;
  return (await answers(lease.url)) ? lease.url : null;
}

/**
 * Records that this process serves the sandbox at `url`. Answers false when another live one
 * took the lease first (then use theirs); a stale lease is replaced.
 */
export async function takeLease(stateFile: string, url: string): Promise<boolean> {
  const path = leasePath(stateFile);
  const text = JSON.stringify({ pid: process.pid, url } satisfies Lease);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return true; // unwritable folder: run unshared
      if (await sharedSandbox(stateFile)) return false;
      rmSync(path, { force: true });
    }
  }
  return true;
}

/** Gives the lease up, unless another process holds it by now. */
export function releaseLease(stateFile: string, url: string): void {
  const path = leasePath(stateFile);
  const lease = readLease(path);
  if (lease && lease.pid === process.pid && lease.url === url) rmSync(path, { force: true });
}
