import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rect, Timers, WindowState } from './window-state';
import {
  createWindowStateSaver,
  DEFAULT_WINDOW_SIZE,
  parseWindowState,
  restoreWindowBounds,
  WINDOW_STATE_FILE,
} from './window-state';
import { readWindowState, writeWindowState } from './window-state-file';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitorOnRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

function inside(bounds: Partial<Rect> & Pick<Rect, 'width' | 'height'>, area: Rect): boolean {
  const x = bounds.x ?? Number.NaN;
  const y = bounds.y ?? Number.NaN;
  return (
    x >= area.x &&
    y >= area.y &&
    x + bounds.width <= area.x + area.width &&
    y + bounds.height <= area.y + area.height
  );
}

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    const state = { x: 10, y: 20, width: 1000, height: 700, isMaximized: true };
    expect(parseWindowState(JSON.stringify(state))).toEqual(state);
  });

  it('treats a state without isMaximized as not maximized', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":900,"height":600}')?.isMaximized).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not JSON', '{"x": 1,'],
    ['not an object', '[1,2,3]'],
    ['negative size', '{"x":0,"y":0,"width":-5,"height":600}'],
    ['text size', '{"x":0,"y":0,"width":"big","height":600}'],
    ['fractional position', '{"x":0.5,"y":0,"width":900,"height":600}'],
    ['null', 'null'],
  ])('gives no state (so defaults apply) when the file is %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('restoreWindowBounds', () => {
  it('opens centered at the default size the first time', () => {
    const { bounds, isMaximized } = restoreWindowBounds(null, [laptop]);
    expect(bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(bounds.x).toBe(laptop.x + (laptop.width - DEFAULT_WINDOW_SIZE.width) / 2);
    expect(isMaximized).toBe(false);
  });

  it('reopens where it was on the second monitor', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: false };
    expect(restoreWindowBounds(saved, [laptop, monitorOnRight]).bounds).toEqual({
      x: 2000,
      y: 100,
      width: 1200,
      height: 900,
    });
  });

  it('comes back onto the laptop when the monitor it was on is unplugged', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 900, isMaximized: true };
    const { bounds, isMaximized } = restoreWindowBounds(saved, [laptop]);
    expect(inside(bounds, laptop)).toBe(true);
    expect(isMaximized).toBe(true);
  });

  it('pulls a window hanging off the edge fully back on screen', () => {
    const saved = { x: 1000, y: -200, width: 1000, height: 700, isMaximized: false };
    const { bounds } = restoreWindowBounds(saved, [laptop]);
    expect(bounds).toEqual({ x: 440, y: 25, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display', () => {
    const saved = { x: 0, y: 0, width: 4000, height: 3000, isMaximized: false };
    expect(restoreWindowBounds(saved, [laptop]).bounds).toEqual(laptop);
  });

  it('keeps the saved size but no position when no display is known', () => {
    const saved = { x: 5, y: 5, width: 900, height: 600, isMaximized: false };
    expect(restoreWindowBounds(saved, []).bounds).toEqual({ width: 900, height: 600 });
  });

  it('always lands fully inside a display (any saved state, any display)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 6000 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.boolean(),
        fc.array(rect, { minLength: 1, maxLength: 3 }),
        (s, m, areas) => {
          const { bounds } = restoreWindowBounds({ ...s, isMaximized: m }, areas);
          expect(areas.some((area) => inside(bounds, area))).toBe(true);
        },
      ),
    );
  });
});

class FakeTimers implements Timers<number> {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout(callback: () => void): number {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clearTimeout(handle: number): void {
    this.pending.delete(handle);
  }
  runAll(): void {
    for (const [id, callback] of [...this.pending]) {
      this.pending.delete(id);
      callback();
    }
  }
}

describe('createWindowStateSaver', () => {
  const state = (x: number): WindowState => ({
    x,
    y: 0,
    width: 900,
    height: 600,
    isMaximized: false,
  });

  it('writes once, with the last position, after a burst of moves', () => {
    const timers = new FakeTimers();
    const saved: WindowState[] = [];
    const saver = createWindowStateSaver({ save: (s) => saved.push(s), delayMs: 500, timers });
    for (let x = 0; x < 30; x += 1) saver.update(state(x));
    expect(saved).toEqual([]);
    expect(timers.pending.size).toBe(1);
    timers.runAll();
    expect(saved).toEqual([state(29)]);
  });

  it('writes at once when the window closes, and not again afterwards', () => {
    const timers = new FakeTimers();
    const saved: WindowState[] = [];
    const saver = createWindowStateSaver({ save: (s) => saved.push(s), delayMs: 500, timers });
    saver.update(state(7));
    saver.flush();
    expect(saved).toEqual([state(7)]);
    timers.runAll();
    saver.flush();
    expect(saved).toEqual([state(7)]);
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
    dirs.push(dir);
    return dir;
  }

  it('remembers the state between runs', () => {
    const dir = tempDir();
    const state = { x: 40, y: 50, width: 1024, height: 768, isMaximized: false };
    expect(writeWindowState(path.join(dir, 'nested'), state)).toBe(true);
    expect(readWindowState(path.join(dir, 'nested'))).toEqual(state);
  });

  it('gives no state for a missing or corrupt file instead of crashing', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '\u0000garbage{');
    expect(readWindowState(dir)).toBeNull();
  });

  it('reports a failed write instead of throwing', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    expect(
      writeWindowState(blocker, { x: 0, y: 0, width: 900, height: 600, isMaximized: false }),
    ).toBe(false);
  });
});
