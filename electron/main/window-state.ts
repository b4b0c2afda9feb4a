import { z } from 'zod';

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/** What is remembered between runs: the normal (not maximized) bounds and whether it was maximized. */
export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** The saved state from the file's text, or null when it is missing, corrupt or of another shape. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function centeredIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Where the window opens. `workAreas` are the displays' work areas, the primary first. A saved
 * window goes back onto the display it overlaps most, shrunk to fit and moved fully inside it; one
 * that overlaps no display any more (a monitor was unplugged) opens centered on the primary display
 * at its saved size; no saved state opens centered at the default size. Never smaller than the
 * minimum size unless the display itself is.
 */
export function restoreWindowBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  isMaximized: boolean;
} {
  const primary = workAreas[0];
  if (!primary) {
    return {
      bounds: saved ? { width: saved.width, height: saved.height } : { ...DEFAULT_WINDOW_SIZE },
      isMaximized: saved?.isMaximized ?? false,
    };
  }
  if (!saved)
    return {
      bounds: centeredIn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height),
      isMaximized: false,
    };

  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  if (!best) return { bounds: centeredIn(primary, width, height), isMaximized: saved.isMaximized };

  const w = Math.min(width, best.width);
  const h = Math.min(height, best.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - w);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - h);
  return { bounds: { x, y, width: w, height: h }, isMaximized: saved.isMaximized };
}

/** The timer functions the saver uses (the real `setTimeout`/`clearTimeout`, or a fake in tests). */
export interface Timers<Handle> {
  setTimeout(callback: () => void, ms: number): Handle;
  clearTimeout(handle: Handle): void;
}

/**
 * Saves the window state at most once per `delayMs` while the window is moved or resized (those
 * events fire dozens of times a second), and at once on `flush()` (when the window closes).
 */
export function createWindowStateSaver<Handle>(options: {
  save: (state: WindowState) => void;
  delayMs: number;
  timers: Timers<Handle>;
}): { update(state: WindowState): void; flush(): void } {
  let pending: WindowState | null = null;
  let timer: Handle | null = null;

  function flush(): void {
    if (timer !== null) {
      options.timers.clearTimeout(timer);
      timer = null;
    }
    if (pending === null) return;
    const state = pending;
    pending = null;
    options.save(state);
  }

  return {
    update(state) {
      pending = state;
      if (timer !== null) options.timers.clearTimeout(timer);
      timer = options.timers.setTimeout(() => {
        timer = null;
        flush();
      }, options.delayMs);
    },
    flush,
  };
}
