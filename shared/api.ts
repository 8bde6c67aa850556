import type { Api, ApiTransport, Channel, EventName } from './contract';

/**
 * Every channel and event name as plain strings, and `createApi` over them: all the preload
 * bundle needs. `contract.ts` holds the zod schemas, which only main runs (it validates every
 * input); importing it here would put zod into the preload. The type checks below fail the
 * build when a contract entry is added without its name here, or a name is left over.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'prefs:get',
  'prefs:set',
  'accounts:list',
  'accounts:save',
  'accounts:remove',
  'accounts:use',
  'accounts:test',
  'lists:all',
  'lists:get',
  'lists:stage',
  'lists:inspect',
  'lists:import',
  'lists:cancelImport',
  'lists:rows',
  'lists:rowsByIds',
  'lists:query',
  'lists:problems',
  'lists:edit',
  'lists:rename',
  'lists:duplicate',
  'lists:delete',
  'tasks:list',
  'tasks:stats',
  'tasks:options',
  'tasks:create',
  'tasks:edit',
  'tasks:pause',
  'tasks:resume',
  'tasks:end',
  'tasks:delete',
  'templates:audio',
  'results:sources',
  'sync:start',
  'sync:cancel',
  'sync:fetchCall',
  'results:query',
  'results:counts',
  'results:call',
  'results:transcript',
  'results:retryTranscript',
  'results:linkList',
  'results:dashboard',
  'results:toList',
  'recordings:open',
  'recordings:storePeaks',
  'push:state',
  'push:configure',
  'uploads:plan',
  'uploads:start',
  'uploads:resume',
  'uploads:pause',
  'uploads:cancel',
  'uploads:status',
  'uploads:forList',
  'uploads:forTask',
  'uploads:rows',
  'uploads:removeRows',
  'uploads:resendUncertain',
  'uploads:skipUncertain',
  'dnc:list',
  'dnc:add',
  'dnc:addRows',
  'dnc:addCall',
  'dnc:import',
  'dnc:remove',
  'exports:list',
  'exports:results',
  'exports:dnc',
  'exports:reveal',
  'updates:state',
  'updates:check',
  'updates:install',
] as const satisfies readonly Channel[];

export const EVENT_LIST = [
  'prefs:changed',
  'accounts:changed',
  'import:progress',
  'lists:changed',
  'tasks:changed',
  'sync:progress',
  'results:changed',
  'uploads:progress',
  'dnc:changed',
  'updates:changed',
] as const satisfies readonly EventName[];

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
/** `true` only when every channel of the contract is listed (else the missing names). */
export const CHANNELS_COMPLETE: Missing<Channel, (typeof CHANNEL_NAMES)[number]> = true;
/** `true` only when every event of the contract is listed. */
export const EVENTS_COMPLETE: Missing<EventName, (typeof EVENT_LIST)[number]> = true;

/** Builds `window.api` over a transport: one function per contract entry, nothing else. */
export function createApi(transport: ApiTransport): Api {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string): Record<string, unknown> => (api[name] ??= {});
  for (const channel of CHANNEL_NAMES) {
    const [d, verb] = channel.split(':') as [string, string];
    domain(d)[verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  for (const event of EVENT_LIST) {
    const [d, verb] = event.split(':') as [string, string];
    domain(d)[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener);
  }
  return api as unknown as Api;
}
