/**
 * Which network addresses are not on the public internet: this machine, the local network,
 * link-local and reserved ranges. A provider hands the app URLs (recordings) that main then
 * fetches; one pointing at such an address could make main talk to something on the operator's
 * own network (a router's admin page, a local service) on the server's behalf.
 */
import { isIP } from 'node:net';

function ipv4Private(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && address.split('.')[2] === '0') ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

function ipv6Private(address: string): boolean {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (lower === '::' || lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]!);
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xff00) === 0xff00 // multicast
  );
}

/** Whether an IP address (v4 or v6) is private, loopback, link-local or reserved. */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address.replace(/^\[|\]$/g, ''));
  if (kind === 4) return ipv4Private(address);
  if (kind === 6) return ipv6Private(address);
  return false;
}
