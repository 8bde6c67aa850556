/**
 * The Content-Security-Policy of every app page. Scripts, styles, media and images come only
 * from the app's own origin (`app://campaign-desk` in the desktop app, the loopback harness in
 * tests); recordings are fetched by main and served through that origin, never loaded remotely.
 * The same text is sent as a header by the app protocol and the harness, and sits in
 * `renderer/index.html` as a meta tag (a test keeps them equal).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Header-only directives (ignored in a meta tag). */
export const APP_CSP_HEADER = `${APP_CSP}; frame-ancestors 'none'`;
