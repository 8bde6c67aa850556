/**
 * The design tokens both the runtime ConfigProvider and the build-time CSS generator
 * (build/antdThemeCss.ts) use, so the static CSS variables match what the components expect.
 * Plain data: the build imports this file in Node.
 */
export type ResolvedTheme = 'light' | 'dark';

/** The class that scopes each theme's CSS variables (set on <html> and on every antd root). */
export const THEME_CLASS: Record<ResolvedTheme, string> = { light: 'cd-light', dark: 'cd-dark' };

/** Seed tokens shared by both themes. */
export const SEED_TOKEN = {
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  colorPrimary: '#1677ff',
  borderRadius: 6,
} as const;

/**
 * Each theme's seed tokens. Light: antd's default blue under white text is 4.1:1 (a primary
 * button's label, 播放), below WCAG AA's 4.5:1, so light uses its darker step (blue-7, 6.2:1);
 * dark keeps the default, which the dark algorithm already darkens under white text.
 */
export const THEME_TOKEN: Record<ResolvedTheme, Record<string, string | number>> = {
  light: { ...SEED_TOKEN, colorPrimary: '#0958d9' },
  dark: { ...SEED_TOKEN },
};
