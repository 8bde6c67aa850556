import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB. On Linux it is `VmHWM` from /proc: getrusage's
 * maxRSS (`process.resourceUsage().maxRSS`) is carried over from the parent across fork and exec,
 * so a child of a big test runner would report the runner's peak. Elsewhere, maxRSS.
 */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
