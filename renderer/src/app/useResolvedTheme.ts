import { useSyncExternalStore } from 'react';
import type { Theme } from '../../../shared/prefs';
import type { ResolvedTheme } from './themeConfig';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const osIsDark = (): boolean => window.matchMedia(DARK_QUERY).matches;

/** Light or dark: the choice in Settings, or the OS setting (followed live) for `system`. */
export function useResolvedTheme(choice: Theme): ResolvedTheme {
  const dark = useSyncExternalStore(subscribe, osIsDark);
  if (choice === 'system') return dark ? 'dark' : 'light';
  return choice;
}
