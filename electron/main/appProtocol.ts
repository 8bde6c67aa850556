import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_CSP_HEADER } from '../services/security/csp';
import { contentTypeOf, resolveAsset } from '../services/security/assets';
import type { MediaProxy } from '../services/media/proxy';
import { isMediaPath, serveMedia } from '../services/media/serve';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://campaign-desk';

/** Must run before `app.ready`: makes `app://` a secure, standard scheme with fetch support. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from `root` under `app://campaign-desk/`, with the CSP header.
 * Paths that would leave `root` answer 404. `/media/<id>` serves audio main fetched and
 * cached (the same `serveMedia` the browser harness uses).
 */
export function serveRenderer(root: string, media?: MediaProxy): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (media && url.host === 'campaign-desk' && isMediaPath(url.pathname)) {
      const reply = await serveMedia(media, url.pathname, {
        method: request.method,
        range: request.headers.get('range'),
      });
      return new Response(reply.body, { status: reply.status, headers: reply.headers });
    }
    const file = url.host === 'campaign-desk' ? resolveAsset(root, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': APP_CSP_HEADER,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
