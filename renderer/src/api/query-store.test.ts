import { describe, expect, it } from 'vitest';
import { createQueryStore } from './query-store';

/** A request whose answer the test gives when it wants, to make answers arrive out of order. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('createQueryStore', () => {
  it('is loading until the first answer, then holds it', async () => {
    const store = createQueryStore<string>();
    expect(store.get()).toEqual({ data: null, error: null, loading: true });
    void store.fetch(() => Promise.resolve('profiles'));
    await settle();
    expect(store.get()).toEqual({ data: 'profiles', error: null, loading: false });
  });

  it('drops an older answer that arrives after a newer request', async () => {
    const store = createQueryStore<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    void store.fetch(() => slow.promise);
    void store.fetch(() => fast.promise);
    fast.resolve('acme');
    await settle();
    slow.resolve('a');
    await settle();
    expect(store.get()).toEqual({ data: 'acme', error: null, loading: false });
  });

  it('drops an older failure that arrives after a newer answer', async () => {
    const store = createQueryStore<string>();
    const slow = deferred<string>();
    void store.fetch(() => slow.promise);
    void store.fetch(() => Promise.resolve('acme'));
    await settle();
    slow.reject(new Error('The history could not be read.'));
    await settle();
    expect(store.get()).toEqual({ data: 'acme', error: null, loading: false });
  });

  it('keeps the last answer while asking again, and beside a failure in plain words', async () => {
    const store = createQueryStore<string>();
    void store.fetch(() => Promise.resolve('first'));
    await settle();
    const next = deferred<string>();
    void store.fetch(() => next.promise);
    expect(store.get()).toEqual({ data: 'first', error: null, loading: true });
    next.reject(new Error('The app could not read the settings file.'));
    await settle();
    expect(store.get()).toEqual({
      data: 'first',
      error: 'The app could not read the settings file.',
      loading: false,
    });
  });

  it('turns a load that throws at once into a failed request', async () => {
    const store = createQueryStore<string>();
    void store.fetch(() => {
      throw new Error('This window is not connected to the app.');
    });
    await settle();
    expect(store.get().error).toBe('This window is not connected to the app.');
  });

  it('counts a replaced value as the newest answer', async () => {
    const store = createQueryStore<string>();
    const slow = deferred<string>();
    void store.fetch(() => slow.promise);
    store.replace('after the change');
    slow.resolve('before the change');
    await settle();
    expect(store.get()).toEqual({ data: 'after the change', error: null, loading: false });
  });

  it('drops every answer still on its way once cancelled', async () => {
    const store = createQueryStore<string>();
    const slow = deferred<string>();
    void store.fetch(() => slow.promise);
    store.cancel();
    slow.resolve('late');
    await settle();
    expect(store.get().data).toBeNull();
  });

  it('tells its listeners of each change until they leave', async () => {
    const store = createQueryStore<string>();
    const seen: (string | null)[] = [];
    const leave = store.subscribe(() => seen.push(store.get().data));
    void store.fetch(() => Promise.resolve('one'));
    await settle();
    leave();
    store.replace('two');
    expect(seen).toEqual(['one']);
  });
});
