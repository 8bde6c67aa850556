import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';

/** "加入免打扰" on a reviewed call: its number goes on this account's do-not-call list. */
export function DncCallButton({ callId, telephone }: { callId: string; telephone: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await window.api.dnc.addCall({ callId, target: 'account' });
      if (!result.ok) void message.error(result.error.message);
      else if (result.value.added > 0) void message.success(t('dnc.call.added', { telephone }));
      else void message.info(t('dnc.call.already', { telephone }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={t('dnc.call.confirm', { telephone })}
      okText={t('dnc.call.ok')}
      cancelText={t('dnc.form.cancel')}
      onConfirm={() => void add()}
    >
      <Button size="small" loading={busy}>
        {t('dnc.call.button')}
      </Button>
    </Popconfirm>
  );
}
