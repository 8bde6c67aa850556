import { useSyncExternalStore } from 'react';
import type { MessageKey } from '../i18n/messages';

/** The screens of the app, in navigation order. Hash routes work in every host. */
export const ROUTES = ['lists', 'tasks', 'results', 'dnc', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<Route, MessageKey> = {
  lists: 'nav.lists',
  tasks: 'nav.tasks',
  results: 'nav.results',
  dnc: 'nav.dnc',
  settings: 'nav.settings',
};

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTES as readonly string[]).includes(name ?? '') ? (name as Route) : 'lists';
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current screen, following the URL hash. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}

/** The whole hash, for screens with a sub-route (`#/lists/12`). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
