import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Two helpers inside antd's rc-components write <style> elements at run time, which the CSP
 * (`style-src 'self'`) blocks and reports: the scrollbar measurement every Table does, and the
 * body scroll lock of Modal and Drawer. The build swaps them for versions that do the same with
 * CSSOM and a class (renderer/src/vendor/), so the app runs with no style violation at all.
 */
export function cspSafeStylesPlugin(root: string): Plugin {
  const swaps: [RegExp, string][] = [
    [/@rc-component[\\/]util[\\/]es[\\/]getScrollBarSize\.js$/, resolve(root, 'renderer/src/vendor/scrollBarSize.ts')],
    [/@rc-component[\\/]portal[\\/]es[\\/]useScrollLocker\.js$/, resolve(root, 'renderer/src/vendor/useScrollLocker.ts')],
  ];
  return {
    name: 'campaign-desk:csp-safe-styles',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/getScrollBarSize|useScrollLocker/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      for (const [pattern, replacement] of swaps) if (pattern.test(resolved.id)) return replacement;
      return null;
    },
  };
}
