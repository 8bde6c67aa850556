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
