import type { Locale, Localized } from '../../../shared/locale';
import { APP_ERRORS, type AppErrorCode } from '../../../shared/codes/app';
import type { AppError } from '../../../shared/result';

/**
 * An error a service raises on purpose: a stable code plus its text in every language.
 * The dispatcher turns it into the `{ code, message }` the renderer shows.
 */
export class AppFailure extends Error {
  readonly code: string;
  readonly text: Localized;
  readonly detail: string | undefined;

  constructor(code: string, text: Localized, detail?: string) {
    super(`${code}: ${text.en}`);
    this.name = 'AppFailure';
    this.code = code;
    this.text = text;
    this.detail = detail;
  }

  /** A failure for one of the app's own codes in `shared/codes/app.ts`. */
  static of(code: AppErrorCode, detail?: string): AppFailure {
    return new AppFailure(code, APP_ERRORS[code], detail);
  }

  toAppError(locale: Locale): AppError {
    return this.detail === undefined
      ? { code: this.code, message: this.text[locale] }
      : { code: this.code, message: this.text[locale], detail: this.detail };
  }
}

/**
 * Turns anything a handler threw into an AppError in the user's language. Other modules
 * (the Sobot client, the importer) register describers for their own error classes; whatever
 * is left is reported as unexpected without its stack or message, which may hold secrets.
 */
export type ErrorDescriber = (error: unknown, locale: Locale) => AppError | undefined;

export function describeError(
  error: unknown,
  locale: Locale,
  describers: readonly ErrorDescriber[] = [],
): AppError {
  if (error instanceof AppFailure) return error.toAppError(locale);
  for (const describe of describers) {
    const described = describe(error, locale);
    if (described) return described;
  }
  return AppFailure.of('app.unexpected').toAppError(locale);
}
