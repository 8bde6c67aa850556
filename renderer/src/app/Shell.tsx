import { useEffect } from 'react';
import { ListsPage } from '../features/lists/ListsPage';
import { ResultsPage } from '../features/results/ResultsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { ErrorBanner } from '../components/ErrorBanner';
import { useT } from '../i18n/useT';
import { AccountSwitcher } from './AccountSwitcher';
import { usePrefsStore } from './prefsStore';
import { hrefOf, ROUTE_LABELS, ROUTES, useRoute, type Route } from './routes';

const PAGES: Record<Route, () => React.JSX.Element> = {
  lists: ListsPage,
  tasks: TasksPage,
  results: ResultsPage,
  settings: SettingsPage,
};

/** The frame around every screen: header with the account slot, left navigation, content. */
export function Shell() {
  const t = useT();
  const route = useRoute();
  const error = usePrefsStore((state) => state.error);
  const dismissError = usePrefsStore((state) => state.dismissError);
  const Page = PAGES[route];

  const title = t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand">{t('app.title')}</span>
        <AccountSwitcher />
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {ROUTES.map((name) => (
            <li key={name}>
              <a href={hrefOf(name)} aria-current={name === route ? 'page' : undefined} data-route={name}>
                {t(ROUTE_LABELS[name])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        {error && <ErrorBanner error={error} onDismiss={dismissError} />}
        <Page />
      </main>
    </div>
  );
}
