/**
 * The CEC transport against servers written here to misbehave, and TLS with a private CA made
 * by openssl in the test run: the tenant's CA certificate makes its host trusted, without it (or
 * with another CA) the certificate is refused — verification is never turned off. Also: 401
 * with no body, redirects, oversized and unreadable answers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CecAuthError,
  CecError,
  toAppError,
  createHuaweiCecClient,
  parseAuthV2,
  pemCertificates,
  TransportError,
  type HuaweiClientOptions,
} from '../../../electron/services/huawei';

let dir = '';
const pem: Record<'ca' | 'otherCa' | 'key' | 'cert', string> = { ca: '', otherCa: '', key: '', cert: '' };

/** A CA, a server certificate it signs for 127.0.0.1, and an unrelated CA. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cd-cec-tls-'));
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const name of ['ca', 'other'])
    ssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=Test ${name} CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
  ssl('req', ...ec, '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=cec.test');
  writeFileSync(
    join(dir, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  ssl(
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  pem.ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
  pem.otherCa = readFileSync(join(dir, 'other.pem'), 'utf8');
  pem.key = readFileSync(join(dir, 'srv.key'), 'utf8');
  pem.cert = readFileSync(join(dir, 'srv.pem'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((r) => {
          s.closeAllConnections();
          s.close(r);
        }),
    ),
  );
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const OK = '{"returnCode":"0200000","resultCode":"0200000","returnObject":[],"totalCount":0}';

async function listen(server: Server, scheme: 'http' | 'https'): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const http = (handler: Handler): Promise<string> => listen(createHttpServer(handler), 'http');
const https = (handler: Handler): Promise<string> =>
  listen(createHttpsServer({ key: pem.key, cert: pem.cert }, handler), 'https');

const client = (baseUrl: string, extra: Partial<HuaweiClientOptions> = {}) =>
  createHuaweiCecClient({ baseUrl, ak: 'AK', sk: 'SK', vdnId: 1, retry: false, ...extra });

describe('CEC transport over TLS', () => {
  it('trusts a private-CA host only with that CA’s certificate', async () => {
    let auth = '';
    const url = await https((req, res) => {
      auth = String(req.headers['authorization']);
      res.writeHead(200, { 'content-type': 'application/json' }).end(OK);
    });
    const trusted = client(url, { caPem: pem.ca });
    await expect(trusted.checkAccount()).resolves.toBeUndefined();
    expect(parseAuthV2(auth)?.signedHeaders).toEqual(['content-type', 'host']);
    await trusted.close();

    for (const caPem of [undefined, pem.otherCa]) {
      const c = client(url, caPem ? { caPem } : {});
      const err = await c.checkAccount().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).code).toBe('net.certificate');
      expect((err as TransportError).sent).toBe('no');
      await c.close();
    }
  });

  it('refuses a CA file without a certificate', () => {
    expect(() => pemCertificates('not a pem')).toThrow(RangeError);
    expect(pemCertificates(`${pem.ca}\n${pem.otherCa}`)).toHaveLength(2);
  });
});

describe('CEC transport against a misbehaving server', () => {
  it('reads HTTP 401 with no body as a refused signature', async () => {
    const url = await http((_req, res) => res.writeHead(401).end());
    const err = await client(url)
      .checkAccount()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CecAuthError);
    expect((err as CecAuthError).code).toBe('huawei.auth_refused');
  });

  it('puts a 401 down to the clock only when the answer’s Date is more than 10 minutes from the signing time', async () => {
    const signedAt = Date.UTC(2024, 2, 4, 1, 0, 0);
    let date: string | null = null;
    const url = await http((_req, res) => {
      // Node would stamp its own Date; the test's says where the "server" clock is.
      res.sendDate = date !== null;
      res.writeHead(401, date === null ? {} : { date }).end();
    });
    const refusal = async (serverMs: number | null) => {
      date = serverMs === null ? null : new Date(serverMs).toUTCString();
      return (await client(url, { now: () => signedAt })
        .checkAccount()
        .catch((e: unknown) => e)) as CecAuthError;
    };
    const behind = await refusal(signedAt - 16 * 60_000);
    expect(behind).toMatchObject({ code: 'huawei.clock_skew', clockSkewMs: 16 * 60_000 });
    expect(toAppError(behind, 'zh-CN').message).toContain('快约 16 分钟');
    expect(toAppError(behind, 'en').message).toContain('about 16 minutes ahead of');
    const ahead = await refusal(signedAt + 3 * 3_600_000);
    expect(ahead).toMatchObject({ code: 'huawei.clock_skew', clockSkewMs: -3 * 3_600_000 });
    expect(toAppError(ahead, 'zh-CN').message).toContain('慢约 180 分钟');
    // Within 10 minutes, and with no Date at all, the AK/SK is the suspect.
    expect((await refusal(signedAt + 9 * 60_000)).code).toBe('huawei.auth_refused');
    expect((await refusal(null)).code).toBe('huawei.auth_refused');
  });

  it('never follows a redirect', async () => {
    let followed = false;
    const target = await http((_req, res) => {
      followed = true;
      res.end(OK);
    });
    const url = await http((_req, res) =>
      res.writeHead(307, { location: `${target}/rest/isales/v1/openapi/campaigns/1` }).end(),
    );
    await expect(client(url).checkAccount()).rejects.toMatchObject({ code: 'net.redirected' });
    expect(followed).toBe(false);
  });

  it('stops reading a recording past its cap and refuses what is not a WAV', async () => {
    const url = await http((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(300_000, 1));
    });
    const c = client(url);
    await expect(
      c.downloadRecording({ kind: 'ccfs-record', fileName: 'Y:/a.V3' }, { maxBytes: 100_000 }),
    ).rejects.toMatchObject({ code: 'net.too_large' });
    await expect(c.downloadRecording({ kind: 'ccfs-record', fileName: 'Y:/a.V3' })).rejects.toMatchObject({
      code: 'huawei.not_wav',
    });
  });

  it('turns gateway pages and cut-off JSON into stable codes, and a 0200xxx into huawei.<code>', async () => {
    const answers = [
      [502, '<html>bad gateway</html>'],
      [200, '{"returnCode":"0200000"'],
      [200, '<html>login</html>'],
      [200, '{"returnCode":"0200011","resultDesc":"status"}'],
    ] as const;
    let n = 0;
    const url = await http((_req, res) => {
      const [status, body] = answers[n++]!;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    });
    const c = client(url);
    await expect(c.checkAccount()).rejects.toMatchObject({ code: 'net.http_status', status: 502 });
    await expect(c.checkAccount()).rejects.toMatchObject({ code: 'net.bad_response' });
    await expect(c.checkAccount()).rejects.toMatchObject({ code: 'net.bad_response' });
    await expect(c.pauseCampaign('5')).rejects.toMatchObject({ code: '0200011', operation: 'pauseCampaign' });
  });

  it('keeps AK and SK out of errors and their excerpts', async () => {
    const url = await http((_req, res) => res.writeHead(500).end('secret-sk-value and AK-VALUE echoed'));
    const c = createHuaweiCecClient({
      baseUrl: url,
      ak: 'AK-VALUE',
      sk: 'secret-sk-value',
      vdnId: 1,
      retry: false,
    });
    const err = (await c.checkAccount().catch((e: unknown) => e)) as TransportError;
    expect(err.code).toBe('net.http_status');
    const text = `${err.message} ${err.excerpt ?? ''} ${JSON.stringify(err)}`;
    expect(text).not.toContain('secret-sk-value');
    expect(text).not.toContain('AK-VALUE');
  });

  it('gives every failure a stable code and a message in both languages', () => {
    const server = toAppError(new CecError('0200022', 'addNumbers'), 'zh-CN');
    expect(server).toEqual({
      code: 'huawei.0200022',
      message: '请求过于频繁，请稍后再试',
      detail: 'addNumbers',
    });
    expect(toAppError(new CecError('0201234', 'x'), 'en').message).toContain('0201234');
    expect(toAppError(new CecAuthError('huawei.auth_refused', 'x'), 'en').message).toMatch(/clock/);
    expect(
      toAppError(new TransportError({ code: 'net.certificate', endpoint: 'x', sent: 'no' }), 'zh-CN').message,
    ).toMatch(/CA/);
    expect(toAppError(new Error('boom'), 'en').code).toBe('huawei.unexpected');
  });
});
