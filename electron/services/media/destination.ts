/**
 * Where main may fetch a provider's media from. A recording URL comes from the provider's
 * answer (or a push anyone could forge), so main refuses hosts on this machine or its network
 * — unless the account itself lives there (the embedded sandbox, a tenant on the LAN): the
 * account's own hosts are trusted. The check runs on the URL before fetching, on every redirect
 * hop, and (for the app's own fetch) again on the address actually connected to, so a name that
 * resolves to a public address at the check and a private one at the connect is refused too.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { isPrivateAddress } from '../http/addresses';

/** Resolves a host name to its addresses. */
export type Resolve = (hostname: string) => Promise<string[]>;

export const resolveHost: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Whether `url` may be fetched: its host is trusted (one of the account's), or every address it
 * resolves to is public.
 */
export async function destinationAllowed(
  url: URL,
  trusted: readonly string[],
  resolve: Resolve,
): Promise<boolean> {
  const host = bare(url.hostname);
  if (trusted.map(bare).includes(host)) return true;
  const addresses = isIP(host) ? [host] : await resolve(host).catch(() => []);
  return addresses.length > 0 && !addresses.some(isPrivateAddress);
}

/**
 * A fetch that connects only to public addresses, except for the trusted hosts: the check on
 * the address connected to (see the file comment).
 */
export function guardedFetch(trusted: readonly string[]): typeof globalThis.fetch {
  const allowed = new Set(trusted.map(bare));
  const agent = new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
          if (error) return callback(error, '', 4);
          const usable = allowed.has(bare(hostname))
            ? addresses
            : addresses.filter((a) => !isPrivateAddress(a.address));
          if (usable.length === 0) {
            const refused = Object.assign(new Error(`${hostname} resolves to a private address`), {
              code: 'EPRIVATEADDRESS',
            });
            return callback(refused, '', 4);
          }
          if ((options as { all?: boolean }).all)
            return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
          callback(null, usable[0]!.address, usable[0]!.family);
        });
      },
    },
  });
  return (input, init) =>
    undiciFetch(
      input as never,
      { ...(init as object), dispatcher: agent } as never,
    ) as unknown as Promise<Response>;
}
