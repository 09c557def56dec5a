import type {
  CoreV1Event,
  V1Pod,
  V1ResourceQuota,
} from '@kubernetes/client-node';
import { LRUCache } from 'lru-cache';
import type { UserClusterAccess } from '../access/userClusterAccess';
import { apiStatusOf } from '../clusterErrors';
import { ReadCache } from '../readCache';

/** What the team overview reads inside one namespace. */
export type NamespaceReads = {
  quotas: V1ResourceQuota[];
  pods: V1Pod[];
  warnings: CoreV1Event[];
};

/** Reads a namespace as the user of `asUser` (Kubernetes RBAC decides). */
export type ReadNamespaceAs = (
  namespace: string,
  asUser: UserClusterAccess,
) => Promise<NamespaceReads>;

export type SharedNamespaceReadsOptions = {
  /** How long one namespace's reads are shared (see ReadCache); 0: never shared. */
  freshMs: number;
  /** How long a user's own allowed read lets them be served the shared reads; 0: never. */
  accessMs: number;
  now?: () => number;
};

const MAX_NAMESPACES = 5_000;
const MAX_ALLOWANCES = 50_000;

function allowanceKey(identityKey: string, namespace: string): string {
  return JSON.stringify([identityKey, namespace]);
}

/**
 * The reads inside team namespaces, shared between the users Kubernetes
 * allowed them. A user's first request for a namespace is read as the user,
 * so Kubernetes decides; for `accessMs` after an allowed read, the user is
 * served the namespace's shared reads (fresh for `freshMs`), and once half
 * of that time has passed a read as the user renews the allowance in the
 * background. A refusal ends the allowance at once. RBAC does not filter a
 * list by who asks, so an allowed user is given exactly what their own read
 * would answer, at most `freshMs` (twice, while refreshing) older.
 */
export class SharedNamespaceReads {
  readonly #readAs: ReadNamespaceAs;
  readonly #accessMs: number;
  readonly #reads: ReadCache<NamespaceReads>;
  readonly #allowed?: LRUCache<string, true>;
  readonly #inFlight = new Map<string, Promise<NamespaceReads>>();

  constructor(readAs: ReadNamespaceAs, options: SharedNamespaceReadsOptions) {
    this.#readAs = readAs;
    this.#accessMs = options.accessMs;
    const shared = options.freshMs > 0 && options.accessMs > 0;
    this.#reads = new ReadCache({
      freshMs: shared ? options.freshMs : 0,
      maxEntries: MAX_NAMESPACES,
      now: options.now,
    });
    if (shared) {
      this.#allowed = new LRUCache<string, true>({
        max: MAX_ALLOWANCES,
        ttl: options.accessMs,
        ...(options.now
          ? { perf: { now: options.now }, ttlResolution: 0 }
          : {}),
      });
    }
  }

  async read(
    namespace: string,
    asUser: UserClusterAccess,
  ): Promise<NamespaceReads> {
    if (!this.#allowed) {
      return this.#readAs(namespace, asUser);
    }
    const key = allowanceKey(asUser.identityKey, namespace);
    const remainingMs = this.#allowed.getRemainingTTL(key);
    if (remainingMs <= 0) {
      const reads = await this.#readAllowed(namespace, asUser, key);
      this.#reads.set(namespace, reads);
      return reads;
    }
    if (remainingMs < this.#accessMs / 2) {
      this.#readAllowed(namespace, asUser, key).then(
        reads => this.#reads.set(namespace, reads),
        // a refusal ended the allowance; the next request reads as the user and says why
        () => undefined,
      );
    }
    return this.#reads.read(namespace, () =>
      this.#readAllowed(namespace, asUser, key),
    );
  }

  /** The next request for these namespaces reads them again. */
  forget(namespaces: Iterable<string>): void {
    this.#reads.forget(namespaces);
  }

  /** One read as the user at a time per user and namespace; it grants or ends the allowance. */
  #readAllowed(
    namespace: string,
    asUser: UserClusterAccess,
    key: string,
  ): Promise<NamespaceReads> {
    const running = this.#inFlight.get(key);
    if (running) {
      return running;
    }
    const read = this.#readAs(namespace, asUser)
      .then(
        reads => {
          this.#allowed?.set(key, true);
          return reads;
        },
        error => {
          if (apiStatusOf(error) === 403) {
            this.#allowed?.delete(key);
          }
          throw error;
        },
      )
      .finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, read);
    return read;
  }
}
