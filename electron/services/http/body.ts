/**
 * Reading an answer's body under a cap. The cap counts the bytes as they come out of the
 * stream — after fetch has undone any gzip or deflate — so a small compressed answer that
 * inflates to gigabytes stops at the cap like a plainly huge one.
 */

/** Thrown when a body grows past its cap (the stream has been cancelled). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`answer larger than ${maxBytes} bytes`);
  }
}

/** Joins chunks into one array. */
function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a whole body of at most `maxBytes` (decoded) bytes.
 * @throws BodyTooLargeError past the cap, after cancelling the stream
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

/** Whether a declared Content-Length already says the body is over the cap. */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = Number(headers.get('content-length') ?? NaN);
  return Number.isFinite(declared) && declared > maxBytes;
}
