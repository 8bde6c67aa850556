import { App, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { PushReceiverState } from '../../../../shared/results';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';

const DEFAULT_PORT = 18080;
const MIN_PORT = 1024;
const MAX_PORT = 65_535;

/** Settings → the optional push receiver: on/off, port, and the URL to give the provider. */
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
          <Form.Item label={null} colon={false} className="push-apply">
            <Button type="primary" htmlType="submit" disabled={enabled && !portValid} loading={busy}>
              {t('push.apply')}
            </Button>
          </Form.Item>
        </Form>
        {state?.enabled && state.url && (
          <div className="push-url">
            <Typography.Text strong>{t('push.url')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: state.url }} className="break-all">
              <code data-testid="push-url">{state.url}</code>
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('push.received', { count: state.received })}
            </Typography.Text>
          </div>
        )}
      </section>
    </Card>
  );
}
