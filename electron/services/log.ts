/**
 * The logging seam for services. Hosts pass a Logger in; services never write to the console
 * directly. Everything that reaches a Logger has already been through `redact`, so a secret
 * registered with `redactor.add()` cannot leak into a log file even through an error message.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret — raw, URL-encoded, form-encoded and as it appears
 * inside a JSON string — with `[redacted]`.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const form of new Set(forms)) {
      if (!form) continue;
      out = out.split(form).join(REDACTED);
    }
  }
  // Belt and braces: a signature passed as a query or form parameter is hidden even when it
  // was not registered (for instance a wrong one typed by the user).
  return out.replace(/(signature=)[^&\s"']*/gi, `$1${REDACTED}`);
}

/** Wraps a Logger so every message and string field is redacted of the given secrets. */
export function redactingLogger(inner: Logger, secrets: () => Iterable<string>): Logger {
  const clean = (fields?: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (!fields) return fields;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      out[key] =
        typeof value === 'string' ? redact(value, secrets()) : redact(JSON.stringify(value) ?? '', secrets());
    }
    return out;
  };
  return {
    debug: (m, f) => inner.debug(redact(m, secrets()), clean(f)),
    info: (m, f) => inner.info(redact(m, secrets()), clean(f)),
    warn: (m, f) => inner.warn(redact(m, secrets()), clean(f)),
    error: (m, f) => inner.error(redact(m, secrets()), clean(f)),
  };
}
