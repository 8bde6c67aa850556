import { format, type Localized } from '../../../shared/locale';
import { UPLOAD_ERRORS, type UploadErrorCode } from '../../../shared/codes/uploads';
import { AppFailure } from '../contract/failure';

/**
 * An upload failure with its text in every language; `params` fill the `{name}` placeholders.
 * @param code one of `shared/codes/uploads.ts`
 * @param detail shown after the message (an id, a count), never a secret
 */
export function uploadFailure(
  code: UploadErrorCode,
  detail?: string,
  params?: Record<string, string | number>,
): AppFailure {
  const template: Localized = UPLOAD_ERRORS[code];
  const text: Localized = { 'zh-CN': format(template['zh-CN'], params), en: format(template.en, params) };
  return new AppFailure(code, text, detail);
}
