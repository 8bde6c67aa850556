import { APP_ERRORS } from '../../../shared/codes/app';
import type { UploadError } from '../../../shared/uploads';
import { AppFailure } from '../contract/failure';
import { describeSobotError } from '../sobot/index';

/**
 * The error that stopped an upload, in every language, as the journal keeps it. Provider and
 * network errors keep their codes (`sobot.320020`, `net.timeout`); anything unknown becomes
 * `app.unexpected` without its message, which could hold anything.
 */
export function toUploadError(error: unknown): UploadError {
  if (error instanceof AppFailure) {
    return { code: error.code, message: error.text, ...(error.detail ? { detail: error.detail } : {}) };
  }
  const zh = describeSobotError(error, 'zh-CN');
  const en = describeSobotError(error, 'en');
  if (zh && en) {
    return {
      code: en.code,
      message: { 'zh-CN': zh.message, en: en.message },
      ...(en.detail ? { detail: en.detail } : {}),
    };
  }
  return { code: 'app.unexpected', message: APP_ERRORS['app.unexpected'] };
}
