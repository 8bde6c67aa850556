/**
 * Answers a request for `/media/<id>` the same way in every host: the Electron `app://`
 * protocol and the browser harness both call `serveMedia()` and only translate the reply into
 * their own response type. HEAD and single byte ranges are supported, because audio elements
 * ask for ranges to seek; only the bytes asked for are read from the file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parseByteRange } from '../http/byteRange';
import { MEDIA_ROUTE, type MediaProxy } from './proxy';

export interface MediaReply {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and for errors. */
  body: Uint8Array<ArrayBuffer> | null;
}

const plain = (status: number, extra: Record<string, string> = {}): MediaReply => ({
  status,
  headers: { 'content-length': '0', ...extra },
  body: null,
});

/** Whether a request path belongs to the media proxy. */
export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith(MEDIA_ROUTE);
}

/**
 * The reply for a media path. The id must be exactly what the proxy issued (no decoding, no
 * separators), so no request can name a file of its own choosing.
 */
export async function serveMedia(
  proxy: MediaProxy,
  pathname: string,
  request: { method: string; range?: string | null },
): Promise<MediaReply> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, { allow: 'GET, HEAD' });
  const id = pathname.slice(MEDIA_ROUTE.length);
  const file = isMediaPath(pathname) ? await proxy.open(id) : null;
  if (!file) return plain(404);
  let handle: FileHandle;
  try {
    handle = await open(file.path, 'r');
  } catch {
    return plain(404);
  }
  try {
    const size = (await handle.stat()).size;
    const range = parseByteRange(request.range, size);
    if (range === 'invalid') return plain(416, { 'content-range': `bytes */${size}` });
    const [start, end] = range ?? [0, size - 1];
    const headers: Record<string, string> = {
      'content-type': file.format.contentType,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    };
    if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    if (request.method === 'HEAD') return { status: range ? 206 : 200, headers, body: null };
    const body = new Uint8Array(end - start + 1);
    let at = 0;
    while (at < body.length) {
      const { bytesRead } = await handle.read(body, at, body.length - at, start + at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // Shorter than its size said (cut while being read): no reply rather than zeros.
    if (at < body.length) return plain(404);
    return { status: range ? 206 : 200, headers, body };
  } catch {
    return plain(404);
  } finally {
    await handle.close();
  }
}
