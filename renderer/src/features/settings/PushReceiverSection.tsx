import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { PushReceiverState } from '../../../../shared/results';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useT } from '../../i18n/useT';

const DEFAULT_PORT = 18080;

/** Settings → the optional push receiver: on/off, port, and the URL to give the provider. */
export function PushReceiverSection() {
  const t = useT();
  const [state, setState] = useState<PushReceiverState | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [port, setPort] = useState(String(DEFAULT_PORT));
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void window.api.push.state().then((result) => {
      if (!result.ok) return setError(result.error);
      setState(result.value);
      setEnabled(result.value.enabled);
      if (result.value.port) setPort(String(result.value.port));
    });
  }, []);

  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65_535;
  const apply = async (): Promise<void> => {
    const result = await window.api.push.configure(enabled ? { enabled, port: portNumber } : { enabled });
    if (result.ok) {
      setState(result.value);
      setError(null);
    } else setError(result.error);
  };

  return (
    <section className="settings-group push-receiver" aria-labelledby="push-title">
      <h2 id="push-title">{t('push.title')}</h2>
      <p className="muted push-body">{t('push.body')}</p>
      {error && (
        <div className="push-body">
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <label htmlFor="push-enabled">{t('push.enabled')}</label>
      <input
        id="push-enabled"
        type="checkbox"
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <label htmlFor="push-port">{t('push.port')}</label>
      <div>
        <input
          id="push-port"
          type="number"
          min={1024}
          max={65535}
          value={port}
          disabled={!enabled}
          aria-invalid={enabled && !portValid ? true : undefined}
          onChange={(e) => setPort(e.target.value)}
        />
        {enabled && !portValid && <span className="field-problem"> {t('push.badPort')}</span>}
      </div>
      <span />
      <div>
        <button
          type="button"
          className="primary"
          disabled={enabled && !portValid}
          onClick={() => void apply()}
        >
          {t('push.apply')}
        </button>
      </div>
      {state?.enabled && state.url && (
        <>
          <span>{t('push.url')}</span>
          <div>
            <code data-testid="push-url">{state.url}</code>
            <p className="muted">{t('push.received', { count: state.received })}</p>
          </div>
        </>
      )}
    </section>
  );
}
