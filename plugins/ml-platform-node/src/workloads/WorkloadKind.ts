import type {
  WorkloadResource,
  WorkloadState,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { KubernetesObject } from '@kubernetes/client-node';
import type { z as zod } from 'zod/v3';

/** Where a workload goes: a team namespace, and who asks. @public */
export type WorkloadTarget = {
  namespace: string;
  team: string;
  project?: string;
  /** The user entity ref of who asks. */
  user: string;
};

/**
 * What a workload asks of its namespace's quota, keyed like a
 * ResourceQuota (`requests.cpu`, `limits.memory`, `requests.storage`,
 * `persistentvolumeclaims`, `pods`, `requests.nvidia.com/gpu`), in base units.
 * @public
 */
export type ResourceRequests = Record<string, number>;

/** What a workload's state is read from besides its own object. @public */
export type RelatedObjects = {
  /** The workload's pods. */
  pods: Array<Record<string, any>>;
  /** Warning events about the workload and its pods. */
  events: Array<Record<string, any>>;
  /** The idle time after which the controller culls (notebooks). */
  idleMinutes?: number;
};

/** A workload's state for people. @public */
export type WorkloadStatus = { state: WorkloadState; reason?: string };

/**
 * One kind of workload: a custom resource in a team's namespace, sized
 * against its quota. The workload path (WorkloadService) validates with
 * `schema`, checks `requests` against the quota, applies `render`'s objects
 * and reads state with `status`; adapters (routes, actions) derive from it.
 * @public
 */
export type WorkloadKind<Input extends { name: string }, Settings> = {
  resource: WorkloadResource;
  /** What people call it, for messages: "notebook". */
  noun: string;
  /** The input, with field-named messages; z is zod v3, as the scaffolder and the actions registry hand in. */
  schema(z: typeof zod, settings: Settings): zod.ZodType<Input>;
  /** Input problems the schema cannot see (they need settings), as field and reason. */
  check(
    input: Input,
    settings: Settings,
  ): Array<{ field: string; reason: string }>;
  requests(input: Input, settings: Settings): ResourceRequests;
  /** What its largest pod asks of one node, by resource name (cpu, memory, nvidia.com/gpu). */
  podRequests(input: Input, settings: Settings): Record<string, number>;
  /**
   * Objects the workload needs in its namespace and does not make itself,
   * with why: a missing one is refused before anything is created.
   */
  requires?(
    input: Input,
    settings: Settings,
  ): Array<{ apiVersion: string; kind: string; name: string; why: string }>;
  /** Pure: the objects to apply, the workload itself first. */
  render(
    input: Input,
    target: WorkloadTarget,
    settings: Settings,
  ): KubernetesObject[];
  /** Pure: the state and its reason. */
  status(object: Record<string, any>, related: RelatedObjects): WorkloadStatus;
  /** The label selecting the workload's pods. */
  podSelector(name: string): string;
  /**
   * Whether an event about `objectName` concerns the workload `name`,
   * besides the workload itself and its pods (e.g. the Deployments and
   * ReplicaSets its controller makes).
   */
  ownsEvent?(name: string, objectName: string): boolean;
};
