import { DownOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Tooltip } from 'antd';
import { useAccountsStore } from '../features/accounts/accountsStore';
import { useT } from '../i18n/useT';

/**
 * The header's account switcher: every screen shows the active account's data. An account whose
 * last connection failed is marked unreachable (it is not an empty account).
 */
export function AccountSwitcher() {
  const t = useT();
  const state = useAccountsStore((store) => store.state);
  const tests = useAccountsStore((store) => store.tests);
  const switchTo = useAccountsStore((store) => store.use);
  if (!state) return null;
  const active = state.accounts.find((account) => account.id === state.activeId);
  const outcome = active ? tests[active.id] : undefined;
  const unreachable = outcome?.status === 'error';
  const status = unreachable ? 'error' : outcome?.status === 'ok' ? 'success' : 'default';
  const button = (
    <Button aria-label={`${t('account.label')}: ${active?.name ?? ''}`} data-account-id={active?.id}>
      <Badge status={status} />
      {active?.name}
      {unreachable && <span className="account-unreachable">{t('account.unreachable')}</span>}
      <DownOutlined />
    </Button>
  );
  return (
    <div className="account-switcher">
      <span aria-hidden="true">{t('account.label')}</span>
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [state.activeId],
          items: state.accounts.map((account) => ({ key: account.id, label: account.name })),
          onClick: ({ key }) => void switchTo(key),
        }}
      >
        {unreachable ? <Tooltip title={outcome.error.message}>{button}</Tooltip> : button}
      </Dropdown>
    </div>
  );
}
