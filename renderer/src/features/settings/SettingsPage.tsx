import { Card, Descriptions, Form, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import { LOCALES } from '../../../../shared/locale';
import { THEMES, type Prefs } from '../../../../shared/prefs';
import { usePrefsStore } from '../../app/prefsStore';
import { AccountsSection } from '../accounts/AccountsSection';
import { PushReceiverSection } from './PushReceiverSection';
import { UpdatesSection } from './UpdatesSection';
import { LANGUAGE_NAMES, useT } from '../../i18n/useT';

/** Settings: language, appearance, accounts, the push receiver, and facts about this installation. */
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
    <div className="settings-page">
      <h1>{t('settings.title')}</h1>
      <Card className="settings-card">
        <Form layout="horizontal" labelCol={{ flex: '120px' }} labelWrap>
          <Form.Item label={t('settings.language')} htmlFor="settings-language">
            <Radio.Group
              id="settings-language"
              aria-label={t('settings.language')}
              optionType="button"
              value={prefs.locale}
              onChange={(event) => void update({ locale: event.target.value as Prefs['locale'] })}
              options={LOCALES.map((locale) => ({
                value: locale,
                label: <span lang={locale}>{LANGUAGE_NAMES[locale]}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('settings.theme')} htmlFor="settings-theme" className="settings-last-item">
            <Radio.Group
              id="settings-theme"
              aria-label={t('settings.theme')}
              optionType="button"
              value={prefs.theme}
              onChange={(event) => void update({ theme: event.target.value as Prefs['theme'] })}
              options={THEMES.map((theme) => ({ value: theme, label: t(`settings.theme.${theme}`) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <AccountsSection />
      <PushReceiverSection />
      <UpdatesSection />
      <Card className="settings-card" title={<h2 id="settings-about">{t('settings.about')}</h2>}>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'version',
              label: t('settings.version'),
              children: <span data-testid="app-version">{info?.version ?? '…'}</span>,
            },
            {
              key: 'dataDir',
              label: t('settings.dataDir'),
              children: <span className="break-all">{info?.dataDir ?? '…'}</span>,
            },
            {
              key: 'platform',
              label: t('settings.platform'),
              children: info ? `${info.platform} · ${info.host}` : '…',
            },
          ]}
        />
      </Card>
    </div>
  );
}
