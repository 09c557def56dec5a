import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
} from '@kubernetes/client-node';
import { unlessNotFound } from '../clusterErrors';
import { QUOTA_NAME } from './quota';

/** The metadata a namespace's owner object carries: the suite's labels and annotations. @public */
export type NamespaceOwner = {
  metadata?: {
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
};

/** A namespace's quota as its owner object holds it. @public */
export type OwnedQuota = NamespaceOwner & {
  namespace: string;
  hard?: Record<string, string>;
};

/**
 * Where the suite records who owns a namespace and its quota: the Namespace
 * and its ResourceQuota, or with `mlPlatform.namespaces.kubeflowProfiles`
 * the Kubeflow Profile (its controller makes the namespace without the
 * suite's labels). Chosen once at start-up; the provisioner, the overview,
 * the workload path and the catalog provider all read through it.
 * @public
 */
export interface NamespaceBackend {
  readonly mode: 'namespaces' | 'kubeflow-profiles';
  /** The owner object of a namespace, or undefined when there is none. */
  readOwner(name: string): Promise<NamespaceOwner | undefined>;
  /** Owner objects matching a label selector. */
  listOwners(labelSelector: string): Promise<NamespaceOwner[]>;
  /** The suite's quota of one namespace (with its owner's labels), or undefined. */
  readQuota(name: string): Promise<OwnedQuota | undefined>;
  /** The suite's quotas of the namespaces whose owners match a label selector. */
  listQuotas(labelSelector: string): Promise<OwnedQuota[]>;
}

const PROFILES = { group: 'kubeflow.org', version: 'v1', plural: 'profiles' };

type Profile = NamespaceOwner & {
  spec?: { resourceQuotaSpec?: { hard?: Record<string, string> } };
};

class LabelledNamespaces implements NamespaceBackend {
  readonly mode = 'namespaces';
  readonly #core: CoreV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.#core = kubeConfig.makeApiClient(CoreV1Api);
  }

  readOwner(name: string) {
    return unlessNotFound(this.#core.readNamespace({ name }));
  }

  async listOwners(labelSelector: string) {
    return (await this.#core.listNamespace({ labelSelector })).items;
  }

  async readQuota(name: string) {
    const quota = await unlessNotFound(
      this.#core.readNamespacedResourceQuota({
        name: QUOTA_NAME,
        namespace: name,
      }),
    );
    return quota
      ? { namespace: name, metadata: quota.metadata, hard: quota.spec?.hard }
      : undefined;
  }

  async listQuotas(labelSelector: string) {
    const list = await this.#core.listResourceQuotaForAllNamespaces({
      labelSelector,
    });
    return list.items
      .filter(quota => quota.metadata?.name === QUOTA_NAME)
      .map(quota => ({
        namespace: quota.metadata!.namespace!,
        metadata: quota.metadata,
        hard: quota.spec?.hard ?? {},
      }));
  }
}

class KubeflowProfiles implements NamespaceBackend {
  readonly mode = 'kubeflow-profiles';
  readonly #custom: CustomObjectsApi;

  constructor(kubeConfig: KubeConfig) {
    this.#custom = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  readOwner(name: string) {
    return unlessNotFound(
      this.#custom.getClusterCustomObject({ ...PROFILES, name }),
    ) as Promise<Profile | undefined>;
  }

  async listOwners(labelSelector: string) {
    const list = (await this.#custom.listClusterCustomObject({
      ...PROFILES,
      labelSelector,
    })) as { items?: Profile[] };
    return list.items ?? [];
  }

  async readQuota(name: string) {
    const profile = (await this.readOwner(name)) as Profile | undefined;
    return profile
      ? {
          namespace: name,
          metadata: profile.metadata,
          hard: profile.spec?.resourceQuotaSpec?.hard,
        }
      : undefined;
  }

  async listQuotas(labelSelector: string) {
    const profiles = (await this.listOwners(labelSelector)) as Profile[];
    return profiles.map(profile => ({
      namespace: profile.metadata!.name!,
      metadata: profile.metadata,
      hard: profile.spec?.resourceQuotaSpec?.hard ?? {},
    }));
  }
}

/** The backend of `mlPlatform.namespaces.kubeflowProfiles` (read with the given identity). @public */
export function namespaceBackend(
  kubeConfig: KubeConfig,
  options: { kubeflowProfiles: boolean },
): NamespaceBackend {
  return options.kubeflowProfiles
    ? new KubeflowProfiles(kubeConfig)
    : new LabelledNamespaces(kubeConfig);
}
