/**
 * The envelope every contract call answers with. Errors cross IPC as data, never as thrown
 * exceptions: `code` is stable (`<provider>.<code>`, `ipc.invalid_input`, `net.timeout`) and
 * `message` is already in the user's language. Never put stacks, secrets or raw bodies here.
 */
export interface AppError {
  code: string;
  message: string;
  /** Short, already-redacted extra facts that help the user (a field name, a row number). */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, detail?: string): Result<never> {
  return detail === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, detail } };
}
