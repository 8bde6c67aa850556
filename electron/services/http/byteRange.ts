/**
 * A single HTTP `Range: bytes=…` header against a body of `size` bytes: the inclusive
 * `[start, end]`, null when there is no header, `'invalid'` when it cannot be satisfied (the
 * server then answers 416). Multiple ranges are not supported (audio elements ask for one).
 * Shared by the app's media route and the sandbox's stand-in for the vendor's object storage.
 */
export function parseByteRange(
  header: string | null | undefined,
  size: number,
): [number, number] | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  }
  if (start > end || start >= size) return 'invalid';
  return [start, end];
}
