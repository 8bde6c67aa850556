import type { ExportFormat } from './writeTable';

/** `2026-12-02` in local time: the date part of an export's default file name. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A file name every system accepts, readable as the operator named the list or task: the
 * characters Windows forbids and control characters become `_`, trailing dots and spaces go
 * (Windows drops them), and the name is kept short enough for any file system.
 */
export function safeFileStem(name: string): string {
  const cleaned = [...name]
    .map((char) => (char.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(char) ? '_' : char))
    .join('')
    .trim()
    .replace(/[. ]+$/, '');
  const stem = [...cleaned].slice(0, 100).join('');
  // CON, NUL, COM1… are devices on Windows, whatever the extension.
  return !stem || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? `_${stem}` : stem;
}

/** `名单A_2026-12-02.xlsx`: the list's or task's name (and what it holds), then the date. */
export function defaultFileName(parts: readonly string[], format: ExportFormat, now: number): string {
  const named = parts.map((p) => p.trim()).filter(Boolean);
  return `${safeFileStem([...named, localDate(now)].join('_'))}.${format}`;
}

/** `2025-11-03 14:05:09` in the local time zone (the operator's), or empty. */
export function localTime(ms: number | null): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${localDate(ms)} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
