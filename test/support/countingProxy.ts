/**
 * A loopback forwarder in front of the sandbox that counts, per outid, how many add_task_data
 * requests the sandbox processed with it (refused requests are not counted): the sandbox itself
 * ignores repeated outids, so only this shows whether a client ever got one in twice.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** Base URL to give the client (same path as the sandbox's). */
  url: string;
  /** outid → times received in add_task_data. */
  received: Map<string, number>;
  close(): Promise<void>;
}

/** Starts the forwarder for a sandbox base URL (`http://127.0.0.1:port/api/icall/5/task/`). */
export async function startCountingProxy(sandboxUrl: string): Promise<CountingProxy> {
  const target = new URL(sandboxUrl);
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      /** Counts the rows of an add_task_data request the sandbox processed. */
      const count = (status: number, answer: string): void => {
        if (!req.url?.includes('add_task_data') || req.method !== 'POST' || status !== 200) return;
        let code = '000000';
        try {
          code = (JSON.parse(answer) as { ret_code?: string }).ret_code ?? '';
        } catch {
          // A cut-off answer (`truncated` fault): the sandbox did process the request.
        }
        if (code !== '000000') return;
        const data = new URLSearchParams(body.toString('utf8')).get('data');
        for (const row of JSON.parse(data ?? '[]') as { outid: string }[])
          received.set(row.outid, (received.get(row.outid) ?? 0) + 1);
      };
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length',
        ),
      ) as Record<string, string>;
      fetch(new URL(req.url ?? '/', target.origin), {
        method: req.method ?? 'GET',
        headers,
        ...(req.method === 'POST' ? { body } : {}),
      })
        .then(async (answer) => {
          const text = Buffer.from(await answer.arrayBuffer());
          count(answer.status, text.toString('utf8'));
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          res.end(text);
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
