/**
 * Serving recordings: `/sandbox-media/call/<callid>.wav` and
 * `/sandbox-media/template/<templateid>/<n>.wav`, with HEAD and single byte ranges (audio
 * elements and download resumers use them), as the vendor's object storage does.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from '../http/byteRange';
import { planOfCall } from './dialer';
import { MEDIA_PREFIX, renderCallRecording, renderTemplateClip, type RecordingCache } from './recording';
import type { SandboxState } from './state';
import { findTemplate } from './templates';

function notFound(res: ServerResponse): void {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
  res.writeHead(404, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The recording bytes a media path names, or null. */
function lookup(path: string, sandbox: SandboxState, cache: RecordingCache): Buffer | null {
  const rest = path.slice(MEDIA_PREFIX.length);
  const call = /^call\/(soboticall[0-9a-f]+)\.wav$/.exec(rest);
  if (call) {
    const record = sandbox.store.call(call[1]!);
    const task = record ? sandbox.store.get(record.taskId) : undefined;
    if (!record || !task || task.mode === 'deleted') return null;
    return cache.get(record.callid, () => renderCallRecording(record.callid, planOfCall(task, record)));
  }
  const clip = /^template\/([0-9a-f]+)\/(\d+)\.wav$/.exec(rest);
  if (clip) {
    const template = findTemplate(clip[1]!);
    const n = Number(clip[2]);
    if (!template || n < 1 || n > template.recordCount) return null;
    return cache.get(`${template.templateid}/${n}`, () => renderTemplateClip(template, n));
  }
  return null;
}

/** Answers a GET or HEAD for a media path. */
export function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  sandbox: SandboxState,
  cache: RecordingCache,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 });
    res.end();
    return;
  }
  const bytes = lookup(path, sandbox, cache);
  if (!bytes) return notFound(res);
  const range = parseByteRange(req.headers.range, bytes.length);
  if (range === 'invalid') {
    res.writeHead(416, { 'content-range': `bytes */${bytes.length}`, 'content-length': 0 });
    res.end();
    return;
  }
  const [start, end] = range ?? [0, bytes.length - 1];
  const headers: Record<string, string | number> = {
    'content-type': 'audio/wav',
    'accept-ranges': 'bytes',
    'content-length': end - start + 1,
    'cache-control': 'public, max-age=86400',
  };
  if (range) headers['content-range'] = `bytes ${start}-${end}/${bytes.length}`;
  res.writeHead(range ? 206 : 200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
}
