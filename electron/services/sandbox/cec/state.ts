/**
 * Everything the CEC sandbox knows, apart from HTTP: campaigns and calls, the dialer on the
 * shared clock, the callback pusher, the blocklist, the per-tenant pace of number uploads and
 * the QC tokens handed out.
 */
import type { Logger } from '../../log';
import { PushSender } from '../push';
import { SavableRng } from '../random';
import { CecDialer } from './dialer';
import { wireOutcome } from './render';
import { CecStore, type CecCall, type CecCampaign } from './store';
import { DEFAULT_BLOCKLIST } from './tenant';

export interface CecStateOptions {
  seed: number;
  startTime: number;
  log: Logger;
  blocklist?: readonly string[];
  /** Delay before the one repeat of a callback the receiver did not answer 200 (default 2 s). */
  callbackRetryDelayMs?: number;
}

export class CecState {
  readonly store: CecStore;
  readonly dialer: CecDialer;
  readonly push: PushSender;
  readonly ids: SavableRng;
  readonly seed: number;
  readonly log: Logger;
  blocklist: Set<string>;
  /** `http://host:port`, for the object-storage recording links. */
  origin = '';
  /** Monotonic ms of the last accepted add-numbers request (the ≥ 1 s rule). */
  lastAddAt = Number.NEGATIVE_INFINITY;
  /** QC tokens: value → real expiry (epoch ms). */
  readonly tokens = new Map<string, number>();
  /**
   * QC statuses forced on calls by the test control (`CecControl.setQcStatus`), by callId: the
   * detail answers that status whatever the call's plan says. Memory only, never saved.
   */
  readonly qcForced = new Map<string, number>();
  revision = 0;
  onChange: (() => void) | null = null;

  constructor(options: CecStateOptions) {
    this.seed = options.seed;
    this.log = options.log;
    this.ids = new SavableRng(options.seed ^ 0xcec);
    this.store = new CecStore(this.ids);
    this.blocklist = new Set(options.blocklist ?? DEFAULT_BLOCKLIST);
    this.dialer = new CecDialer(this.store, options.seed, options.startTime, {
      onCallCompleted: (campaign, call) => this.onCallCompleted(campaign, call),
      onChange: () => this.touch(),
    });
    // "Pushed again once on a non-200": one retry, and only HTTP 200 counts as delivered.
    this.push = new PushSender({
      log: options.log,
      retryDelaysMs: [options.callbackRetryDelayMs ?? 2_000],
      isDelivered: (status) => status === 200,
    });
  }

  touch(): void {
    this.revision++;
    this.onChange?.();
  }

  get now(): number {
    return this.dialer.now;
  }

  private onCallCompleted(campaign: CecCampaign, call: CecCall): void {
    const url = campaign.settings.callbackUrl;
    if (!url || campaign.mode === 'deleted') return;
    this.push.enqueue(url, JSON.stringify([wireOutcome(campaign, call, this.origin)]));
  }
}
