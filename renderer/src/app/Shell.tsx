import { Layout, Menu } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { ScreenLoading } from '../components/ScreenLoading';
import { useT } from '../i18n/useT';
import { AccountSwitcher } from './AccountSwitcher';
import { usePrefsStore } from './prefsStore';
import { hrefOf, ROUTE_LABELS, ROUTES, useRoute, type Route } from './routes';

/** Each screen is its own chunk: the first screen loads only what it shows. */
const PAGES: Record<Route, LazyExoticComponent<ComponentType>> = {
  lists: lazy(() => import('../features/lists/ListsPage').then((m) => ({ default: m.ListsPage }))),
  tasks: lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage }))),
  results: lazy(() => import('../features/results/ResultsPage').then((m) => ({ default: m.ResultsPage }))),
  settings: lazy(() =>
    import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
  ),
};

/** The frame around every screen: header with the account switcher, side navigation, content. */
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
    <Layout className="shell">
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
      <Layout.Header className="shell-header">
        <span className="brand">{title}</span>
        <AccountSwitcher />
      </Layout.Header>
      <Layout>
        <Layout.Sider className="shell-nav" width={180} theme="light">
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[route]}
              items={ROUTES.map((name) => ({
                key: name,
                label: (
                  <a href={hrefOf(name)} aria-current={name === route ? 'page' : undefined} data-route={name}>
                    {t(ROUTE_LABELS[name])}
                  </a>
                ),
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" className="shell-main" tabIndex={-1}>
          {error && <ErrorBanner error={error} onDismiss={dismissError} />}
          <Suspense fallback={<ScreenLoading />}>
            <Page />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
