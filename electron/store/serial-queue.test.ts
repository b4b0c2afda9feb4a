import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createSerialQueue', () => {
  it('starts each task only after the one before it has finished, in order', async () => {
    const serialized = createSerialQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = serialized(async () => {
      log.push('first started');
      await gate.promise;
      log.push('first done');
      return 1;
    });
    const second = serialized(async () => {
      log.push('second started');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first started']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first started', 'first done', 'second started']);
  });

  it('rejects only the task that failed and runs the next one', async () => {
    const serialized = createSerialQueue();
    const failed = serialized(() => Promise.reject(new Error('disk full')));
    const next = serialized(() => Promise.resolve('written'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
  });

  it('keeps separate queues apart', async () => {
    const a = createSerialQueue();
    const b = createSerialQueue();
    const gate = deferred();
    const blocked = a(() => gate.promise);
    await expect(b(() => Promise.resolve('b ran'))).resolves.toBe('b ran');
    gate.resolve();
    await blocked;
  });
});
