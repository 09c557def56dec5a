import { DeliveryReplayCache } from './replayCache';

const T = 1767225600;

describe('DeliveryReplayCache', () => {
  it('refuses an id it accepted before and accepts new ids', () => {
    const cache = new DeliveryReplayCache({ toleranceSeconds: 300 });
    expect(cache.remember('a', T, T)).toBe(true);
    expect(cache.remember('a', T, T + 10)).toBe(false);
    expect(cache.remember('b', T, T + 10)).toBe(true);
    expect(cache.remember('b', T, T + 20)).toBe(false);
  });

  it('remembers an id until its timestamp leaves the window, then forgets it', () => {
    const cache = new DeliveryReplayCache({ toleranceSeconds: 300 });
    expect(cache.remember('a', T, T)).toBe(true);
    // the timestamp check still accepts T at T + 300: the cache must refuse
    expect(cache.remember('a', T, T + 300)).toBe(false);
    expect(cache.remember('a', T, T + 301)).toBe(true);
  });

  it('counts the window from the timestamp, also for one from the future', () => {
    const cache = new DeliveryReplayCache({ toleranceSeconds: 300 });
    expect(cache.remember('early', T + 200, T)).toBe(true);
    expect(cache.remember('early', T + 200, T + 500)).toBe(false);
    expect(cache.remember('early', T + 200, T + 501)).toBe(true);
  });

  it('drops expired ids as new ones arrive', () => {
    const cache = new DeliveryReplayCache({ toleranceSeconds: 300 });
    for (let i = 0; i < 100; i++) {
      cache.remember(`old-${i}`, T, T);
    }
    expect(cache.size).toBe(100);
    cache.remember('new', T + 400, T + 400);
    expect(cache.size).toBe(1);
  });

  it('never holds more than maxEntries ids, forgetting the oldest', () => {
    const cache = new DeliveryReplayCache({
      toleranceSeconds: 300,
      maxEntries: 3,
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(cache.remember(id, T, T)).toBe(true);
    }
    expect(cache.size).toBe(3);
    expect(cache.remember('e', T, T)).toBe(false);
    expect(cache.remember('c', T, T)).toBe(false);
    // forgotten to keep the bound
    expect(cache.remember('a', T, T)).toBe(true);
  });
});
