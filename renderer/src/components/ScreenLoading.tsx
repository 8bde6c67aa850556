import { Spin } from 'antd';
import { useT } from '../i18n/useT';

/** Shown while a screen's chunk or its first data loads. */
export function ScreenLoading() {
  const t = useT();
  return (
    <div className="screen-loading" aria-busy="true">
      <Spin />
      <span>{t('loading')}</span>
    </div>
  );
}
