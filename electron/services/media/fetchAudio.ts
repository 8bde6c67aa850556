/**
 * Downloads one audio file for the media proxy: http(s) only, a size cap checked on the
 * declared length and again while reading, one timeout for the whole download (headers and
 * body), and a content-type check before and after the bytes arrive.
 */
import { format } from '../../../shared/locale';
import { MEDIA_ERRORS, type MediaErrorCode } from '../../../shared/codes/media';
import { AppFailure } from '../contract/failure';
import { BodyTooLargeError, declaredTooLarge, readCapped } from '../http/body';
import { acceptableDeclaredType, decideFormat, mediaTypeOf, type AudioFormat } from './audioType';
import { destinationAllowed, resolveHost, type Resolve } from './destination';

/** A failure of the media proxy, with its localised text (`{max}` filled in). */
export function mediaFailure(
  code: MediaErrorCode,
  detail?: string,
  params?: Record<string, string | number>,
): AppFailure {
  const text = MEDIA_ERRORS[code];
  return new AppFailure(
    code,
    { 'zh-CN': format(text['zh-CN'], params), en: format(text.en, params) },
    detail,
  );
}

/** Parses an http(s) URL; anything else (file:, data:, ftp:, garbage) is refused. */
export function httpUrlOrThrow(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw mediaFailure('media.not_http');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw mediaFailure('media.not_http');
  return url;
}

export interface FetchAudioOptions {
  fetch: typeof globalThis.fetch;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Hosts that may be on this machine or its network (the account's own). */
  trustedHosts?: readonly string[];
  /** How host names are resolved for the destination check (tests pass their own). */
  resolve?: Resolve;
}

/** Redirect hops followed (each re-checked like the first URL). */
const MAX_REDIRECTS = 3;

export interface FetchedAudio {
  bytes: Uint8Array;
  format: AudioFormat;
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0);

/**
 * Fetches `raw` and answers its bytes and audio format.
 * @throws AppFailure `media.not_http`, `media.too_large`, `media.bad_type`, `media.timeout`,
 *   `media.fetch_failed` (detail: the HTTP status or the low-level reason, never the URL)
 */
export async function fetchAudio(raw: string, options: FetchAudioOptions): Promise<FetchedAudio> {
  const url = httpUrlOrThrow(raw);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const trusted = options.trustedHosts ?? [];
    const resolve = options.resolve ?? resolveHost;
    let target = url;
    let response: Response;
    for (let hop = 0; ; hop++) {
      if (!(await destinationAllowed(target, trusted, resolve))) throw mediaFailure('media.private_host');
      response = await options.fetch(target, { signal: controller.signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw mediaFailure('media.fetch_failed', 'too many redirects');
      target = httpUrlOrThrow(new URL(location, target).toString());
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw mediaFailure('media.fetch_failed', `HTTP ${response.status}`);
    }
    const contentType = mediaTypeOf(response.headers.get('content-type'));
    if (!acceptableDeclaredType(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      throw mediaFailure('media.bad_type', contentType);
    }
    if (declaredTooLarge(response.headers, options.maxBytes)) {
      await response.body?.cancel().catch(() => undefined);
      throw mediaFailure('media.too_large', undefined, { max: megabytes(options.maxBytes) });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response.body, options.maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        throw mediaFailure('media.too_large', undefined, { max: megabytes(options.maxBytes) });
      throw error;
    }
    const format = decideFormat(contentType, bytes);
    if (!format) throw mediaFailure('media.bad_type', contentType || undefined);
    return { bytes, format };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    if (timedOut) throw mediaFailure('media.timeout');
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    // The connection itself refused a private address (see destination.ts).
    if (cause === 'EPRIVATEADDRESS') throw mediaFailure('media.private_host');
    throw mediaFailure('media.fetch_failed', typeof cause === 'string' ? cause : undefined);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
