import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ExportHost } from '../../electron/services/exports/service';

/** Where the harness serves an export's file: `/downloads/<unguessable id>`. */
export const DOWNLOAD_PREFIX = '/downloads/';

/**
 * Exports in the browser harness: the service writes into a private folder and the page gets
 * a same-origin URL the browser downloads (as a web app's export would). Each file is served
 * once, then deleted; the ids are random, so no other page can guess one.
 */
export function createDownloadHost(dataDir: string): {
  host: ExportHost;
  serve(pathname: string, res: ServerResponse): boolean;
  close(): void;
} {
  const folder = join(dataDir, 'downloads');
  rmSync(folder, { recursive: true, force: true });
  const files = new Map<string, { path: string; name: string }>();
  return {
    host: {
      chooseTarget(suggestedName, format) {
        mkdirSync(folder, { recursive: true });
        const id = randomBytes(18).toString('base64url');
        const path = join(folder, `${id}.${format}`);
        files.set(id, { path, name: suggestedName });
        return Promise.resolve({ kind: 'download', path, url: `${DOWNLOAD_PREFIX}${id}` });
      },
    },
    serve(pathname, res) {
      if (!pathname.startsWith(DOWNLOAD_PREFIX)) return false;
      const id = pathname.slice(DOWNLOAD_PREFIX.length);
      const file = files.get(id);
      let size = -1;
      try {
        if (file) size = statSync(file.path).size;
      } catch {
        // Not written (the export failed): not found.
      }
      if (!file || size < 0) {
        res.writeHead(404).end('Not found');
        return true;
      }
      files.delete(id);
      const type = file.path.endsWith('.csv')
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      res.writeHead(200, {
        'content-type': type,
        'content-length': size,
        'content-disposition': `attachment; filename="export${file.path.slice(file.path.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(file.path)
        .on('close', () => rmSync(file.path, { force: true }))
        .pipe(res);
      return true;
    },
    close() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
