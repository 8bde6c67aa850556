import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { RecordingInfo } from '../../../shared/results';
import { AppFailure } from '../contract/failure';
import { MEDIA_ROUTE, type MediaProxy } from '../media/proxy';
import type { RecordingRef } from '../providers/types';
import { peaksPerSecondFor } from './peaks';
import { PeaksCache, type StoredPeaks } from './peaksCache';
import { durationMsOf, isDecodable, isWav, peaksOfWav, readWavInfo, WavError } from './wav';

/** HTTP answers of object storage that mean the signed address has expired or the file is gone. */
const EXPIRED = /^HTTP (401|403|404|410)$/;

export interface RecordingServiceDeps {
  media: MediaProxy;
  peaks: PeaksCache;
}

/** The key recordings are cached under: the SHA-256 of the address (which may carry a signature). */
export function recordingKey(remoteUrl: string): string {
  return createHash('sha256').update(remoteUrl).digest('hex');
}

/**
 * Call recordings for the review pane: fetched by main through the media proxy (cached on disk,
 * A-law turned into PCM there), served from the app's own origin, with waveform peaks computed
 * once in main — from the bytes as downloaded, so A-law straight from its codes — and kept on
 * disk so reopening a call draws at once. Audio main cannot decode
 * (mp3…) is decoded by the renderer, which then hands its peaks back to be kept.
 */
export class RecordingService {
  constructor(private readonly deps: RecordingServiceDeps) {}

  /**
   * Prepares a call's recording (null: the call has none). A provider reference needs the
   * provider's own fetcher (a signed request); without one it cannot be shown.
   */
  async open(
    ref: RecordingRef | null,
    fetchFromProvider?: (ref: string, control?: { signal?: AbortSignal }) => Promise<Uint8Array>,
    trustedHosts: readonly string[] = [],
  ): Promise<RecordingInfo> {
    if (!ref) return { ok: false, problem: 'none' };
    if (ref.kind === 'provider' && !fetchFromProvider) return { ok: false, problem: 'unavailable' };
    const key = recordingKey(ref.kind === 'url' ? ref.url : `provider:${ref.ref}`);
    // A download hands over its bytes as they came (A-law as A-law): peaks come from them.
    let downloaded: Uint8Array | null = null;
    const fetched = (bytes: Uint8Array): void => {
      downloaded = bytes;
    };
    let url: string;
    try {
      url =
        ref.kind === 'url'
          ? await this.deps.media.localUrl(ref.url, { trustedHosts, fetched })
          : await this.deps.media.localUrlOf(
              ref.ref,
              (signal) => fetchFromProvider!(ref.ref, signal ? { signal } : {}),
              { fetched },
            );
    } catch (error) {
      return this.problemOf(error);
    }
    const cached = this.deps.peaks.read(key);
    if (cached) return this.answer(url, key, cached);
    const bytes = downloaded ?? (await this.cachedBytes(url));
    if (!bytes) return { ok: false, problem: 'unavailable' };
    if (!isWav(bytes)) return { ok: true, url, durationMs: null, peaks: null, peaksPerSecond: 0, key };
    try {
      const info = readWavInfo(bytes);
      if (!isDecodable(info))
        return { ok: false, problem: 'undecodable', detail: `WAV format ${info.format}` };
      const durationMs = durationMsOf(info);
      const peaksPerSecond = peaksPerSecondFor(durationMs);
      const stored: StoredPeaks = {
        durationMs,
        peaksPerSecond,
        peaks: peaksOfWav(bytes, info, peaksPerSecond),
      };
      this.deps.peaks.write(key, stored);
      return this.answer(url, key, stored);
    } catch (error) {
      if (error instanceof WavError) return { ok: false, problem: 'undecodable', detail: error.message };
      throw error;
    }
  }

  /** The file the proxy keeps for a local URL (already downloaded: the peaks were evicted). */
  private async cachedBytes(url: string): Promise<Uint8Array | null> {
    const file = await this.deps.media.open(url.slice(url.lastIndexOf(MEDIA_ROUTE) + MEDIA_ROUTE.length));
    return file ? new Uint8Array(await readFile(file.path)) : null;
  }

  /** Keeps peaks the renderer computed for audio main does not decode. */
  storePeaks(key: string, stored: StoredPeaks): { stored: boolean } {
    this.deps.peaks.write(key, stored);
    return { stored: true };
  }

  private answer(url: string, key: string, stored: StoredPeaks): RecordingInfo {
    return {
      ok: true,
      url,
      key,
      durationMs: stored.durationMs,
      peaks: stored.peaks,
      peaksPerSecond: stored.peaksPerSecond,
    };
  }

  private problemOf(error: unknown): RecordingInfo {
    if (!(error instanceof AppFailure)) throw error;
    if (error.code === 'media.fetch_failed' && error.detail && EXPIRED.test(error.detail)) {
      return { ok: false, problem: 'expired', detail: error.detail };
    }
    if (error.code === 'media.bad_type') return { ok: false, problem: 'undecodable', detail: error.code };
    if (error.code === 'media.private_host') return { ok: false, problem: 'refused', detail: error.code };
    return { ok: false, problem: 'unavailable', detail: error.code };
  }
}
