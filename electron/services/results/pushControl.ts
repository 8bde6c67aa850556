import { networkInterfaces } from 'node:os';
import { format } from '../../../shared/locale';
import { RESULTS_ERRORS } from '../../../shared/codes/results';
import type { PushReceiverState } from '../../../shared/results';
import { AppFailure } from '../contract/failure';
import type { Logger } from '../log';
import type { CallData } from '../sobot/index';
import { startPushReceiver, type RunningPushReceiver } from './pushReceiver';
import type { PushSettingsStore } from './pushSettings';

/** This machine's first external IPv4 address, to show in the push URL (the user may edit it). */
function localAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}

/** Turns the push receiver on and off as its saved settings say; off by default. */
export class PushControl {
  private running: RunningPushReceiver | null = null;
  private received = 0;

  constructor(
    private readonly settings: PushSettingsStore,
    private readonly onPush: (call: CallData) => void,
    private readonly options: { host?: string; log?: Logger } = {},
  ) {}

  /** Starts the receiver when it was left on (at host start-up). A taken port leaves it off. */
  async resume(): Promise<void> {
    if (this.settings.read().enabled) await this.configure({ enabled: true }).catch(() => undefined);
  }

  state(): PushReceiverState {
    const saved = this.settings.read();
    const port = this.running?.port ?? null;
    return {
      enabled: this.running !== null,
      port: port ?? saved.port,
      url:
        port === null ? null : `http://${this.options.host ?? localAddress()}:${port}/push/${saved.secret}`,
      received: this.received,
    };
  }

  async configure(request: { enabled: boolean; port?: number }): Promise<PushReceiverState> {
    const saved = this.settings.read();
    const port = request.port ?? saved.port;
    await this.stop();
    if (request.enabled) {
      try {
        this.running = await startPushReceiver({
          port,
          secret: saved.secret,
          ...(this.options.host ? { host: this.options.host } : {}),
          ...(this.options.log ? { log: this.options.log } : {}),
          onPush: (call) => {
            this.onPush(call);
            this.received++;
          },
        });
      } catch (error) {
        this.settings.write({ ...saved, enabled: false, port });
        const text = RESULTS_ERRORS['results.push_port'];
        throw new AppFailure(
          'results.push_port',
          { 'zh-CN': format(text['zh-CN'], { port }), en: format(text.en, { port }) },
          (error as NodeJS.ErrnoException).code,
        );
      }
    }
    this.settings.write({ ...saved, enabled: request.enabled, port: this.running?.port ?? port });
    return this.state();
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.close();
  }
}
