/**
 * The errors the iCall client rejects with, and their translation into the IPC `AppError`.
 *
 * Every error here is built from our own words plus already-redacted excerpts: none keeps the
 * request URL, the request body, or the raw `fetch` error (whose `cause` chain could carry the
 * URL), so the signature cannot leak through `message`, `cause`, `stack` or `util.inspect`.
 */
import type { Locale, Localized } from '../../../shared/locale';
import type { AppError } from '../../../shared/result';
import { sobotCodeMeaning } from '../../../shared/codes/sobot';
import { NET_MESSAGES } from '../../../shared/codes/net';
import { SOBOT_CLIENT_MESSAGES } from '../../../shared/codes/sobotClient';
import { TransportError } from '../http/errors';

/** The server answered, with a `ret_code` other than `000000`. */
export class SobotError extends Error {
  override readonly name = 'SobotError';
  /** The `ret_code` exactly as sent, e.g. `320001`. */
  readonly code: string;
  /** The endpoint name, e.g. `pause_task`. */
  readonly endpoint: string;
  /** What the code means, in every language (from the spec's code table). */
  readonly meaning: Localized;
  /** The server's own `ret_msg` (usually Chinese), redacted; for the log, not the UI. */
  readonly serverMessage: string | undefined;

  /**
   * @param code the ret_code string
   * @param endpoint the endpoint name
   * @param serverMessage the server's ret_msg, already redacted
   */
  constructor(code: string, endpoint: string, serverMessage?: string) {
    const meaning = sobotCodeMeaning(code);
    super(`Sobot ${endpoint} answered ${code}: ${meaning.en}`);
    this.code = code;
    this.endpoint = endpoint;
    this.meaning = meaning;
    this.serverMessage = serverMessage;
  }
}

/** A parameter was rejected before anything was sent (`sobot.invalid_param`). */
export class SobotValidationError extends Error {
  override readonly name = 'SobotValidationError';
  readonly code = 'sobot.invalid_param';
  /**
   * @param field the parameter's document name, e.g. `call_time_slot`
   * @param reason a short English reason, shown as the AppError detail
   */
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`);
  }
}

/**
 * add_task was sent, its answer was lost, and query_task could not tell whether the task was
 * created (`sobot.add_task_uncertain`). Repeating blindly could create a duplicate campaign.
 */
export class SobotAddTaskUncertainError extends Error {
  override readonly name = 'SobotAddTaskUncertainError';
  readonly code = 'sobot.add_task_uncertain';
  /**
   * @param task_name the name that was being created
   * @param candidates taskids of new unfinished tasks with that name (0 or several)
   * @param original the failure that made the outcome unknown (already signature-free)
   */
  constructor(
    readonly task_name: string,
    readonly candidates: string[],
    readonly original: SobotError | TransportError,
  ) {
    super(
      `add_task outcome unknown after ${original.code}: ${candidates.length} new unfinished task(s) named like it`,
    );
  }
}

/** Any error this client deliberately rejects with. */
export type SobotClientError =
  SobotError | TransportError | SobotValidationError | SobotAddTaskUncertainError;

/**
 * Converts anything thrown by the client into the IPC error shape with a localised message.
 * Server codes become `sobot.<ret_code>`; transport codes stay `net.*`. Unknown errors become
 * `sobot.unexpected` without their message (it could hold anything).
 * @param err what was thrown
 * @param locale the operator's language
 */
export function toAppError(err: unknown, locale: Locale): AppError {
  if (err instanceof SobotError) {
    return { code: `sobot.${err.code}`, message: err.meaning[locale], detail: err.endpoint };
  }
  if (err instanceof TransportError) {
    const message = NET_MESSAGES[err.code][locale];
    return err.status !== undefined
      ? { code: err.code, message, detail: `HTTP ${err.status}` }
      : { code: err.code, message };
  }
  if (err instanceof SobotValidationError) {
    return {
      code: err.code,
      message: SOBOT_CLIENT_MESSAGES['sobot.invalid_param'][locale],
      detail: `${err.field}: ${err.reason}`,
    };
  }
  if (err instanceof SobotAddTaskUncertainError) {
    return {
      code: err.code,
      message: SOBOT_CLIENT_MESSAGES['sobot.add_task_uncertain'][locale],
      detail: err.task_name,
    };
  }
  return { code: 'sobot.unexpected', message: SOBOT_CLIENT_MESSAGES['sobot.unexpected'][locale] };
}
