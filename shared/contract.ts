import { z } from 'zod';
import type { AccountsState, ConnectionReport } from './accounts';
import type { Prefs } from './prefs';
import { accountDraftSchema, accountIdSchema, optionalAccountIdSchema } from './schemas/accounts';
import { prefsPatchSchema } from './schemas/prefs';
import type { Result } from './result';

/**
 * The one place every renderer ↔ main call is declared. Main registers a handler per entry
 * (validating `input` with the schema), the preload and the test harness expose one
 * `window.api.<domain>.<verb>()` function per entry, and both sides type-check against it,
 * so a renamed field breaks the build on both sides.
 *
 * Channels are `domain:verb`. Outputs are types only: main is trusted to produce them.
 */

/** Marks the output type of a call or the payload type of an event (no runtime value). */
function shape<T>(): T {
  return undefined as T;
}

const noInput = z.undefined();

/** What `app:info` answers. */
export interface AppInfo {
  /** The app version from package.json. */
  version: string;
  /** Where lists, recordings and preferences are kept on this machine. */
  dataDir: string;
  /** `win32`, `darwin`, `linux`. */
  platform: string;
  /** Which host serves the contract: the desktop app or the browser test harness. */
  host: 'electron' | 'harness';
}

export const contract = {
  /** Version, data folder and platform, for the About box and bug reports. */
  'app:info': { input: noInput, output: shape<AppInfo>() },
  /** The stored UI preferences (defaults filled in). */
  'prefs:get': { input: noInput, output: shape<Prefs>() },
  /** Changes some preferences; answers the full preferences after the change. */
  'prefs:set': { input: prefsPatchSchema, output: shape<Prefs>() },
  /** Every account (the built-in sandbox first), the active one, and what keeps credentials. */
  'accounts:list': { input: noInput, output: shape<AccountsState>() },
  /**
   * Creates (no `id`) or updates an account. The appid/signature go to the OS keychain; the
   * signature is write-only: absent or empty keeps the stored one.
   */
  'accounts:save': { input: accountDraftSchema, output: shape<{ id: string; state: AccountsState }>() },
  /** Removes an account and its keychain entry (not the built-in sandbox). */
  'accounts:remove': { input: accountIdSchema, output: shape<AccountsState>() },
  /** Makes an account the active one: every screen then shows its data. */
  'accounts:use': { input: accountIdSchema, output: shape<AccountsState>() },
  /** Test connection: query_robot_num, plus check_login_name when the account has an email. */
  'accounts:test': { input: optionalAccountIdSchema, output: shape<ConnectionReport>() },
} as const;

/** Events main sends to the renderer. */
export const events = {
  /** Preferences changed (in this window or another one). */
  'prefs:changed': shape<Prefs>(),
  /** Accounts were added, changed, removed or switched. */
  'accounts:changed': shape<AccountsState>(),
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
