import { StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider, theme as antdTheme, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../shared/locale';
import { usePrefsStore } from './prefsStore';
import { THEME_CLASS, THEME_TOKEN } from './themeConfig';
import { useResolvedTheme } from './useResolvedTheme';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } satisfies Record<Locale, unknown>;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * antd still computes its tokens at run time and would add them in <style> tags; the CSP
 * (`style-src 'self'`) forbids inline styles, so they go into a node that is never attached
 * to the document. The variables come from the baked theme CSS instead (build/antdThemeCss.ts).
 */
const detachedStyles = document.createElement('div');

/**
 * Ant Design for every screen: the app's language (antd texts and dayjs), light or dark by the
 * theme algorithm (following the OS or the Settings choice), zeroRuntime with static CSS.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const locale = usePrefsStore((state) => state.prefs.locale);
  const choice = usePrefsStore((state) => state.prefs.theme);
  const resolved = useResolvedTheme(choice);

  const theme = useMemo<ThemeConfig>(
    () => ({
      zeroRuntime: true,
      algorithm: resolved === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm,
      token: THEME_TOKEN[resolved],
      cssVar: { key: THEME_CLASS[resolved] },
    }),
    [resolved],
  );

  dayjs.locale(DAYJS_LOCALES[locale]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    root.dataset.theme = resolved;
    root.classList.remove(...Object.values(THEME_CLASS));
    root.classList.add(THEME_CLASS[resolved]);
  }, [locale, resolved]);

  return (
    <StyleProvider container={detachedStyles}>
      <ConfigProvider
        locale={ANTD_LOCALES[locale]}
        theme={theme}
        // "删除", not "删 除": the spaced label reads oddly and is not the button's accessible name.
        button={{ autoInsertSpace: false }}
      >
        <AntApp component={false}>{children}</AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}
