/**
 * Who sent an IPC message. Electron fills it from `event.senderFrame`; the harness from the
 * WebSocket's Origin header. Only the app's own top-level document may call the contract:
 * an iframe or a page that navigated elsewhere must not reach the services.
 */
export interface SenderInfo {
  /** The URL of the frame that sent the message. */
  url: string;
  /** True only for the window's main frame (not an iframe). */
  isTopFrame: boolean;
}

const OPAQUE_SCHEMES = new Set(['file:', 'data:', 'about:', 'blob:', 'javascript:']);

/**
 * The origin of a URL, or null for opaque or unparsable ones (`file:`, `data:`, `about:`).
 * WHATWG URL gives every non-web scheme the origin "null", but the app's own `app://` scheme is
 * registered as standard in Electron, where it has a real `scheme://host` origin: compute it.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    if (OPAQUE_SCHEMES.has(parsed.protocol) || parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True when the sender is a top frame whose origin is one of the allowed ones. */
export function isTrustedSender(sender: SenderInfo, allowedOrigins: readonly string[]): boolean {
  if (!sender.isTopFrame) return false;
  const origin = originOf(sender.url);
  return origin !== null && allowedOrigins.includes(origin);
}
