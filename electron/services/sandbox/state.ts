/**
 * Everything the simulated server knows, independent of HTTP: the task store, the dialing
 * simulation and the push sender. Handlers and the test control work on this.
 */

import type { Logger } from '../log';
import { CALL_CONNECTED } from './call-plan';
import { pushBody, type PushStyle } from './call-render';
import { Dialer } from './dialer';
import { PushSender } from './push';
import { SavableRng } from './random';
import { TaskStore, type CallRecord, type Task } from './task-store';

export interface SandboxStateOptions {
  seed: number;
  /** The simulated clock's starting instant (epoch ms). */
  startTime: number;
  log: Logger;
  pushStyle: PushStyle;
  pushRetryDelaysMs?: readonly number[];
}

export class SandboxState {
  readonly store: TaskStore;
  readonly dialer: Dialer;
  readonly push: PushSender;
  readonly log: Logger;
  /** The seed of every invented value; call seeds derive from it and the callid. */
  readonly seed: number;
  /** The generator of task and call ids; its position is part of the saved state. */
  readonly ids: SavableRng;
  /** `http://host:port`, known once the server listens; used in voice_url and record. */
  origin = '';
  /** Counts changes of what a state file holds (tasks, rows, calls), so a saver knows it is behind. */
  revision = 0;
  /** Called on every change, e.g. to schedule a save. */
  onChange: (() => void) | null = null;
  private readonly pushStyle: PushStyle;

  constructor(options: SandboxStateOptions) {
    this.log = options.log;
    this.pushStyle = options.pushStyle;
    this.seed = options.seed;
    this.ids = new SavableRng(options.seed ^ 0x5eed);
    this.store = new TaskStore(this.ids.next);
    this.dialer = new Dialer(this.store, options.seed, options.startTime, {
      onCallCompleted: (task, call) => this.onCallCompleted(task, call),
      onChange: () => this.touch(),
    });
    this.push = new PushSender({
      log: options.log,
      ...(options.pushRetryDelaysMs ? { retryDelaysMs: options.pushRetryDelaysMs } : {}),
    });
  }

  /** Records that the state changed: a request altered a task or the dialer started or filed a call. */
  touch(): void {
    this.revision++;
    this.onChange?.();
  }

  /** The simulated "now". */
  get now(): number {
    return this.dialer.now;
  }

  /**
   * push_type 2 pushes every finished call. push_type 1 is "push after transfer to a human";
   * the sandbox has no human agents, so it pushes the calls a human would have been offered:
   * the connected ones. Rows deleted while being dialled are not pushed.
   */
  private onCallCompleted(task: Task, call: CallRecord): void {
    const { pushUrl, pushType } = task.settings;
    if (!pushUrl || call.row.deleted || task.mode === 'deleted') return;
    if (pushType === 1 && call.status !== CALL_CONNECTED) return;
    this.push.enqueue(pushUrl, pushBody(task, call, this.origin, this.pushStyle));
  }
}
