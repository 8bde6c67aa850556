import type { Database } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/providers';
import type { AccountService } from '../accounts/service';
import type { Broadcast } from '../contract/dispatch';
import type { Logger } from '../log';
import { providerFactory } from '../providers/registry';
import type { CallStore } from './callStore';
import type { PushAnswer } from './pushReceiver';

/** What storing a push needs. */
export interface PushIntakeDeps {
  db: Database;
  accounts: Pick<AccountService, 'factoryFor'> & Partial<Pick<AccountService, 'settingsFor' | 'accountsOf'>>;
  calls: CallStore;
  /** The active account (a push of its provider is stored under it). */
  activeId: string;
  now: () => number;
  broadcast?: Broadcast;
  log?: Logger;
}

/**
 * Parses a push with its provider's parser and stores its calls on the task the resolver finds
 * for their row keys (or the task the push names), under the account of the push's provider;
 * answers what the provider expects.
 */
export function receivePush(deps: PushIntakeDeps, provider: ProviderId, body: string): PushAnswer {
  let parsed;
  let accountId = deps.activeId;
  try {
    const factory = providerFactory(provider);
    if (deps.accounts.factoryFor(accountId).info.id !== provider) {
      const owner = pushOwner(deps, provider, factory.parsePush(body).calls);
      if (owner !== null) accountId = owner;
    }
    const own = deps.accounts.factoryFor(accountId).info.id === provider;
    parsed = factory.parsePush(body, own ? deps.accounts.settingsFor?.(accountId) : undefined);
  } catch {
    deps.log?.warn('push: unreadable body', { provider, bytes: Buffer.byteLength(body) });
    return { status: 400, contentType: 'application/json; charset=utf-8', body: '{"error":"unreadable"}' };
  }
  const { taskIds } = deps.calls.ingest(parsed.calls, { accountId, taskId: null, now: deps.now() });
  for (const taskId of new Set(taskIds)) deps.broadcast?.('results:changed', { accountId, taskId });
  return parsed.answer;
}

/**
 * The account a push from another provider than the active account's belongs to: the only
 * account on that provider, else the one that uploaded into, synced or stored calls of the
 * pushed tasks, else the first on that provider; null when no account is on it (the push is
 * then kept under the active account, as before).
 */
function pushOwner(
  deps: PushIntakeDeps,
  provider: ProviderId,
  calls: readonly { taskId: string | null }[],
): string | null {
  const candidates = deps.accounts.accountsOf?.(provider) ?? [];
  if (candidates.length <= 1) return candidates[0] ?? null;
  const taskIds = JSON.stringify([...new Set(calls.flatMap((c) => (c.taskId ? [c.taskId] : [])))]);
  const owners = deps.db
    .prepare(
      `SELECT account_id FROM uploads WHERE task_id IN (SELECT value FROM json_each(?))
       UNION SELECT account_id FROM sync_cursors WHERE task_id IN (SELECT value FROM json_each(?))
       UNION SELECT account_id FROM result_calls WHERE task_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(taskIds, taskIds, taskIds) as string[];
  const owner = candidates.find((id) => owners.includes(id)) ?? candidates[0]!;
  deps.log?.info('push: stored under the account of its provider', { provider });
  return owner;
}
