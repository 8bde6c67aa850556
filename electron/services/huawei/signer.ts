/**
 * The auth-v2 signature of CC-iSales, CC-FS and CC-CMS requests (spec README, "Huawei — details
 * settled for this app"). Pure: no clock, no I/O; the transport passes the time and the exact
 * bytes it will send, and the CEC sandbox re-computes it from the bytes it received.
 *
 * ```
 * Authorization: auth-v2/{AK}/{yyyy-MM-ddTHH:mm:ssZ}/{signed header names}/{signature}
 * signingKey = hex(HMAC-SHA256(key = SK as UTF-8, prefix))        prefix = everything before /{signature}
 * signature  = hex(HMAC-SHA256(key = signingKey as a 64-char string, canonical))
 * canonical  = METHOD \n path \n [sorted enc(k)=enc(v) joined by & \n] names \n
 *              sorted enc(name):enc(value) lines joined by \n \n enc(body)
 * ```
 *
 * The path is signed as it appears on the request line (the transport builds it from segments
 * encoded with {@link encodeRfc3986}, so both are the same); header values are trimmed, as HTTP
 * itself drops the spaces around a value.
 */
import { createHmac } from 'node:crypto';

/** The headers this app signs: the README's choice (the demo signs `host` alone). */
export const SIGNED_HEADERS = ['content-type', 'host'] as const;

/** The one Content-Type CC-iSales and CC-FS bodies are sent with, byte for byte as signed. */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

const UNRESERVED_EXTRA = /[!'()*]/g;

/**
 * RFC 3986 over UTF-8: `A-Za-z0-9-._~` unchanged, everything else `%XX` upper-case (a space is
 * `%20`, never `+`).
 * @throws RangeError for text with an unpaired surrogate (it has no UTF-8 form)
 */
export function encodeRfc3986(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    throw new RangeError('text contains an unpaired surrogate and cannot be signed');
  }
  // encodeURIComponent keeps !'()* which RFC 3986 reserves.
  return encoded.replace(
    UNRESERVED_EXTRA,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Query items in the order given; values are text (a number is sent as its digits). */
export type QueryItems = ReadonlyArray<readonly [string, string]>;

/** `enc(k)=enc(v)` items sorted as whole strings and joined by `&`; `''` without a query. */
export function canonicalQuery(items: QueryItems): string {
  return items
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .sort()
    .join('&');
}

/** The same items in the order given, encoded the same way: what the request line carries. */
export function wireQuery(items: QueryItems): string {
  return items.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
}

/** `2023-11-14T22:13:20Z`: UTC, whole seconds. */
export function authV2Timestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** What one signature covers. */
export interface SignInput {
  method: string;
  /** The path exactly as on the request line, e.g. `/rest/isales/v1/openapi/campaigns/1`. */
  path: string;
  query?: QueryItems;
  /** The signed headers by name (any case); every one is signed. */
  headers: Readonly<Record<string, string>>;
  /** The body text exactly as sent; `''` when there is none. */
  body: string;
}

/** The names and lines of the signed headers, sorted. */
function headerParts(headers: Readonly<Record<string, string>>): { names: string; lines: string[] } {
  const entries = Object.entries(headers).map(([k, v]) => [k.trim().toLowerCase(), v.trim()] as const);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    names: entries.map(([k]) => k).join(';'),
    lines: entries.map(([k, v]) => `${encodeRfc3986(k)}:${encodeRfc3986(v)}`).sort(),
  };
}

/** The canonical string of a request (see the module comment). */
export function canonicalRequest(input: SignInput): string {
  const { names, lines } = headerParts(input.headers);
  const parts = [input.method.toUpperCase(), input.path];
  const query = canonicalQuery(input.query ?? []);
  if (query !== '') parts.push(query);
  parts.push(names, ...lines, encodeRfc3986(input.body));
  return parts.join('\n');
}

const hmacHex = (key: string, text: string): string =>
  createHmac('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex');

/**
 * The `Authorization` header value for a request.
 * @param credentials the AK and SK as given by the tenant (the SK is used as UTF-8 text)
 * @param input what is sent
 * @param epochMs the signing time (whole seconds are used)
 */
export function signAuthV2(
  credentials: { ak: string; sk: string },
  input: SignInput,
  epochMs: number,
): string {
  const { names } = headerParts(input.headers);
  const prefix = `auth-v2/${credentials.ak}/${authV2Timestamp(epochMs)}/${names}`;
  const signingKey = hmacHex(credentials.sk, prefix);
  return `${prefix}/${hmacHex(signingKey, canonicalRequest(input))}`;
}

/** A parsed `Authorization: auth-v2/…` header. */
export interface AuthV2Header {
  ak: string;
  /** As written, e.g. `2023-11-14T22:13:20Z` (the fragments' sample has milliseconds). */
  timestamp: string;
  /** Epoch ms of the timestamp. */
  time: number;
  /** Lower-case names, as listed. */
  signedHeaders: string[];
  signature: string;
}

const AUTH_V2 =
  /^auth-v2\/([^/]+)\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\/([^/]+)\/([0-9a-f]{64})$/;

/** Reads an auth-v2 header; null when it is not one. */
export function parseAuthV2(header: string | undefined): AuthV2Header | null {
  const m = AUTH_V2.exec((header ?? '').trim());
  if (!m) return null;
  const time = Date.parse(m[2]!);
  if (!Number.isFinite(time)) return null;
  return {
    ak: m[1]!,
    timestamp: m[2]!,
    time,
    signedHeaders: m[3]!.split(';').map((n) => n.toLowerCase()),
    signature: m[4]!,
  };
}

/**
 * The signature a request with this header should carry, given its SK: the verifier's half
 * (the CEC sandbox and the tests that re-sign what a server received).
 */
export function expectedSignature(parsed: AuthV2Header, sk: string, input: SignInput): string {
  const prefix = `auth-v2/${parsed.ak}/${parsed.timestamp}/${parsed.signedHeaders.join(';')}`;
  return hmacHex(hmacHex(sk, prefix), canonicalRequest(input));
}
