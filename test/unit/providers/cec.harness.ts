import {
  CEC_CALLER_NUMBERS,
  CEC_FLOWS,
  CEC_SANDBOX_AK,
  CEC_SANDBOX_QC_APP_KEY,
  CEC_SANDBOX_QC_APP_SECRET,
  CEC_SANDBOX_SK,
  DEFAULT_BLOCKLIST,
  startSandbox,
} from '../../../electron/services/sandbox/index';
import { createHuaweiCecClient } from '../../../electron/services/huawei';
import { cecFactory, cecProvider } from '../../../electron/services/huawei/provider/index';
import type { ConformanceHarness } from './harness';

/** Tuesday 10 March 2026, 10:00 in Shanghai. */
const START = Date.UTC(2026, 2, 10, 2, 0);
const DAY = 86_400_000;

export const cecHarness: ConformanceHarness = {
  id: 'huawei-cec',
  async start() {
    const sandbox = await startSandbox({
      now: () => START,
      autoRun: false,
      speed: 60,
      cecCallbackRetryDelayMs: 50,
    });
    // The signing clock is the sandbox's real clock (it refuses a time 15 minutes off).
    const client = createHuaweiCecClient({
      baseUrl: sandbox.cec.baseUrl,
      ak: CEC_SANDBOX_AK,
      sk: CEC_SANDBOX_SK,
      vdnId: 1,
      now: () => START,
      qc: {
        baseUrl: sandbox.cec.qcBaseUrl,
        appKey: CEC_SANDBOX_QC_APP_KEY,
        appSecret: CEC_SANDBOX_QC_APP_SECRET,
      },
    });
    return {
      provider: cecProvider(client, {
        callerNumbers: [...CEC_CALLER_NUMBERS],
        flows: CEC_FLOWS.map((f) => ({ accessCode: f.accessCode, name: f.name })),
      }),
      factory: cecFactory,
      advance: (ms) => sandbox.control.advance(ms),
      now: () => sandbox.control.now(),
      flushPushes: () => sandbox.control.cec.flushCallbacks(),
      close: async () => {
        await client.close();
        await sandbox.close();
      },
    };
  },
  async draft(session, name, pushUrl) {
    const options = await session.provider.taskOptions();
    return {
      templateId: options.templates[0]!.id,
      name,
      callerNumbers: [options.callerLines[0]!.number],
      robots: 1,
      callingHours: ['00:00-24:00'],
      validity: { kind: 'range', start: session.now(), end: session.now() + 7 * DAY },
      resultPush: { url: pushUrl, when: 'every_call' },
      numberHiding: 'none',
      exportAllowed: true,
    };
  },
  goodRows: (count, prefix) =>
    Array.from({ length: count }, (_, i) => ({
      key: `${prefix}-${i}`,
      telephone: `1390000${String(1000 + i)}`,
      variables: { 姓名: `客户${i}` },
    })),
  // On the tenant's blocklist: the platform refuses the whole request (0200024) until it is isolated.
  refusedRow: (prefix) => ({ key: `${prefix}-blocked`, telephone: DEFAULT_BLOCKLIST[0]!, variables: {} }),
};
