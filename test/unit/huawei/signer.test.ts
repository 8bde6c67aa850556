/**
 * auth-v2 against vectors computed outside this code base: the issue's vector, and two more
 * (a non-ASCII query; a body with Chinese, a space and `&`) computed by
 * test/fixtures/huawei/auth_v2_vectors.py from the spec README alone. The HMAC chain of each is
 * also re-done with the openssl command line in the test run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  authV2Timestamp,
  canonicalRequest,
  encodeRfc3986,
  expectedSignature,
  JSON_CONTENT_TYPE,
  parseAuthV2,
  signAuthV2,
  type SignInput,
} from '../../../electron/services/huawei/signer';

const FIXTURES = join(__dirname, '../../fixtures/huawei');
const vectors = JSON.parse(readFileSync(join(FIXTURES, 'auth_v2_vectors.json'), 'utf8')) as Record<
  string,
  { canonical: string; authorization: string }
>;

const CREDS = { ak: 'AK0123456789ABCDEFGH', sk: 'SK/secret+key=with~chars' };
const TIME = 1700000000000;

const inputs: Record<string, SignInput> = {
  issue: {
    method: 'POST',
    path: '/CCFS/resource/ccfs/ivr/downloadFile',
    headers: { host: 'cec.example.com:8043', 'Content-Type': JSON_CONTENT_TYPE },
    body: '{"request":{"version":"2.0"},"msgBody":{"filePath":"Y:/3rdfile/53/thirdvoicebotfile","mode":"1"}}',
  },
  query: {
    method: 'GET',
    path: '/rest/isales/v1/openapi/campaigns/1',
    query: [
      ['offset', '0'],
      ['name', '回访 活动'],
      ['limit', '100'],
      ['tag', "a*b(c)!'"],
    ],
    headers: { host: '10.0.0.8:18443', 'Content-Type': JSON_CONTENT_TYPE },
    body: '',
  },
  body: {
    method: 'POST',
    path: '/rest/isales/v1/openapi/campaigns/1',
    headers: { host: 'cec.example.com', 'Content-Type': JSON_CONTENT_TYPE },
    body: '{"name":"十一月 回访&复核","callerNo":"02180344315"}',
  },
};

/** HMAC-SHA256 hex with the openssl CLI (key as text), independent of node:crypto. */
function opensslHmac(key: string, text: string): string {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', key], {
    input: Buffer.from(text, 'utf8'),
  });
  return /([0-9a-f]{64})\s*$/.exec(out.toString())![1]!;
}

describe('auth-v2 signer', () => {
  it('reproduces the issue vector exactly', () => {
    expect(signAuthV2(CREDS, inputs.issue!, TIME)).toBe(
      'auth-v2/AK0123456789ABCDEFGH/2023-11-14T22:13:20Z/content-type;host/0c870acde548a69550d343860d715c7485f3025137014327c67784ed8cc87f08',
    );
  });

  for (const name of Object.keys(inputs)) {
    it(`matches the independent ${name} vector (canonical string and header)`, () => {
      const input = inputs[name]!;
      expect(canonicalRequest(input)).toBe(vectors[name]!.canonical);
      expect(signAuthV2(CREDS, input, TIME)).toBe(vectors[name]!.authorization);
    });

    it(`agrees with openssl on the ${name} vector's HMAC chain`, () => {
      const auth = vectors[name]!.authorization;
      const prefix = auth.slice(0, auth.lastIndexOf('/'));
      const key = opensslHmac(CREDS.sk, prefix);
      expect(opensslHmac(key, vectors[name]!.canonical)).toBe(auth.slice(auth.lastIndexOf('/') + 1));
    });
  }

  it('leaves out the query line without a query and ends with a newline without a body', () => {
    const text = canonicalRequest({ method: 'get', path: '/x', headers: { Host: 'h' }, body: '' });
    expect(text).toBe('GET\n/x\nhost\nhost:h\n');
  });

  it('encodes as RFC 3986 over UTF-8 with upper-case hex', () => {
    expect(encodeRfc3986('a-b._~ Z9')).toBe('a-b._~%20Z9');
    expect(encodeRfc3986("!*'()+&=/")).toBe('%21%2A%27%28%29%2B%26%3D%2F');
    expect(encodeRfc3986('回')).toBe('%E5%9B%9E');
    expect(encodeRfc3986('😀')).toBe('%F0%9F%98%80');
    expect(() => encodeRfc3986('\ud800')).toThrow(RangeError);
  });

  it('signs whole seconds in UTC', () => {
    expect(authV2Timestamp(1700000000999)).toBe('2023-11-14T22:13:20Z');
  });

  it('a changed body, SK or time gives another signature; the verifier half agrees with the signer', () => {
    const header = signAuthV2(CREDS, inputs.body!, TIME);
    const parsed = parseAuthV2(header)!;
    expect(parsed).toMatchObject({ ak: CREDS.ak, signedHeaders: ['content-type', 'host'], time: TIME });
    expect(expectedSignature(parsed, CREDS.sk, inputs.body!)).toBe(parsed.signature);
    expect(expectedSignature(parsed, 'other', inputs.body!)).not.toBe(parsed.signature);
    const tampered = { ...inputs.body!, body: inputs.body!.body.replace('回访', '回放') };
    expect(expectedSignature(parsed, CREDS.sk, tampered)).not.toBe(parsed.signature);
    expect(signAuthV2(CREDS, inputs.body!, TIME + 1000)).not.toBe(header);
  });

  it('reads the fragments’ millisecond stamp and rejects what is not auth-v2', () => {
    const sample = `auth-v2/ak/2021-08-31T09:38:50.872Z/content-length;content-type;host/${'c'.repeat(64)}`;
    expect(parseAuthV2(sample)).toMatchObject({
      ak: 'ak',
      time: Date.UTC(2021, 7, 31, 9, 38, 50, 872),
      signedHeaders: ['content-length', 'content-type', 'host'],
    });
    expect(parseAuthV2('Bearer abc')).toBeNull();
    expect(parseAuthV2(undefined)).toBeNull();
    expect(parseAuthV2(`auth-v2/ak/yesterday/host/${'c'.repeat(64)}`)).toBeNull();
  });
});
