import {
  onCluster,
  type ClusterConnection,
  type NamespaceBackend,
} from '@ml-platform/backstage-plugin-ml-platform-node';

type Labels = Readonly<Record<string, string>>;

/**
 * Reads namespaces' labels (those of their Profiles, in the Kubeflow Profile
 * mode) from the platform cluster with the backend's own identity. Answers, "does not exist" included,
 * are kept for `ttlMs`: the Kubernetes tab asks again every few seconds, and
 * a namespace changes team rarely. At most `maxEntries` names are kept, so
 * requests naming made-up namespaces cannot grow the cache without bound.
 */
export class NamespaceLabelsReader {
  readonly #namespaces: Pick<NamespaceBackend, 'readOwner'>;
  readonly #cluster: Pick<ClusterConnection, 'name' | 'url'>;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #cache = new Map<
    string,
    { labels: Labels | undefined; expires: number }
  >();

  constructor(options: {
    /** Where owners are recorded: the Namespaces, or their Kubeflow Profiles. */
    namespaces: Pick<NamespaceBackend, 'readOwner'>;
    cluster: Pick<ClusterConnection, 'name' | 'url'>;
    ttlMs?: number;
    maxEntries?: number;
    now?: () => number;
  }) {
    this.#namespaces = options.namespaces;
    this.#cluster = options.cluster;
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  /** The namespace's labels, or undefined when it does not exist. */
  async labelsOf(name: string): Promise<Labels | undefined> {
    const now = this.#now();
    const cached = this.#cache.get(name);
    if (cached && cached.expires > now) {
      return cached.labels;
    }
    const namespace = await onCluster(this.#cluster, () =>
      this.#namespaces.readOwner(name),
    );
    const labels = namespace ? namespace.metadata?.labels ?? {} : undefined;
    this.#remember(name, labels, now);
    return labels;
  }

  #remember(name: string, labels: Labels | undefined, now: number) {
    this.#cache.delete(name);
    if (this.#cache.size >= this.#maxEntries) {
      // Map keeps insertion order: the first entry is the oldest.
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) {
        this.#cache.delete(oldest);
      }
    }
    this.#cache.set(name, { labels, expires: now + this.#ttlMs });
  }
}
