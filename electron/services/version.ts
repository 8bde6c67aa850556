import { readFileSync } from 'node:fs';

/** The app version from package.json, for hosts that run from source (CLI, harness). */
export function readAppVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
