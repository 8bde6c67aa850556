import { CloudDownloadOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Progress, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { feedUrlSchema } from '../../../../shared/schemas/prefs';
import type { UpdateState } from '../../../../shared/updates';
import { usePrefsStore } from '../../app/prefsStore';
import { useT } from '../../i18n/useT';

/**
 * Settings → updates: on/off (off by default), the generic feed URL, where the updater is,
 * "check now", and "restart and install" once a version is downloaded (refused by main while
 * an upload or import runs; the reason is shown before that).
 */
export function UpdatesSection() {
  const t = useT();
  const prefs = usePrefsStore((store) => store.prefs);
  const update = usePrefsStore((store) => store.update);
  const [state, setState] = useState<UpdateState | null>(null);
  const [feed, setFeed] = useState(prefs.updateFeedUrl ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void window.api.updates.state().then((result) => {
      if (!live) return;
      if (result.ok) setState(result.value);
      else setError(result.error);
    });
    const stop = window.api.updates.onChanged((next) => setState(next));
    return () => {
      live = false;
      stop();
    };
  }, []);

  useEffect(() => setFeed(prefs.updateFeedUrl ?? ''), [prefs.updateFeedUrl]);

  const trimmed = feed.trim();
  const feedValid = trimmed === '' || feedUrlSchema.safeParse(trimmed).success;
  const feedChanged = trimmed !== (prefs.updateFeedUrl ?? '');
  const run = async (call: () => ReturnType<typeof window.api.updates.check>): Promise<void> => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (result.ok) {
      setState(result.value);
      setError(null);
    } else setError(result.error);
  };

  const phase = state?.phase ?? 'off';
  const supported = phase !== 'unsupported';
  const blocked = (state?.blockers.length ?? 0) > 0;
  const status = t(`updates.phase.${phase}`, { version: state?.version ?? '' });

  return (
    <Card
      className="settings-card updates-section"
      title={<h2 id="updates-title">{t('updates.title')}</h2>}
      aria-labelledby="updates-title"
      data-testid="updates-section"
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('updates.body')}</Typography.Paragraph>
        <Flex gap="small" align="center">
          <Switch
            id="updates-enabled"
            checked={prefs.updates}
            onChange={(checked) => void update({ updates: checked })}
          />
          <label htmlFor="updates-enabled">{t('updates.enabled')}</label>
        </Flex>
        <div>
          <label htmlFor="updates-feed">{t('updates.feed')}</label>
          <Space.Compact block>
            <Input
              id="updates-feed"
              value={feed}
              placeholder="https://"
              status={feedValid ? undefined : 'error'}
              onChange={(event) => setFeed(event.target.value)}
              aria-describedby="updates-feed-hint"
            />
            <Button
              disabled={!feedValid || !feedChanged}
              onClick={() => void update({ updateFeedUrl: trimmed === '' ? null : trimmed })}
            >
              {t('updates.save')}
            </Button>
          </Space.Compact>
          <Typography.Text id="updates-feed-hint" type={feedValid ? 'secondary' : 'danger'}>
            {feedValid ? t('updates.feedHint') : t('updates.badFeed')}
          </Typography.Text>
        </div>
        <div data-testid="updates-status">
          <Typography.Text strong>{status}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('updates.current', { version: state?.currentVersion ?? '…' })}
            {state?.checkedAt
              ? ` · ${t('updates.checkedAt', { time: dayjs(state.checkedAt).format('YYYY-MM-DD HH:mm') })}`
              : ''}
          </Typography.Text>
        </div>
        {phase === 'downloading' && <Progress percent={state?.percent ?? 0} size="small" />}
        {state?.error && <Alert type="warning" showIcon title={state.error.message} />}
        {error && (
          <Alert type="error" showIcon title={error.message} closable={{ onClose: () => setError(null) }} />
        )}
        {phase === 'ready' &&
          state?.blockers.map((blocker) => (
            <Alert key={blocker} type="info" showIcon title={t(`updates.blocked.${blocker}`)} />
          ))}
        <Space>
          <Button
            icon={phase === 'checking' ? <SyncOutlined spin /> : <ReloadOutlined />}
            disabled={
              !supported ||
              !prefs.updates ||
              !prefs.updateFeedUrl ||
              phase === 'checking' ||
              phase === 'downloading'
            }
            loading={busy && phase !== 'ready'}
            onClick={() => void run(() => window.api.updates.check())}
          >
            {t('updates.check')}
          </Button>
          {phase === 'ready' && (
            <Button
              type="primary"
              icon={<CloudDownloadOutlined />}
              disabled={blocked}
              onClick={() => void run(() => window.api.updates.install())}
            >
              {t('updates.install')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
