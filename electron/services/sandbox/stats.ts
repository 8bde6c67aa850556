/**
 * Request accounting for tests and benchmarks: counts per endpoint and method, and the largest
 * number of requests in flight at once (a client must never exceed its own concurrency).
 */

export interface RequestStats {
  /** Requests per endpoint name (`media` for recordings, `unknown` for 404s). */
  requests: Record<string, number>;
  /** Requests per `METHOD endpoint`, e.g. `POST add_task`, to check the wire format. */
  methods: Record<string, number>;
  /** Content types seen per POST endpoint, e.g. `add_task_data application/x-www-form-urlencoded`. */
  contentTypes: Record<string, number>;
  totalRequests: number;
  inFlight: number;
  maxInFlight: number;
}

export class RequestCounter {
  private stats: RequestStats = RequestCounter.empty();

  private static empty(): RequestStats {
    return { requests: {}, methods: {}, contentTypes: {}, totalRequests: 0, inFlight: 0, maxInFlight: 0 };
  }

  /** Counts a request as started; call the returned function once when it is over. */
  begin(endpoint: string, method: string, contentType: string): () => void {
    const s = this.stats;
    s.requests[endpoint] = (s.requests[endpoint] ?? 0) + 1;
    const methodKey = `${method} ${endpoint}`;
    s.methods[methodKey] = (s.methods[methodKey] ?? 0) + 1;
    if (method === 'POST') {
      const typeKey = `${endpoint} ${contentType.split(';')[0]!.trim().toLowerCase() || '(none)'}`;
      s.contentTypes[typeKey] = (s.contentTypes[typeKey] ?? 0) + 1;
    }
    s.totalRequests++;
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.stats.inFlight--;
    };
  }

  snapshot(): RequestStats {
    const s = this.stats;
    return {
      requests: { ...s.requests },
      methods: { ...s.methods },
      contentTypes: { ...s.contentTypes },
      totalRequests: s.totalRequests,
      inFlight: s.inFlight,
      maxInFlight: s.maxInFlight,
    };
  }

  /** Zeroes the counters (requests still in flight keep being tracked in the new counters). */
  reset(): void {
    const inFlight = this.stats.inFlight;
    this.stats = RequestCounter.empty();
    this.stats.inFlight = inFlight;
    this.stats.maxInFlight = inFlight;
  }
}
