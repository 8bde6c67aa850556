import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { THEME_CLASS, THEME_TOKEN, type ResolvedTheme } from '../renderer/src/app/themeConfig';

const VIRTUAL_ID = 'virtual:antd-theme.css';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

type StyleHook = (prefixCls: string, rootCls?: string) => unknown;

/**
 * Bakes antd's design tokens into static CSS at build time. In zeroRuntime mode the components'
 * rules come from antd/dist/antd.css, but their values are CSS variables that antd would
 * otherwise inject in <style> tags at run time, which the CSP (`style-src 'self'`) forbids.
 * So the build renders antd once in Node per theme, collects every global and component
 * variable, and writes them as one rule per theme class (custom properties inherit, and every
 * component's variables have a distinct `--ant-<component>-` prefix, so one rule serves all).
 */
export function themeCss(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const antd = require('antd') as typeof import('antd');
  const lib = join(root, 'node_modules/antd/lib');
  const hooks: StyleHook[] = [];
  for (const dir of readdirSync(lib)) {
    const file = join(lib, dir, 'style/index.js');
    if (!existsSync(file)) continue;
    const mod = require(file) as { default?: unknown };
    if (typeof mod.default === 'function') hooks.push(mod.default as StyleHook);
  }
  // Calls every component's style hook: in zeroRuntime mode that registers only its variables.
  function Probe(): null {
    for (const useStyle of hooks) useStyle('ant-probe');
    return null;
  }
  const algorithms: Record<ResolvedTheme, unknown> = {
    light: antd.theme.defaultAlgorithm,
    dark: antd.theme.darkAlgorithm,
  };
  const rules: string[] = [];
  for (const name of Object.keys(THEME_CLASS) as ResolvedTheme[]) {
    const cache = cssinjs.createCache();
    const themeConfig = {
      zeroRuntime: true,
      algorithm: algorithms[name],
      token: THEME_TOKEN[name],
      cssVar: { key: THEME_CLASS[name] },
    } as import('antd').ThemeConfig;
    renderToString(
      React.createElement(
        cssinjs.StyleProvider,
        { cache },
        React.createElement(antd.ConfigProvider, { theme: themeConfig }, React.createElement(Probe)),
      ),
    );
    const extracted = cssinjs.extractStyle(cache, { plain: true });
    const declarations = new Map<string, string>();
    for (const [, body] of extracted.matchAll(/\{([^{}]*)\}/g)) {
      for (const part of (body ?? '').split(';')) {
        const colon = part.indexOf(':');
        if (part.trim().startsWith('--') && colon > 0)
          declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
      }
    }
    if (declarations.size < 500) throw new Error(`antd theme ${name}: only ${declarations.size} variables`);
    const body = [...declarations].map(([key, value]) => `${key}:${value};`).join('');
    rules.push(`.${THEME_CLASS[name]}{color-scheme:${name};${body}}`);
  }
  return rules.join('\n');
}

/**
 * antd components no screen uses (renderer/src imports none of them): their rules are left out
 * of the static CSS, ~20% of antd.css that every start-up would parse. Add a component here
 * only when nothing imports it; a screen that starts using one must take it off this list.
 */
export const UNUSED_COMPONENTS = [
  'anchor',
  'carousel',
  'cascader',
  'color-picker',
  'float-btn',
  'image',
  'masonry',
  'mentions',
  'qrcode',
  'rate',
  'slider',
  'splitter',
  'timeline',
  'tour',
  'transfer',
  'tree',
  'watermark',
];

/** Splits minified CSS into its top-level rules and at-blocks. */
function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const char = css[i];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return blocks;
}

/**
 * antd/dist/antd.css without the rules of unused components and without the variable blocks
 * it ships for its own build's theme keys (`.css-var-_R_…`, replaced by ours).
 */
export function componentCss(root: string, unused: readonly string[] = UNUSED_COMPONENTS): string {
  const css = readFileSync(join(root, 'node_modules/antd/dist/antd.css'), 'utf8');
  const unusedClass = new RegExp(`\\.ant-(?:${unused.join('|')})(?![a-z])`);
  return topLevelBlocks(css)
    .filter((block) => {
      if (block.startsWith('@')) return true;
      const selectors = block.slice(0, block.indexOf('{')).split(',');
      if (selectors.every((selector) => selector.trim().startsWith('.css-var-_R_'))) return false;
      return !selectors.every((selector) => unusedClass.test(selector));
    })
    .join('');
}

/** Serves antd's component rules and the baked variables as `import 'virtual:antd-theme.css'`. */
export function antdThemeCssPlugin(root: string): Plugin {
  let css: string | null = null;
  return {
    name: 'campaign-desk:antd-theme-css',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      css ??= `${componentCss(root)}\n${themeCss(root)}`;
      return css;
    },
  };
}
