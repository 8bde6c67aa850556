import { describe, expect, it } from 'vitest';
import {
  createWindowStateStore,
  restoreWindowState,
  type Rect,
} from '../../../electron/services/desktop/windowState';
import { memorySettings } from '../../support/memory';

const SIZING = { width: 1280, height: 800, minWidth: 960, minHeight: 600 };
const LAPTOP: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const RIGHT_MONITOR: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('window state', () => {
  it('opens at the default size centred on the primary display when nothing is saved', () => {
    expect(restoreWindowState(undefined, [LAPTOP], SIZING)).toEqual({
      bounds: { x: 80, y: 38, width: 1280, height: 800 },
      maximized: false,
    });
    expect(restoreWindowState({ bounds: { x: 'a' } }, [LAPTOP], SIZING).bounds.width).toBe(1280);
  });

  it('puts the window back where it was, maximised or not', () => {
    const bounds = { x: 1600, y: 0, width: 1500, height: 1000 };
    expect(restoreWindowState(saved(bounds, true), [LAPTOP, RIGHT_MONITOR], SIZING)).toEqual({
      bounds,
      maximized: true,
    });
  });

  it('brings a window from an unplugged monitor back onto the primary display', () => {
    const state = restoreWindowState(saved({ x: 1600, y: 0, width: 1500, height: 1000 }), [LAPTOP], SIZING);
    expect(state.bounds).toEqual({ x: 80, y: 38, width: 1280, height: 800 });
  });

  it('shrinks a window larger than its display and pulls it inside the edges', () => {
    const state = restoreWindowState(saved({ x: 1000, y: 500, width: 3000, height: 2000 }), [LAPTOP], SIZING);
    expect(state.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    const offRight = restoreWindowState(
      saved({ x: 1300, y: 100, width: 1000, height: 700 }),
      [LAPTOP],
      SIZING,
    );
    expect(offRight.bounds).toEqual({ x: 440, y: 100, width: 1000, height: 700 });
  });

  it('treats a title bar above the top of every display as lost', () => {
    const state = restoreWindowState(saved({ x: 100, y: -700, width: 1000, height: 800 }), [LAPTOP], SIZING);
    expect(state.bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('never goes below the minimum size', () => {
    const tiny = restoreWindowState(saved({ x: 10, y: 10, width: 200, height: 100 }), [LAPTOP], SIZING);
    expect(tiny.bounds).toMatchObject({ width: 960, height: 600 });
  });

  it('stores whole pixels and refuses nonsense', () => {
    const file = memorySettings();
    const store = createWindowStateStore(file);
    store.save({ bounds: { x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, maximized: false });
    expect(store.load()).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 701 }, maximized: false });
    store.save({ bounds: { x: Number.NaN, y: 0, width: 0, height: 0 }, maximized: true });
    expect(store.load()).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 701 }, maximized: false });
  });
});
