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
    <div className="error-banner" role="alert">
      <strong>{t('error.title')}</strong>
      <span>{error.message}</span>
      <code>{error.code}</code>
      <button type="button" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
