import type { Channel, EventName, EventPayload, Input, Output } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import type { Locale } from '../../../shared/locale';
import type { Result } from '../../../shared/result';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { AppFailure, describeError, type ErrorDescriber } from './failure';
import { isTrustedSender, type SenderInfo } from './sender';

/** What a handler may use besides its input. */
export interface CallContext {
  locale: Locale;
}

/** One implementation per contract entry; hosts build them from services. */
export type Handlers = {
  [C in Channel]: (input: Input<C>, ctx: CallContext) => Promise<Output<C>> | Output<C>;
};

/** The handlers of one feature's calls (`contracts/<feature>.ts`). */
export type FeatureHandlers<Calls> = Pick<Handlers, keyof Calls & keyof Handlers>;

/** Sends an event to every window (Electron) or every connected page (harness). */
export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface DispatcherOptions {
  handlers: Handlers;
  /** Origins of the app's own pages (e.g. `app://campaign-desk`, the dev server). */
  allowedOrigins: readonly string[];
  /** The user's language at the time of the call. */
  locale: () => Locale;
  describers?: readonly ErrorDescriber[];
  log?: Logger;
}

/** Answers one call: checks the sender, validates the input, runs the handler. */
export type Dispatch = (channel: string, rawInput: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

/**
 * The host-independent half of IPC. Electron's `ipcMain.handle` and the harness's WebSocket
 * both call the returned function, so the sender check, input validation and error envelope
 * are the same code (and the same tests) in every host.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const log = options.log ?? silentLogger;
  return async (channel, rawInput, sender) => {
    const locale = options.locale();
    if (!isTrustedSender(sender, options.allowedOrigins)) {
      log.warn('ipc: refused a message from a foreign frame', { channel, url: sender.url });
      return { ok: false, error: AppFailure.of('ipc.forbidden_sender').toAppError(locale) };
    }
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: AppFailure.of('ipc.unknown_channel', channel).toAppError(locale) };
    }
    const known = channel as Channel;
    const parsed = contract[known].input.safeParse(rawInput);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(input)').join(', ');
      return { ok: false, error: AppFailure.of('ipc.invalid_input', where).toAppError(locale) };
    }
    try {
      const handler = options.handlers[known] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, { locale });
      return { ok: true, value };
    } catch (error) {
      const described = describeError(error, locale, options.describers);
      if (described.code === 'app.unexpected') {
        log.error(`ipc: ${channel} failed`, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return { ok: false, error: described };
    }
  };
}
