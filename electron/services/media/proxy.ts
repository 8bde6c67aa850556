/**
 * The media proxy. The renderer may only load media from the app's own origin (CSP
 * `media-src 'self'`), so main downloads remote audio — template clips now, call recordings
 * next — caches it on disk, and hands the renderer an opaque local URL (`/media/<id>`) that
 * every host serves with `serveMedia()`.
 *
 * Ids are an HMAC of the remote URL under a key made at start-up: they reveal nothing about the
 * URL (which may carry a storage signature), cannot be guessed, and only name URLs main itself
 * registered — the renderer can never make main fetch an address of its choosing.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { silentLogger, type Logger } from '../log';
import { MediaDiskCache, type CachedMedia } from './diskCache';
import { decideFormat } from './audioType';
import { guardedFetch, type Resolve } from './destination';
import { fetchAudio, httpUrlOrThrow, mediaFailure } from './fetchAudio';
import { playableAudio } from '../recordings/wav';

export type { CachedMedia } from './diskCache';

export interface MediaProxyOptions {
  /** The cache folder (under the data folder). */
  dir: string;
  /** What local URLs start with: `/media/` (default, same origin) or `app://campaign-desk/media/`. */
  publicPrefix?: string;
  /** Largest file accepted (default 30 MB: about 30 minutes of 8 kHz 16-bit mono WAV). */
  maxFileBytes?: number;
  /** Total size of the cache folder (default 500 MB). */
  maxCacheBytes?: number;
  /** For one whole download (default 20 s). */
  timeoutMs?: number;
  /** Injected for tests; default: a fetch that connects only to public or trusted addresses. */
  fetch?: typeof globalThis.fetch;
  /** How host names are resolved for the destination check (tests pass their own). */
  resolve?: Resolve;
  /** Hosts trusted for every download (tests serving from loopback); accounts give theirs per call. */
  trustedHosts?: readonly string[];
  log?: Logger;
}

/** How one download may go. */
export interface MediaFetchOptions {
  signal?: AbortSignal;
  /**
   * Hosts that may be on this machine or its network: the account's own (the embedded sandbox,
   * a tenant's server on the LAN). Any other private or loopback address is refused.
   */
  trustedHosts?: readonly string[];
  /**
   * Called with the file as downloaded, before it is converted for playing (A-law as A-law),
   * when this call is the one that downloads it; not on a cache hit. Must not throw.
   */
  fetched?: (bytes: Uint8Array) => void;
}

/** Fetches a file a provider holds (a signed POST, say), as its bytes. */
export type MediaFetcher = (signal?: AbortSignal) => Promise<Uint8Array>;

export interface MediaProxy {
  /**
   * Downloads `remoteUrl` (or finds it in the cache) and answers the local URL to play it.
   * @throws AppFailure with a `media.*` code
   */
  localUrl(remoteUrl: string, options?: MediaFetchOptions): Promise<string>;
  /**
   * The same for a file only a provider can fetch: `ref` names it (the cache key), `fetch` gets
   * its bytes (checked for an audio type and the size cap like a download).
   * @throws AppFailure with a `media.*` code
   */
  localUrlOf(
    ref: string,
    fetch: MediaFetcher,
    options?: Pick<MediaFetchOptions, 'signal' | 'fetched'>,
  ): Promise<string>;
  /** The cached file behind a local id, fetched again if it was evicted; null when unknown. */
  open(id: string): Promise<CachedMedia | null>;
}

export const MEDIA_ROUTE = '/media/';
const ID = /^[0-9a-f]{40}$/;
/** Registered ids kept in memory; the oldest are dropped past this. */
const MAX_IDS = 20_000;

export const DEFAULT_MEDIA_LIMITS = {
  maxFileBytes: 30 * 1024 * 1024,
  maxCacheBytes: 500 * 1024 * 1024,
  timeoutMs: 20_000,
} as const;

/** Creates a media proxy over a cache folder. Nothing is fetched until asked. */
export function createMediaProxy(options: MediaProxyOptions): MediaProxy {
  const prefix = options.publicPrefix ?? MEDIA_ROUTE;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MEDIA_LIMITS.maxFileBytes;
  const cache = new MediaDiskCache(options.dir, options.maxCacheBytes ?? DEFAULT_MEDIA_LIMITS.maxCacheBytes);
  // The default checks the address connected to as well (see destination.ts); one per set of trusted hosts.
  const guarded = new Map<string, typeof globalThis.fetch>();
  const fetchFor = (trusted: readonly string[]): typeof globalThis.fetch => {
    if (options.fetch) return options.fetch;
    const key = [...trusted].sort().join(' ');
    let fetch = guarded.get(key);
    if (!fetch) guarded.set(key, (fetch = guardedFetch(trusted)));
    return fetch;
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_MEDIA_LIMITS.timeoutMs;
  const log = options.log ?? silentLogger;
  const secret = randomBytes(32);
  /** What each local id stands for: a URL to GET, or a provider's file and how to fetch it. */
  type Source = { url: string; trusted: readonly string[] } | { ref: string; fetch: MediaFetcher };
  const sources = new Map<string, Source>();
  const inFlight = new Map<string, Promise<CachedMedia>>();

  const keyOf = (url: string): string => createHash('sha256').update(url).digest('hex');
  const idOf = (url: string): string => createHmac('sha256', secret).update(url).digest('hex').slice(0, 40);

  const nameOf = (source: Source): string => ('url' in source ? source.url : `provider:${source.ref}`);

  /** A provider's file, held to the same type and size rules as a download. */
  const fetchProviderFile = async (fetch: MediaFetcher, signal?: AbortSignal) => {
    const bytes = await fetch(signal);
    if (bytes.byteLength > maxFileBytes)
      throw mediaFailure('media.too_large', undefined, { max: (maxFileBytes / 1024 / 1024).toFixed(0) });
    const format = decideFormat('', bytes);
    if (!format) throw mediaFailure('media.bad_type');
    return { bytes, format };
  };

  /** The cached file for a source, fetching it once however many ask together. */
  const ensure = (
    source: Source,
    signal?: AbortSignal,
    fetched?: (bytes: Uint8Array) => void,
  ): Promise<CachedMedia> => {
    const key = keyOf(nameOf(source));
    const hit = cache.find(key);
    if (hit) {
      cache.touch(hit);
      return Promise.resolve(hit);
    }
    let pending = inFlight.get(key);
    if (!pending) {
      const download =
        'url' in source
          ? fetchAudio(source.url, {
              fetch: fetchFor(source.trusted),
              maxBytes: maxFileBytes,
              timeoutMs,
              trustedHosts: source.trusted,
              ...(options.resolve ? { resolve: options.resolve } : {}),
              ...(signal ? { signal } : {}),
            })
          : fetchProviderFile(source.fetch, signal);
      pending = download
        .then(({ bytes, format }) => {
          fetched?.(bytes);
          try {
            // G.711 WAV is stored as PCM: browsers cannot decode A-law/μ-law (recordings/wav.ts).
            return cache.put(key, format.ext === 'wav' ? playableAudio(bytes) : bytes, format);
          } catch (error) {
            log.warn('media: could not write the cache', { error: String(error) });
            throw mediaFailure('media.cache_failed');
          }
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };

  const register = async (
    source: Source,
    signal?: AbortSignal,
    fetched?: (bytes: Uint8Array) => void,
  ): Promise<string> => {
    await ensure(source, signal, fetched);
    const id = idOf(nameOf(source));
    sources.delete(id);
    sources.set(id, source);
    if (sources.size > MAX_IDS) sources.delete(sources.keys().next().value!);
    return `${prefix}${id}`;
  };

  return {
    async localUrl(remoteUrl, callOptions = {}) {
      const url = httpUrlOrThrow(remoteUrl).toString();
      const trusted = [...(options.trustedHosts ?? []), ...(callOptions.trustedHosts ?? [])];
      return register({ url, trusted }, callOptions.signal, callOptions.fetched);
    },
    localUrlOf(ref, fetch, callOptions = {}) {
      return register({ ref, fetch }, callOptions.signal, callOptions.fetched);
    },
    async open(id) {
      if (!ID.test(id)) return null;
      const source = sources.get(id);
      if (source === undefined) return null;
      try {
        return await ensure(source);
      } catch (error) {
        log.warn('media: could not fetch an evicted file again', {
          code: error instanceof Error && 'code' in error ? String(error.code) : 'unknown',
        });
        return null;
      }
    },
  };
}
