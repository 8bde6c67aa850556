import { App, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { ProviderId } from '../../../../shared/providers';
import type { PushReceiverState } from '../../../../shared/results';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';

const DEFAULT_PORT = 18080;
const MIN_PORT = 1024;
const MAX_PORT = 65_535;

/** Where each provider takes the address: Sobot's push_url, CEC's result callback. */
const URL_LABEL: Record<ProviderId, MessageKey> = {
  sobot: 'push.url.sobot',
  'huawei-cec': 'push.url.huawei-cec',
};
const PROVIDER_NAME: Record<ProviderId, MessageKey> = {
  sobot: 'push.provider.sobot',
  'huawei-cec': 'push.provider.huawei-cec',
};

/**
 * Settings → the optional push receiver: on/off, port, and the URL to give each provider (each
 * has its own path), one labelled line each with a copy button.
 */
export function PushReceiverSection() {
  const t = useT();
  const { message } = App.useApp();
  const [state, setState] = useState<PushReceiverState | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [port, setPort] = useState<number | null>(DEFAULT_PORT);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void window.api.push.state().then((result) => {
      if (!result.ok) return setError(result.error);
      setState(result.value);
      setEnabled(result.value.enabled);
      if (result.value.port) setPort(result.value.port);
    });
  }, []);

  const portValid = port !== null && Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT;
  const apply = async (): Promise<void> => {
    setBusy(true);
    const result = await window.api.push.configure(
      enabled && port !== null ? { enabled, port } : { enabled },
    );
    setBusy(false);
    if (result.ok) {
      setState(result.value);
      setError(null);
      void message.success(t('push.applied'));
    } else setError(result.error);
  };

  return (
    <Card className="settings-card push-receiver" title={<h2 id="push-title">{t('push.title')}</h2>}>
      <section aria-labelledby="push-title">
        <Typography.Paragraph type="secondary" className="push-body">
          {t('push.body')}
        </Typography.Paragraph>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <Form layout="horizontal" labelCol={{ flex: '160px' }} labelWrap onFinish={() => void apply()}>
          <Form.Item label={t('push.enabled')} htmlFor="push-enabled">
            <Switch id="push-enabled" checked={enabled} onChange={setEnabled} />
          </Form.Item>
          <Form.Item
            label={t('push.port')}
            htmlFor="push-port"
            validateStatus={enabled && !portValid ? 'error' : undefined}
            help={enabled && !portValid ? t('push.badPort') : undefined}
          >
            <InputNumber
              id="push-port"
              min={MIN_PORT}
              max={MAX_PORT}
              precision={0}
              value={port}
              disabled={!enabled}
              onChange={(value) => setPort(value)}
            />
          </Form.Item>
          <Form.Item label=" " colon={false} className="push-apply">
            <Button type="primary" htmlType="submit" disabled={enabled && !portValid} loading={busy}>
              {t('push.apply')}
            </Button>
          </Form.Item>
        </Form>
        {state?.enabled && state.urls.length > 0 && (
          <div className="push-url">
            <Typography.Text strong>{t('push.url')}</Typography.Text>
            <ul className="push-url-lines">
              {state.urls.map(({ provider, url }) => {
                const name = t(PROVIDER_NAME[provider]);
                return (
                  <li key={provider} aria-labelledby={`push-url-label-${provider}`}>
                    <Typography.Text id={`push-url-label-${provider}`}>
                      {t(URL_LABEL[provider])}
                    </Typography.Text>
                    <Typography.Paragraph
                      className="break-all"
                      copyable={{
                        text: url,
                        tooltips: [t('push.copy', { name }), t('push.copied', { name })],
                        onCopy: () => void message.success(t('push.copied', { name })),
                      }}
                    >
                      <code data-testid={`push-url-${provider}`}>{url}</code>
                    </Typography.Paragraph>
                  </li>
                );
              })}
            </ul>
            <Typography.Text type="secondary">
              {t('push.received', { count: state.received })}
            </Typography.Text>
          </div>
        )}
      </section>
    </Card>
  );
}
