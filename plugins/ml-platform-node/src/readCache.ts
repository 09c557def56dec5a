import { LRUCache } from 'lru-cache';

/** How long answers of a system are shared between requests. */
export type ReadCacheOptions = {
  /** Fresh for this long; 0 turns the cache off. */
  freshMs: number;
  /** Most answers kept (least recently used go first). */
  maxEntries: number;
  /** A clock in milliseconds (tests). Default: performance.now. */
  now?: () => number;
};

type Box<V> = { value: V };
type Loader<V> = () => Promise<V>;

/**
 * Answers of reads shared between requests for a short time, with
 * lru-cache: an answer is fresh for `freshMs`; for as long again it is
 * served while one read refreshes it in the background; older, it is read
 * again before answering. Concurrent reads of one key make one call, and a
 * failed read is not kept.
 */
export class ReadCache<V> {
  readonly #cache?: LRUCache<string, Box<V>, Loader<V>>;
  readonly #freshMs: number;
  /**
   * Forgetting a key moves it to a new generation instead of deleting it: a
   * read still in flight then fills the old one, which nobody asks again.
   */
  readonly #generations = new Map<string, number>();
  #epoch = 0;

  constructor(options: ReadCacheOptions) {
    this.#freshMs = options.freshMs;
    if (options.freshMs > 0) {
      this.#cache = new LRUCache<string, Box<V>, Loader<V>>({
        max: options.maxEntries,
        ttl: options.freshMs,
        allowStale: true,
        // an evicted read in flight still answers the requests waiting on it
        ignoreFetchAbort: true,
        ...(options.now
          ? { perf: { now: options.now }, ttlResolution: 0 }
          : {}),
        fetchMethod: async (_key, _stale, { context }) => ({
          value: await context(),
        }),
      });
    }
  }

  /** The shared answer of `key`, or `load()`'s. */
  async read(key: string, load: Loader<V>): Promise<V> {
    if (!this.#cache) {
      return load();
    }
    const entry = this.#entryKey(key);
    const tooOld = this.#cache.getRemainingTTL(entry) < -this.#freshMs;
    const box = await this.#cache.fetch(entry, {
      context: load,
      ...(tooOld ? { forceRefresh: true, allowStale: false } : {}),
    });
    return box!.value;
  }

  /** Keeps an answer read elsewhere as fresh. */
  set(key: string, value: V): void {
    this.#cache?.set(this.#entryKey(key), { value });
  }

  /** Forgets the answers of `keys`: the next read of each reads again. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) {
      this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
    }
  }

  /** Forgets every answer (the same way as {@link ReadCache.forget}). */
  forgetAll(): void {
    this.#epoch++;
    this.#generations.clear();
  }

  #entryKey(key: string): string {
    return `${this.#epoch}.${this.#generations.get(key) ?? 0}\u0000${key}`;
  }
}
