/**
 * Trusting a tenant's private CA. CEC tenants often serve `https://IP:port` with a certificate
 * from their own CA; the vendor's demo trusts every certificate, which this app never does.
 * An account may carry that CA (PEM): its requests then go through an undici Agent whose TLS
 * trusts the public roots plus that CA, and still checks the host name and the chain.
 */
import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

/** The fetch the CEC client calls (the global one, undici's, or a test's). */
export type HttpFetch = (input: string, init: RequestInit & Record<string, unknown>) => Promise<Response>;

/** What a request needs for an account's TLS trust: a fetch and extra init fields. */
export interface TlsSetup {
  fetch: HttpFetch;
  init: Record<string, unknown>;
  /** Frees the Agent's sockets. */
  close(): Promise<void>;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM text (one or several).
 * @throws RangeError when it holds no certificate
 */
export function pemCertificates(pem: string): string[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new RangeError('the CA file holds no PEM certificate');
  return blocks;
}

/**
 * The fetch for an account: with a CA, undici's fetch over an Agent trusting the public roots
 * and that CA (both from the same undici, so the dispatcher matches the fetch); without, the
 * given (or global) fetch unchanged.
 */
export function tlsSetup(caPem: string | undefined, fallback: HttpFetch | undefined): TlsSetup {
  if (!caPem)
    return {
      fetch: fallback ?? ((input, init) => globalThis.fetch(input, init)),
      init: {},
      close: async () => undefined,
    };
  const agent = new Agent({ connect: { ca: [...rootCertificates, ...pemCertificates(caPem)] } });
  return {
    fetch: fallback ?? ((input, init) => undiciFetch(input, init as never) as unknown as Promise<Response>),
    init: { dispatcher: agent },
    close: () => agent.close(),
  };
}
