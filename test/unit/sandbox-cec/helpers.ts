/** Shared helpers for the CEC sandbox tests: a loopback sandbox, a client, raw signed requests. */
import {
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_QC_APP_KEY,
  CEC_SANDBOX_QC_APP_SECRET,
  CEC_SANDBOX_QC_USER_ID,
  CEC_SANDBOX_SK,
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
} from '../../../electron/services/sandbox';
import {
  createHuaweiCecClient,
  JSON_CONTENT_TYPE,
  signAuthV2,
  type HuaweiClientOptions,
  type NumberRow,
} from '../../../electron/services/huawei';

/** Monday 4 March 2024, 09:00 in Shanghai (the tenant's zone). */
export const T0 = Date.UTC(2024, 2, 4, 1, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const FLOW = CEC_FLOWS[0]!.accessCode;

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Cec {
  sb: SandboxHandle;
  /** The sandbox's real clock (signatures, tokens); tests move it. */
  real: { now: number };
  client(overrides?: Partial<HuaweiClientOptions>): ReturnType<typeof createHuaweiCecClient>;
  /** A signed request made by hand (the test's own use of the signer). */
  raw(
    method: string,
    path: string,
    body?: unknown,
    opts?: RawOptions,
  ): Promise<{ status: number; text: string; json: Json | null }>;
  campaign(overrides?: Json): Promise<string>;
  close(): Promise<void>;
}

export interface RawOptions {
  sk?: string;
  ak?: string;
  time?: number;
  /** The headers to sign (default content-type and host). */
  sign?: ('content-type' | 'host')[];
  /** Send this body instead of the signed one. */
  sendBody?: string;
  query?: [string, string][];
}

/** Rows with distinct mobiles, sessionIds `${prefix}${i}`. */
export function numberRows(count: number, prefix = 's', from = 0): NumberRow[] {
  return Array.from({ length: count }, (_, k) => ({
    sessionId: `${prefix}${from + k}`,
    called: `139${String(20_000_000 + from + k).slice(-8)}`,
  }));
}

/** Starts a sandbox on a frozen simulated clock at T0 (advance() drives it). */
export async function openCec(options: SandboxOptions = {}): Promise<Cec> {
  const real = { now: T0 };
  const sb = await startSandbox({ autoRun: false, now: () => real.now, seed: 7, ...options });
  const host = new URL(sb.cec.baseUrl).host;
  const cec: Cec = {
    sb,
    real,
    client: (overrides = {}) =>
      createHuaweiCecClient({
        baseUrl: sb.cec.baseUrl,
        ak: CEC_SANDBOX_AK,
        sk: CEC_SANDBOX_SK,
        vdnId: 1,
        now: () => real.now,
        retry: false,
        qc: {
          baseUrl: sb.cec.qcBaseUrl,
          appKey: CEC_SANDBOX_QC_APP_KEY,
          appSecret: CEC_SANDBOX_QC_APP_SECRET,
          userId: CEC_SANDBOX_QC_USER_ID,
        },
        ...overrides,
      }),
    async raw(method, path, body, opts = {}) {
      const text = body === undefined ? '' : JSON.stringify(body);
      const names = opts.sign ?? ['content-type', 'host'];
      const signed: Record<string, string> = {};
      if (names.includes('content-type')) signed['content-type'] = JSON_CONTENT_TYPE;
      if (names.includes('host')) signed['host'] = host;
      const query = opts.query ?? [];
      const auth = signAuthV2(
        { ak: opts.ak ?? CEC_SANDBOX_AK, sk: opts.sk ?? CEC_SANDBOX_SK },
        { method, path, query, headers: signed, body: text },
        opts.time ?? real.now,
      );
      const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      const res = await fetch(`${sb.origin}${path}${qs ? `?${qs}` : ''}`, {
        method,
        headers: { 'content-type': JSON_CONTENT_TYPE, authorization: auth },
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: opts.sendBody ?? text }),
      });
      const out = await res.text();
      let json: Json | null = null;
      try {
        json = JSON.parse(out) as Json;
      } catch {
        json = null;
      }
      return { status: res.status, text: out, json };
    },
    async campaign(overrides = {}) {
      const { campaignId } = await cec.client().createCampaign({
        name: `活动 ${Math.random().toString(36).slice(2, 8)}`,
        beginTime: T0,
        endTime: T0 + 3 * DAY,
        slots: [{ begin: '08:00', end: '20:00' }],
        callerNo: '02180344315',
        flowAccessCode: FLOW,
        ...overrides,
      });
      return campaignId;
    },
    close: () => sb.close(),
  };
  return cec;
}
