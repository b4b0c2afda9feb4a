/**
 * Runs tasks one after another, in the order they were given: a store wraps each read-modify-write
 * of its file in it, so that two changes from this process never interleave and overwrite each
 * other. A task that fails rejects only its own promise; the next one still runs.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
