import { ReadCache } from './readCache';

function clock() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

/** A read that answers 1, 2, 3 … and counts its calls. */
function counter() {
  let calls = 0;
  const load = jest.fn(async () => ++calls);
  return load;
}

/** A read that answers when told to. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ReadCache', () => {
  const options = { freshMs: 5_000, maxEntries: 10 };

  it('answers from what it read while that is fresh', async () => {
    const time = clock();
    const cache = new ReadCache<number>({ ...options, now: time.now });
    const load = counter();
    expect(await cache.read('k', load)).toBe(1);
    time.advance(4_999);
    expect(await cache.read('k', load)).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(await cache.read('other', load)).toBe(2);
  });

  it('makes one call for concurrent reads of a key', async () => {
    const cache = new ReadCache<number>(options);
    const answer = deferred<number>();
    const load = jest.fn(() => answer.promise);
    const reads = [cache.read('k', load), cache.read('k', load)];
    answer.resolve(7);
    await expect(Promise.all(reads)).resolves.toEqual([7, 7]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('serves a stale answer while one read refreshes it, up to twice the fresh time', async () => {
    const time = clock();
    const cache = new ReadCache<number>({ ...options, now: time.now });
    const load = counter();
    await cache.read('k', load);
    time.advance(6_000);
    // stale: the old answer at once, a refresh behind it
    expect(await cache.read('k', load)).toBe(1);
    expect(load).toHaveBeenCalledTimes(2);
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.read('k', load)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads again before answering once an answer is older than twice the fresh time', async () => {
    const time = clock();
    const cache = new ReadCache<number>({ ...options, now: time.now });
    const load = counter();
    await cache.read('k', load);
    time.advance(10_001);
    expect(await cache.read('k', load)).toBe(2);
  });

  it('keeps no failed read', async () => {
    const cache = new ReadCache<number>(options);
    await expect(
      cache.read('k', async () => {
        throw new Error('apiserver down');
      }),
    ).rejects.toThrow('apiserver down');
    expect(await cache.read('k', async () => 3)).toBe(3);
  });

  it('reads again after forget, and a read in flight then does not answer later requests', async () => {
    const cache = new ReadCache<number>(options);
    const early = deferred<number>();
    const first = cache.read('k', () => early.promise);
    cache.forget(['k']);
    expect(await cache.read('k', async () => 2)).toBe(2);
    early.resolve(1);
    expect(await first).toBe(1);
    expect(await cache.read('k', async () => 3)).toBe(2);
  });

  it('reads every key again after forgetAll', async () => {
    const cache = new ReadCache<number>(options);
    await cache.read('a', async () => 1);
    await cache.read('b', async () => 1);
    cache.forget(['a']);
    cache.forgetAll();
    expect(await cache.read('a', async () => 2)).toBe(2);
    expect(await cache.read('b', async () => 2)).toBe(2);
  });

  it('keeps an answer given by set as fresh', async () => {
    const cache = new ReadCache<number>(options);
    cache.set('k', 9);
    expect(await cache.read('k', async () => 1)).toBe(9);
  });

  it('reads every time when off (freshMs 0)', async () => {
    const cache = new ReadCache<number>({ freshMs: 0, maxEntries: 10 });
    const load = counter();
    await cache.read('k', load);
    cache.set('k', 9);
    expect(await cache.read('k', load)).toBe(2);
  });

  it('answers undefined like any other value', async () => {
    const cache = new ReadCache<string | undefined>(options);
    const load = jest.fn(async () => undefined);
    expect(await cache.read('k', load)).toBeUndefined();
    expect(await cache.read('k', load)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
