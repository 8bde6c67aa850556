/**
 * The main window's size and position across runs, kept in a settings file and put back only
 * where it is visible: a monitor unplugged since, or a resolution lowered, brings the window
 * back onto a display instead of leaving it off-screen.
 */
import { z } from 'zod';
import type { SettingsFile } from '../settings/settingsFile';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizing {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** The settings file (electron-store `name`) and key the window state lives under. */
export const WINDOW_STATE_FILE_NAME = 'window-state';
const KEY = 'main';

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.min(1), height: int.min(1) }),
  maximized: z.boolean(),
});

/** How much of the window (its title bar, at least) must be on a display to be reachable. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centred(area: Rect, width: number, height: number): Rect {
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where the window opens: the saved bounds when their top edge is on one of `workAreas`
 * (the first is the primary display), shrunk to fit that display; otherwise the default size
 * centred on the primary display. Anything unreadable counts as nothing saved.
 */
export function restoreWindowState(
  saved: unknown,
  workAreas: readonly Rect[],
  sizing: WindowSizing,
): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: sizing.width, height: sizing.height };
  const fit = (area: Rect, width: number, height: number) => ({
    width: Math.max(sizing.minWidth, Math.min(width, area.width)),
    height: Math.max(sizing.minHeight, Math.min(height, area.height)),
  });
  const fallback = (): WindowState => {
    const size = fit(primary, sizing.width, sizing.height);
    return { bounds: centred(primary, size.width, size.height), maximized: false };
  };
  const parsed = stateSchema.safeParse(saved);
  if (!parsed.success) return fallback();
  const { bounds, maximized } = parsed.data;
  const titleBar = { ...bounds, height: Math.min(bounds.height, MIN_VISIBLE.height) };
  const area = workAreas.find((candidate) => {
    const seen = overlap(titleBar, candidate);
    return (
      seen.width >= Math.min(MIN_VISIBLE.width, bounds.width) &&
      seen.height >= Math.min(MIN_VISIBLE.height, bounds.height)
    );
  });
  if (!area) return { ...fallback(), maximized };
  const size = fit(area, bounds.width, bounds.height);
  // Keep it on that display: pull it in from the right and bottom edges, then the left and top.
  const x = Math.max(area.x, Math.min(bounds.x, area.x + area.width - size.width));
  const y = Math.max(area.y, Math.min(bounds.y, area.y + area.height - size.height));
  return { bounds: { x, y, ...size }, maximized };
}

/** Reads and writes the main window's state. */
export function createWindowStateStore(file: SettingsFile) {
  return {
    load: (): unknown => file.read(KEY),
    save(state: WindowState): void {
      const parsed = stateSchema.safeParse({
        bounds: {
          x: Math.round(state.bounds.x),
          y: Math.round(state.bounds.y),
          width: Math.round(state.bounds.width),
          height: Math.round(state.bounds.height),
        },
        maximized: state.maximized,
      });
      if (parsed.success) file.write(KEY, parsed.data);
    },
  };
}
