/**
 * Injected faults, for the client's error-handling tests. Each kind imitates something a real
 * gateway or server does:
 * - `html`: a 502 page from a proxy (not JSON at all);
 * - `truncated`: the request IS processed, then the JSON answer is cut in half — the hard case
 *   where the client cannot know whether its call took effect;
 * - `empty`: 200 with an empty body;
 * - `reset`: the socket is destroyed without an answer;
 * - `code:NNNNNN`: a well-formed error envelope with that ret_code (e.g. `code:329999`);
 * - `late:MS`: the request is processed only MS milliseconds after it arrived, then answered —
 *   a slow server that applies a request after the client has given up waiting.
 * Except for `truncated` and `late`, a faulted request is not processed.
 */

export type FaultKind = 'html' | 'truncated' | 'empty' | 'reset' | `code:${string}` | `late:${number}`;
export type FaultMode = 'once' | 'persistent';

/** Any endpoint (or `media` for recordings). */
export const ANY_ENDPOINT = '*';

/** Armed faults by endpoint; `K` is the kinds a server understands (the CEC sandbox has more). */
export class FaultTable<K extends string = FaultKind> {
  private readonly faults = new Map<string, { kind: K; mode: FaultMode }>();

  /** Arms a fault for an endpoint (or `*`); `null` disarms it. */
  set(endpoint: string, kind: K | null, mode: FaultMode = 'once'): void {
    if (kind === null) this.faults.delete(endpoint);
    else this.faults.set(endpoint, { kind, mode });
  }

  /** The fault to apply to this request, consuming a `once` fault. */
  take(endpoint: string): K | undefined {
    for (const key of [endpoint, ANY_ENDPOINT]) {
      const fault = this.faults.get(key);
      if (!fault) continue;
      if (fault.mode === 'once') this.faults.delete(key);
      return fault.kind;
    }
    return undefined;
  }

  clear(): void {
    this.faults.clear();
  }
}

/** The 502 page a gateway in front of the vendor answers with. */
export const GATEWAY_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
