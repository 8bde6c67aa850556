import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import { LOCALES } from '../../../../shared/locale';
import { THEMES, type Prefs } from '../../../../shared/prefs';
import { usePrefsStore } from '../../app/prefsStore';
import { AccountsSection } from '../accounts/AccountsSection';
import { PushReceiverSection } from './PushReceiverSection';
import { UpdatesSection } from './UpdatesSection';
import { LANGUAGE_NAMES, useT } from '../../i18n/useT';

/** Settings: language, appearance, (soon) accounts, and facts about this installation. */
export function SettingsPage() {
  const t = useT();
  const prefs = usePrefsStore((state) => state.prefs);
  const update = usePrefsStore((state) => state.update);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let live = true;
    void window.api.app.info().then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section className="settings-group">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={prefs.locale}
          onChange={(event) => void update({ locale: event.target.value as Prefs['locale'] })}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </select>
        <label htmlFor="settings-theme">{t('settings.theme')}</label>
        <select
          id="settings-theme"
          value={prefs.theme}
          onChange={(event) => void update({ theme: event.target.value as Prefs['theme'] })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.theme.${theme}`)}
            </option>
          ))}
        </select>
      </section>
      <AccountsSection />
      <PushReceiverSection />
      <UpdatesSection />
      <section className="settings-group" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <dl>
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">{info?.version ?? '…'}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd>{info?.dataDir ?? '…'}</dd>
          <dt>{t('settings.platform')}</dt>
          <dd>{info ? `${info.platform} · ${info.host}` : '…'}</dd>
        </dl>
      </section>
    </>
  );
}
