import { describe, expect, it } from 'vitest';
import {
  focusFirstWindow,
  runSingleInstance,
  type FocusableWindow,
} from '../../../electron/services/desktop/singleInstance';

function fakeWindow(state: { destroyed?: boolean; minimized?: boolean; visible?: boolean } = {}) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    isVisible: () => state.visible ?? true,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

function fakeLock(acquired: boolean) {
  const calls: string[] = [];
  let second: (() => void) | null = null;
  return {
    calls,
    secondLaunch: () => second?.(),
    lock: {
      acquire: () => acquired,
      quit: () => calls.push('quit'),
      onSecondInstance: (handler: () => void) => (second = handler),
    },
  };
}

describe('single instance', () => {
  it('a second launch quits without starting anything', () => {
    const { lock, calls } = fakeLock(false);
    let started = false;
    expect(
      runSingleInstance(
        lock,
        () => (started = true),
        () => [],
        () => undefined,
      ),
    ).toBe(false);
    expect(calls).toEqual(['quit']);
    expect(started).toBe(false);
  });

  it('the first instance starts, and a second launch focuses its window', () => {
    const { lock, secondLaunch, calls } = fakeLock(true);
    const main = fakeWindow({ minimized: true, visible: false });
    let started = false;
    runSingleInstance(
      lock,
      () => (started = true),
      () => [main.window],
      () => calls.push('open'),
    );
    expect(started).toBe(true);
    secondLaunch();
    expect(main.calls).toEqual(['restore', 'show', 'focus']);
    expect(calls).toEqual([]);
  });

  it('skips destroyed windows and opens one when none is left', () => {
    const gone = fakeWindow({ destroyed: true });
    const live = fakeWindow();
    expect(focusFirstWindow([gone.window, live.window])).toBe(true);
    expect(gone.calls).toEqual([]);
    expect(live.calls).toEqual(['focus']);
    const { lock, secondLaunch, calls } = fakeLock(true);
    runSingleInstance(
      lock,
      () => undefined,
      () => [gone.window],
      () => calls.push('open'),
    );
    secondLaunch();
    expect(calls).toEqual(['open']);
  });
});
