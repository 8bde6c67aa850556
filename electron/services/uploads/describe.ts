import { APP_ERRORS } from '../../../shared/codes/app';
import type { UploadError } from '../../../shared/uploads';
import { AppFailure } from '../contract/failure';
import { describeProviderError } from '../providers/registry';
import { describeTransportError } from '../http/describe';

/**
 * The error that stopped an upload, in every language, as the journal keeps it. Provider and
 * network errors keep their codes (`<provider>.<code>`, `net.timeout`); anything unknown becomes
 * `app.unexpected` without its message, which could hold anything.
 */
export function toUploadError(error: unknown): UploadError {
  if (error instanceof AppFailure) {
    return { code: error.code, message: error.text, ...(error.detail ? { detail: error.detail } : {}) };
  }
  const describe = (locale: 'zh-CN' | 'en') =>
    describeTransportError(error, locale) ?? describeProviderError(error, locale);
  const zh = describe('zh-CN');
  const en = describe('en');
  if (zh && en) {
    return {
      code: en.code,
      message: { 'zh-CN': zh.message, en: en.message },
      ...(en.detail ? { detail: en.detail } : {}),
    };
  }
  return { code: 'app.unexpected', message: APP_ERRORS['app.unexpected'] };
}
