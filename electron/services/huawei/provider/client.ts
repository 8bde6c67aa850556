/** The CEC client of an account, made from its settings and secrets, and kept while they hold. */
import { createHash } from 'node:crypto';
import type { ProviderContext } from '../../providers/types';
import { createHuaweiCecClient, type HuaweiCecClient } from '../client';
import { DEFAULT_TIME_ZONE } from '../time';

/**
 * Clients by account (a hash of its settings and secrets): every operation makes a provider,
 * and a client with a private CA holds a TLS agent and its sockets, so one client serves every
 * provider of an account until its settings change. The oldest is closed past the limit.
 */
const clients = new Map<string, HuaweiCecClient>();
const MAX_CLIENTS = 8;

export function cachedClient(context: ProviderContext): HuaweiCecClient {
  const key = createHash('sha256')
    .update(JSON.stringify([context.settings, context.secrets]))
    .digest('hex');
  const known = clients.get(key);
  if (known) {
    // Most recently used last.
    clients.delete(key);
    clients.set(key, known);
    return known;
  }
  const client = cecClientFor(context);
  clients.set(key, client);
  if (clients.size > MAX_CLIENTS) {
    const [oldestKey, oldest] = clients.entries().next().value as [string, HuaweiCecClient];
    clients.delete(oldestKey);
    void oldest.close().catch(() => undefined);
  }
  return client;
}

/** The client of an account's settings and secrets. @throws CecValidationError */
export function cecClientFor(context: ProviderContext): HuaweiCecClient {
  const { settings, secrets } = context;
  const caPem = (settings['caPem'] ?? '').trim();
  const qcDomain = (settings['qcDomain'] ?? '').trim();
  const appKey = secrets['qc_app_key'] ?? '';
  const appSecret = secrets['qc_app_secret'] ?? '';
  return createHuaweiCecClient({
    baseUrl: settings['baseUrl'] ?? '',
    ak: secrets['ak'] ?? '',
    sk: secrets['sk'] ?? '',
    vdnId: settings['vdnId'] ?? '',
    timeZone: (settings['timeZone'] ?? '').trim() || DEFAULT_TIME_ZONE,
    // With a private CA the client brings its own fetch (undici's, matching its Agent).
    ...(caPem ? { caPem } : { fetch: context.fetch }),
    ...(qcDomain && appKey && appSecret ? { qc: { baseUrl: qcDomain, appKey, appSecret } } : {}),
    log: context.log,
  });
}
