import { networkInterfaces } from 'node:os';
import { format, type Localized } from '../../../shared/locale';
import { RESULTS_ERRORS } from '../../../shared/codes/results';
import { PROVIDER_IDS } from '../../../shared/providers';
import type { PushReceiverState } from '../../../shared/results';
import { AppFailure } from '../contract/failure';
import type { Logger } from '../log';
import type { PushLimits } from './pushGuard';
import {
  pushPath,
  startPushReceiver,
  type PushReceiverOptions,
  type RunningPushReceiver,
} from './pushReceiver';
import type { PushSettingsStore } from './pushSettings';

/** Every network: what an operator chooses when the provider's servers must reach this machine. */
export const ALL_INTERFACES = '0.0.0.0';
const LOOPBACK = '127.0.0.1';

/** This machine's IPv4 addresses, external ones first. */
export function machineAddresses(): string[] {
  const external: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const address of list ?? [])
      if (address.family === 'IPv4' && !address.internal) external.push(address.address);
  return [...new Set(external)];
}

function failure(
  code: 'results.push_port' | 'results.push_host',
  params: Record<string, string | number>,
  detail?: string,
) {
  const text: Localized = RESULTS_ERRORS[code];
  return new AppFailure(
    code,
    { 'zh-CN': format(text['zh-CN'], params), en: format(text.en, params) },
    detail,
  );
}

export interface PushControlOptions {
  /**
   * Where it listens until the operator chooses: loopback in the harness (a development host);
   * the machine's own network address in the app (shown in the URL to give the provider).
   */
  defaultHost?: string;
  limits?: Partial<PushLimits>;
  log?: Logger;
}

/** Turns the push receiver on and off as its saved settings say; off by default. */
export class PushControl {
  private running: RunningPushReceiver | null = null;
  private received = 0;

  constructor(
    private readonly settings: PushSettingsStore,
    private readonly onPush: PushReceiverOptions['onPush'],
    private readonly options: PushControlOptions = {},
  ) {}

  /** Starts the receiver when it was left on (at host start-up). A taken port leaves it off. */
  async resume(): Promise<void> {
    if (this.settings.read().enabled) await this.configure({ enabled: true }).catch(() => undefined);
  }

  /** The addresses it may listen on: this machine only, each network address, every network. */
  private choices(): string[] {
    return [LOOPBACK, ...machineAddresses(), ALL_INTERFACES];
  }

  private hostOf(saved: string | null): string {
    return saved ?? this.options.defaultHost ?? machineAddresses()[0] ?? LOOPBACK;
  }

  state(): PushReceiverState {
    const saved = this.settings.read();
    const port = this.running?.port ?? null;
    const host = this.hostOf(saved.host);
    // The address a provider's server would use: the listening one, or for "every network" this
    // machine's first network address.
    const shown = host === ALL_INTERFACES ? (machineAddresses()[0] ?? LOOPBACK) : host;
    const urls =
      port === null
        ? []
        : PROVIDER_IDS.map((provider) => ({
            provider,
            url: `http://${shown}:${port}${pushPath(provider, saved.secret)}`,
          }));
    return {
      enabled: this.running !== null,
      port: port ?? saved.port,
      host,
      addresses: this.choices(),
      url: urls.find((u) => u.provider === 'sobot')?.url ?? null,
      urls,
      received: this.received,
    };
  }

  async configure(request: { enabled: boolean; port?: number; host?: string }): Promise<PushReceiverState> {
    const saved = this.settings.read();
    const port = request.port ?? saved.port;
    const host = request.host ?? this.hostOf(saved.host);
    if (!this.choices().includes(host)) throw failure('results.push_host', { host });
    await this.stop();
    const chosen = request.host ?? saved.host;
    if (request.enabled) {
      try {
        this.running = await startPushReceiver({
          port,
          host,
          secret: saved.secret,
          ...(this.options.limits ? { limits: this.options.limits } : {}),
          ...(this.options.log ? { log: this.options.log } : {}),
          onPush: (provider, body) => {
            const answer = this.onPush(provider, body);
            if (answer.status === 200) this.received++;
            return answer;
          },
        });
      } catch (error) {
        this.settings.write({ ...saved, enabled: false, port, host: chosen });
        throw failure('results.push_port', { port }, (error as NodeJS.ErrnoException).code);
      }
    }
    this.settings.write({
      ...saved,
      enabled: request.enabled,
      port: this.running?.port ?? port,
      host: chosen,
    });
    return this.state();
  }

  /** Connections the receiver has open now (0 when off). */
  async connections(): Promise<number> {
    return this.running ? this.running.connections() : 0;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.close();
  }
}
