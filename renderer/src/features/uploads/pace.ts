import type { ProviderCapabilities } from '../../../../shared/providers';
import type { UploadProgress } from '../../../../shared/uploads';

/** How fast an upload goes: the provider's ceiling, the measured rate and the time left. */
export interface UploadPace {
  /** Rows per second the provider allows at most (batch rows × requests in flight per spacing). */
  ceiling: number | null;
  /** Rows per second measured since this run began (0 until the first answer). */
  measured: number;
  /** Seconds left at the measured rate (or the ceiling before a measure exists); null if unknown. */
  secondsLeft: number | null;
}

/**
 * The pace shown while rows go out. The measured rate wins once there is one: the provider's
 * ceiling is a bound, not a promise (a slow network or split requests go below it).
 */
export function uploadPace(
  rows: ProviderCapabilities['rows'] | null,
  progress: Pick<UploadProgress, 'rowsPerSecond' | 'pending'>,
): UploadPace {
  const ceiling =
    rows && rows.minSpacingMs > 0
      ? (rows.batchRows * Math.max(1, rows.inFlight) * 1000) / rows.minSpacingMs
      : null;
  const measured = progress.rowsPerSecond;
  const rate = measured > 0 ? measured : ceiling;
  const secondsLeft = rate && rate > 0 ? Math.ceil(progress.pending / rate) : null;
  return { ceiling, measured, secondsLeft };
}

/** Seconds as m:ss (or h:mm:ss), the way a countdown reads. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
