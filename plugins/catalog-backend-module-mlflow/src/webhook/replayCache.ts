/** The most delivery ids remembered at once; beyond it the oldest are forgotten first. */
export const DEFAULT_MAX_DELIVERIES = 10_000;

/**
 * The delivery ids of accepted webhook deliveries, each remembered until its
 * timestamp leaves the accepted window (`timestamp + toleranceSeconds`):
 * after that the timestamp check refuses a replay by itself. Bounded: at most
 * `maxEntries` ids, expired ones dropped as new ones arrive.
 */
export class DeliveryReplayCache {
  readonly #toleranceSeconds: number;
  readonly #maxEntries: number;
  /** Delivery id to the Unix second after which it is forgotten, in insertion order. */
  readonly #expiries = new Map<string, number>();

  constructor(options: { toleranceSeconds: number; maxEntries?: number }) {
    this.#toleranceSeconds = options.toleranceSeconds;
    this.#maxEntries = Math.max(
      1,
      options.maxEntries ?? DEFAULT_MAX_DELIVERIES,
    );
  }

  /**
   * Records a delivery accepted at `nowSeconds`; false when its id was
   * already recorded and has not expired (a replay).
   */
  remember(
    deliveryId: string,
    timestampSeconds: number,
    nowSeconds: number,
  ): boolean {
    this.#dropExpired(nowSeconds);
    const expiry = this.#expiries.get(deliveryId);
    if (expiry !== undefined && expiry >= nowSeconds) {
      return false;
    }
    this.#expiries.delete(deliveryId);
    this.#expiries.set(deliveryId, timestampSeconds + this.#toleranceSeconds);
    for (const oldest of this.#expiries.keys()) {
      if (this.#expiries.size <= this.#maxEntries) {
        break;
      }
      this.#expiries.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.#expiries.size;
  }

  /**
   * Drops expired ids from the oldest on. Deliveries arrive roughly in
   * timestamp order, so this stops at the first live one; an expired id
   * behind it is never taken for a replay (see `remember`) and goes by the
   * size bound at the latest.
   */
  #dropExpired(nowSeconds: number) {
    for (const [deliveryId, expiry] of this.#expiries) {
      if (expiry >= nowSeconds) {
        return;
      }
      this.#expiries.delete(deliveryId);
    }
  }
}
