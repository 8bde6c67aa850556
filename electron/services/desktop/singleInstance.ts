/**
 * The single-instance rule: one app owns the data folder. A second launch ends at once (main
 * quits it before building anything), and the first brings its window forward.
 */

/** The slice of a BrowserWindow the rule needs (a fake of it in tests). */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings the first live window forward; answers whether there was one to focus. */
export function focusFirstWindow(windows: readonly FocusableWindow[]): boolean {
  const window = windows.find((candidate) => !candidate.isDestroyed());
  if (!window) return false;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
  return true;
}

export interface InstanceLock {
  /** Electron's `app.requestSingleInstanceLock()`. */
  acquire(): boolean;
  quit(): void;
  /** Registers the handler for a second launch (`app.on('second-instance')`). */
  onSecondInstance(handler: () => void): void;
}

/**
 * Runs `start` only in the first instance; a later launch quits without starting, and makes
 * the first one focus its window (or open one when none is left, on macOS).
 */
export function runSingleInstance(
  lock: InstanceLock,
  start: () => void,
  windows: () => readonly FocusableWindow[],
  openWindow: () => void,
): boolean {
  if (!lock.acquire()) {
    lock.quit();
    return false;
  }
  lock.onSecondInstance(() => {
    if (!focusFirstWindow(windows())) openWindow();
  });
  start();
  return true;
}
