/**
 * "Test connection" on a Huawei CEC account, as Settings asks for it (the account service, then
 * the dispatcher's describers): each failure an operator meets — a wrong AK/SK, a skewed clock,
 * an unreachable host, a certificate from a CA the account does not trust — comes back with its
 * own stable code and message in both languages. Real servers on loopback: the CEC sandbox
 * (which verifies every signature and answers with its own clock's `Date`), a closed port, and an
 * HTTPS server whose certificate a CA made here by openssl signed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../shared/accounts';
import { CEC_CLIENT_MESSAGES } from '../../../shared/codes/huaweiCec';
import { NET_MESSAGES } from '../../../shared/codes/net';
import type { Locale } from '../../../shared/locale';
import { createAccountService } from '../../../electron/services/accounts/create';
import { createLazySandbox } from '../../../electron/services/accounts/sandboxProvider';
import { describeError } from '../../../electron/services/contract/failure';
import { describeTransportError } from '../../../electron/services/http/describe';
import { describeProviderError } from '../../../electron/services/providers/registry';
import {
  CEC_SANDBOX_AK,
  CEC_SANDBOX_SK,
  startSandbox,
  type SandboxHandle,
} from '../../../electron/services/sandbox/index';
import { memorySettings, memoryVault } from '../../support/memory';

const MINUTE = 60_000;
const describers = [describeTransportError, describeProviderError];

function service() {
  return createAccountService({
    settings: memorySettings(),
    vault: memoryVault(),
    // Not used by these accounts (no built-in one is tested here), never started.
    sandbox: createLazySandbox({ speed: 1 }),
  });
}

const cecDraft = (baseUrl: string, extra: Partial<Record<'caPem' | 'sk', string>> = {}): AccountDraft => ({
  provider: 'huawei-cec',
  name: `华为外呼 ${Math.random().toString(36).slice(2, 8)}`,
  settings: { baseUrl, vdnId: '1', ...(extra.caPem ? { caPem: extra.caPem } : {}) },
  secrets: { ak: CEC_SANDBOX_AK, sk: extra.sk ?? CEC_SANDBOX_SK },
});

/** What Settings shows for a test of this draft, in both languages (or the passed report). */
async function testOf(draft: AccountDraft) {
  const accounts = service();
  const { id } = await accounts.save(draft);
  try {
    return { report: await accounts.test(id), zh: null, en: null };
  } catch (error) {
    const shown = (locale: Locale) => describeError(error, locale, describers);
    return { report: null, zh: shown('zh-CN'), en: shown('en') };
  }
}

/** A sandbox whose clock is `offsetMs` from this machine's (the CEC tenant's servers). */
async function sandboxAt(offsetMs: number): Promise<SandboxHandle> {
  return startSandbox({ speed: 1, autoRun: false, now: () => Date.now() + offsetMs });
}

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await sandboxAt(0);
});
afterAll(() => sandbox.close());

describe('test connection on a CEC account', () => {
  it('passes with the tenant’s AK/SK and a right clock', async () => {
    const { report } = await testOf(cecDraft(sandbox.cec.baseUrl));
    expect(report?.checks[0]).toMatchObject({ outcome: 'passed' });
  });

  it('says the AK or SK is wrong (not the clock) when the signature is refused with the clocks agreeing', async () => {
    const { zh, en } = await testOf(cecDraft(sandbox.cec.baseUrl, { sk: 'not-the-sk' }));
    expect(zh).toEqual({
      code: 'huawei.auth_refused',
      message: CEC_CLIENT_MESSAGES['huawei.auth_refused']['zh-CN'],
      detail: 'HTTP 401',
    });
    expect(zh?.message).toContain('AK 或 SK 不正确');
    expect(en?.message).toContain('the AK or SK is wrong');
  });

  it('says the clock is off, which way and by how much, when the server’s Date is 20 minutes away', async () => {
    // The server 20 minutes behind: this machine is ahead.
    const behind = await sandboxAt(-20 * MINUTE);
    const ahead = await sandboxAt(+20 * MINUTE);
    try {
      const fast = await testOf(cecDraft(behind.cec.baseUrl));
      expect(fast.zh).toMatchObject({ code: 'huawei.clock_skew', detail: 'HTTP 401' });
      expect(fast.zh?.message).toContain('本机时间比华为云服务器快约 20 分钟');
      expect(fast.en?.message).toContain('about 20 minutes ahead of the Huawei CEC server’s');

      const slow = await testOf(cecDraft(ahead.cec.baseUrl));
      expect(slow.zh?.code).toBe('huawei.clock_skew');
      expect(slow.zh?.message).toContain('慢约 20 分钟');
      expect(slow.en?.message).toContain('about 20 minutes behind');
      // The sandbox did refuse those signatures for their time, not for anything else.
      expect(behind.control.cec.signatureRefusals().map((r) => r.reason)).toEqual(['stale_time']);
      expect(ahead.control.cec.signatureRefusals().map((r) => r.reason)).toEqual(['stale_time']);
    } finally {
      await behind.close();
      await ahead.close();
    }
  });

  it('says the server cannot be reached when nothing listens at the address', async () => {
    const closed = createHttpServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const { zh, en } = await testOf(cecDraft(`http://127.0.0.1:${port}`));
    expect(zh).toEqual({ code: 'net.unreachable', message: NET_MESSAGES['net.unreachable']['zh-CN'] });
    expect(en).toEqual({ code: 'net.unreachable', message: NET_MESSAGES['net.unreachable'].en });
  });
});

describe('test connection on a CEC account with a private CA', () => {
  let dir = '';
  let server: Server;
  let url = '';
  const pem = { ca: '', other: '' };

  /** A CA, a certificate it signs for 127.0.0.1, an unrelated CA; a server that answers a list. */
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-cec-ca-'));
    const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    for (const name of ['ca', 'other'])
      ssl(
        'req',
        '-x509',
        ...ec,
        ...['-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=Tenant ${name} CA`],
        ...[
          '-addext',
          'basicConstraints=critical,CA:TRUE',
          '-addext',
          'keyUsage=critical,keyCertSign,cRLSign',
        ],
      );
    ssl('req', ...ec, '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=cec.tenant.test');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    ssl(
      ...['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
      ...['-out', 'srv.pem', '-days', '2', '-extfile', 'ext.cnf'],
    );
    pem.ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
    pem.other = readFileSync(join(dir, 'other.pem'), 'utf8');
    server = createHttpsServer(
      { key: readFileSync(join(dir, 'srv.key')), cert: readFileSync(join(dir, 'srv.pem')) },
      (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"returnCode":"0200000","resultCode":"0200000","returnObject":[],"totalCount":0}'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the certificate is not trusted without the tenant’s CA, or with another CA', async () => {
    for (const caPem of [undefined, pem.other]) {
      const { zh, en } = await testOf(cecDraft(url, caPem ? { caPem } : {}));
      expect(zh).toEqual({ code: 'net.certificate', message: NET_MESSAGES['net.certificate']['zh-CN'] });
      expect(zh?.message).toContain('请在账号中添加其 CA 证书');
      expect(en?.message).toContain('add its CA certificate to the account');
    }
  });

  it('connects once the account carries the tenant’s CA file', async () => {
    const { report, zh } = await testOf(cecDraft(url, { caPem: pem.ca }));
    expect(zh).toBeNull();
    expect(report?.checks[0]).toMatchObject({ outcome: 'passed', detail: '0' });
  });
});
