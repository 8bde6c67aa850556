import { startSandbox } from '../../../electron/services/sandbox/index';
import { SANDBOX_APPID, SANDBOX_SIGNATURE } from '../../../electron/services/sandbox/index';
import { createSobotClient } from '../../../electron/services/sobot';
import { sobotFactory, sobotProvider } from '../../../electron/services/sobot/provider/index';
import type { ConformanceHarness } from './harness';

const START = Date.UTC(2026, 2, 10, 2, 0);

export const sobotHarness: ConformanceHarness = {
  id: 'sobot',
  async start() {
    const sandbox = await startSandbox({
      now: () => START,
      autoRun: false,
      speed: 60,
      pushRetryDelaysMs: [50],
    });
    const client = createSobotClient({
      baseUrl: sandbox.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
    });
    return {
      provider: sobotProvider(client),
      factory: sobotFactory,
      advance: (ms) => sandbox.control.advance(ms),
      now: () => sandbox.control.now(),
      flushPushes: () => sandbox.control.flushPushes(),
      close: () => sandbox.close(),
    };
  },
  async draft(session, name, pushUrl) {
    const options = await session.provider.taskOptions();
    return {
      templateId: options.templates[0]!.id,
      name,
      callerNumbers: [options.callerLines[0]!.number],
      robots: 2,
      callingHours: ['00:00-24:00'],
      validity: { kind: 'permanent' },
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
  // An outid with a comma could never be looked up or removed on its own: refused before sending.
  refusedRow: (prefix) => ({ key: `${prefix},bad`, telephone: '13900009999', variables: {} }),
};
