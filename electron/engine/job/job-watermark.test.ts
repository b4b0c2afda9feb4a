import { describe, expect, it } from 'vitest';
import { WatermarkTracker } from './job-watermark';

describe('WatermarkTracker', () => {
  it('moves to the last chunk end below the lowest row still held', () => {
    const marks = new WatermarkTracker({ offset: 0, row: 2 });
    marks.hold('batch-1', 2);
    marks.boundary({ offset: 100, row: 50 });
    marks.hold('batch-2', 50);
    marks.boundary({ offset: 200, row: 90 });
    expect(marks.advance()).toBeNull();

    marks.release('batch-1');
    expect(marks.advance()).toEqual({ offset: 100, row: 50 });
    marks.release('batch-2');
    expect(marks.advance()).toEqual({ offset: 200, row: 90 });
    expect(marks.mark).toEqual({ offset: 200, row: 90 });
  });

  it('never moves backwards', () => {
    const marks = new WatermarkTracker({ offset: 500, row: 40 });
    marks.boundary({ offset: 300, row: 30 });
    expect(marks.advance()).toBeNull();
    expect(marks.mark.offset).toBe(500);
  });
});
