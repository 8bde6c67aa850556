import { format, type Localized } from '../../../shared/locale';
import { UPLOAD_ERRORS, type UploadErrorCode } from '../../../shared/codes/uploads';
import { AppFailure } from '../contract/failure';

/** The `{name}` placeholders of an upload failure's text, by name. */
export type UploadFailureParams = Record<string, string | number>;

/**
 * An upload failure: an AppFailure whose text is `UPLOAD_ERRORS[code]` filled with `params`. It
 * keeps its code, detail and params (not only the filled text) so the database worker can send
 * it to main as data and main rebuild the same failure ({@link uploadFailure} again).
 */
export class UploadFailure extends AppFailure {
  readonly params: UploadFailureParams | undefined;

  constructor(code: UploadErrorCode, detail?: string, params?: UploadFailureParams) {
    const template: Localized = UPLOAD_ERRORS[code];
    const text: Localized = { 'zh-CN': format(template['zh-CN'], params), en: format(template.en, params) };
    super(code, text, detail);
    this.params = params;
  }
}

/** Whether a code is one of the upload feature's own (`shared/codes/uploads.ts`). */
export function isUploadErrorCode(code: string): code is UploadErrorCode {
  return Object.hasOwn(UPLOAD_ERRORS, code);
}

/**
 * An upload failure with its text in every language; `params` fill the `{name}` placeholders.
 * @param code one of `shared/codes/uploads.ts`
 * @param detail shown after the message (an id, a count), never a secret
 */
export function uploadFailure(
  code: UploadErrorCode,
  detail?: string,
  params?: UploadFailureParams,
): UploadFailure {
  return new UploadFailure(code, detail, params);
}
