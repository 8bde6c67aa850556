/**
 * The account settings CC-iSales offers no query for: the caller numbers the tenant may show
 * and its IVR flows (access code and name). The operator lists them on the account; the
 * wizard offers them.
 */

/** `a, b` → numbers; null when one is not 1–24 of `0-9*#`. Empty → []. */
export function parseCallerNumbers(text: string): string[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.some((p) => !/^[0-9*#]{1,24}$/.test(p))) return null;
  return [...new Set(parts)];
}

/** An IVR flow of the tenant. */
export interface FlowSetting {
  accessCode: string;
  name: string;
}

/** `85000=催收, 85001` → flows (the name defaults to the code); null when malformed. */
export function parseFlows(text: string): FlowSetting[] | null {
  const out: FlowSetting[] = [];
  for (const raw of text.split(/[,，]/)) {
    const item = raw.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const accessCode = (eq < 0 ? item : item.slice(0, eq)).trim();
    const name = (eq < 0 ? '' : item.slice(eq + 1)).trim();
    if (!/^[0-9A-Za-z_*#-]{1,32}$/.test(accessCode)) return null;
    if (out.some((f) => f.accessCode === accessCode)) continue;
    out.push({ accessCode, name: name || accessCode });
  }
  return out;
}
