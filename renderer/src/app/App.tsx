import { useEffect } from 'react';
import { followAccountChanges, useAccountsStore } from '../features/accounts/accountsStore';
import { useT } from '../i18n/useT';
import { AppProviders } from './AppProviders';
import { followPrefsChanges, usePrefsStore } from './prefsStore';
import { Shell } from './Shell';

/** Loads the preferences (language first: no flash of the wrong language), then the shell. */
export function App() {
  const loaded = usePrefsStore((state) => state.loaded);
  const load = usePrefsStore((state) => state.load);
  const t = useT();

  useEffect(() => {
    void load();
    void useAccountsStore.getState().load();
    const stopPrefs = followPrefsChanges();
    const stopAccounts = followAccountChanges();
    return () => {
      stopPrefs();
      stopAccounts();
    };
  }, [load]);

  return (
    <AppProviders>
      {loaded ? (
        <Shell />
      ) : (
        <p className="loading" aria-busy="true">
          {t('loading')}
        </p>
      )}
    </AppProviders>
  );
}
