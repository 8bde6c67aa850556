import { Alert } from 'antd';
import type { AppError } from '../../../shared/result';
import { useT } from '../i18n/useT';

interface ErrorBannerProps {
  error: AppError;
  onDismiss: () => void;
}

/** A failure in the user's language, with its stable code for support. */
export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  const t = useT();
  return (
    <Alert
      className="error-banner"
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <>
          <span>{error.message}</span> <code>{error.code}</code>
        </>
      }
      closable={{ 'aria-label': t('error.dismiss'), onClose: onDismiss }}
    />
  );
}
