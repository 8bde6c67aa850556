import type { z } from 'zod';
import { accountCalls, accountEvents } from './contracts/accounts';
import { appCalls, appEvents } from './contracts/app';
import { dncCalls, dncEvents } from './contracts/dnc';
import { listCalls, listEvents } from './contracts/lists';
import { resultCalls, resultEvents } from './contracts/results';
import { taskCalls, taskEvents } from './contracts/tasks';
import { updateCalls, updateEvents } from './contracts/updates';
import { uploadCalls, uploadEvents } from './contracts/uploads';
import type { Result } from './result';

export type { AppInfo } from './contracts/app';

/**
 * The one place every renderer ↔ main call is declared. Main registers a handler per entry
 * (validating `input` with the schema), the preload and the test harness expose one
 * `window.api.<domain>.<verb>()` function per entry, and both sides type-check against it,
 * so a renamed field breaks the build on both sides.
 *
 * Each feature declares its calls and events in `contracts/<feature>.ts`; they are joined here.
 * Channels are `domain:verb`. Outputs are types only: main is trusted to produce them.
 */
export const contract = {
  ...appCalls,
  ...accountCalls,
  ...listCalls,
  ...taskCalls,
  ...resultCalls,
  ...uploadCalls,
  ...dncCalls,
  ...updateCalls,
} as const;

/** Events main sends to the renderer. */
export const events = {
  ...appEvents,
  ...accountEvents,
  ...listEvents,
  ...taskEvents,
  ...resultEvents,
  ...uploadEvents,
  ...dncEvents,
  ...updateEvents,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type EventName = keyof typeof events;
export type Input<C extends Channel> = z.infer<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never;
type Capital<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

type CallFn<C extends Channel> =
  Input<C> extends undefined
    ? () => Promise<Result<Output<C>>>
    : (input: Input<C>) => Promise<Result<Output<C>>>;

/**
 * `window.api`: `api.prefs.set({...})` for `prefs:set`, and `api.prefs.onChanged(cb)` for the
 * `prefs:changed` event (it returns the unsubscribe function).
 */
export type Api = {
  [D in DomainOf<Channel> | DomainOf<EventName>]: {
    [C in Channel as VerbOf<C, D>]: CallFn<C>;
  } & {
    [E in EventName as E extends `${D}:${infer V}` ? `on${Capital<V>}` : never]: (
      listener: (payload: EventPayload<E>) => void,
    ) => () => void;
  };
};

/** How a host moves calls and events; the preload and the harness client each supply one. */
export interface ApiTransport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Builds `window.api` over a transport: one function per contract entry, nothing else. */
export function createApi(transport: ApiTransport): Api {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string): Record<string, unknown> => (api[name] ??= {});
  for (const channel of CHANNELS) {
    const [d, verb] = channel.split(':') as [string, string];
    domain(d)[verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  for (const event of EVENT_NAMES) {
    const [d, verb] = event.split(':') as [string, string];
    domain(d)[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener);
  }
  return api as unknown as Api;
}
