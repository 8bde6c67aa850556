import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { antdThemeCssPlugin } from './build/antdThemeCss';
import { cspSafeStylesPlugin } from './build/cspSafeStyles';

const root = import.meta.dirname;

/**
 * The React dev server injects an inline refresh preamble that the strict CSP would block.
 * Only under `electron-vite dev` do we allow inline scripts; builds keep the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'campaign-desk:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The import's parse worker runs as its own file (see importer/worker/startWorker.ts).
          importWorker: resolve(root, 'electron/services/importer/worker/parseWorker.ts'),
          // The database's read worker (see db/worker/dbReader.ts).
          dbReadWorker: resolve(root, 'electron/services/db/worker/readWorker.ts'),
          // The embedded sandbox's thread (see sandbox/worker/remote.ts).
          sandboxWorker: resolve(root, 'electron/services/sandbox/worker/sandboxWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the first screen parses ~3x less.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
    plugins: [react(), relaxCspForDevServer(), antdThemeCssPlugin(root), cspSafeStylesPlugin(root)],
  },
});
