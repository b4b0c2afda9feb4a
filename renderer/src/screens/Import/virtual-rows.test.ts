import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowWindow, scrollTopFor } from './virtual-rows';

const base = { rowHeight: 32, viewportHeight: 320 };

describe('rowWindow', () => {
  it('draws the rows in view and a few around them', () => {
    const w = rowWindow({ ...base, total: 1000, scrollTop: 3200 });
    expect(w.first).toBe(94);
    expect(w.last).toBe(116);
    expect(w.top(100)).toBe(3200);
    expect(w.height).toBe(32_000);
  });

  it('keeps a million rows within the height a browser allows, first and last reachable', () => {
    const total = 1_000_000;
    const top = rowWindow({ ...base, total, scrollTop: 0 });
    expect(top.height).toBe(MAX_SCROLL_HEIGHT);
    expect(top.first).toBe(0);
    const bottom = rowWindow({ ...base, total, scrollTop: MAX_SCROLL_HEIGHT });
    expect(bottom.last).toBe(total - 1);
    // The last row sits at the bottom of the viewport.
    expect(bottom.top(total - 1) + base.rowHeight).toBeCloseTo(MAX_SCROLL_HEIGHT, 3);
  });

  it('after scrolling to any row, that row is drawn and fully in view', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, at) => {
          const position = Math.floor(at * (total - 1));
          const scrollTop = scrollTopFor({ ...base, total, scrollTop: 0 }, position) ?? 0;
          const w = rowWindow({ ...base, total, scrollTop });
          expect(position).toBeGreaterThanOrEqual(w.first);
          expect(position).toBeLessThanOrEqual(w.last);
          const relative = w.top(position) - scrollTop;
          expect(relative).toBeGreaterThanOrEqual(-1e-6);
          expect(relative + base.rowHeight).toBeLessThanOrEqual(base.viewportHeight + 1e-6);
        },
      ),
    );
  });
});
