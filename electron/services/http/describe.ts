import { NET_MESSAGES } from '../../../shared/codes/net';
import type { Locale } from '../../../shared/locale';
import type { AppError } from '../../../shared/result';
import { TransportError } from './errors';

/** Localises a transport failure (`net.*`), whichever provider was being called. */
export function describeTransportError(error: unknown, locale: Locale): AppError | undefined {
  if (!(error instanceof TransportError)) return undefined;
  const message = NET_MESSAGES[error.code][locale];
  return error.status !== undefined
    ? { code: error.code, message, detail: `HTTP ${error.status}` }
    : { code: error.code, message };
}
