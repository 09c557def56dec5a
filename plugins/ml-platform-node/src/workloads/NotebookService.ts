import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  NOTEBOOK_STOPPED_ANNOTATION,
  STOPPED_BY_ANNOTATION,
  type NotebookList,
  type NotebookOptions,
  type NotebookSummary,
  type WorkloadDeletion,
  type WorkloadResult,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { largestAllocatable } from './nodeCapacity';
import type { NotebookSettings } from './notebookSettings';
import { summarizeNotebook, type NotebookInput } from './kinds/notebook';
import {
  callerRef,
  type WorkloadRead,
  type WorkloadService,
} from './WorkloadService';

/**
 * Notebook servers on the workload path: what the routes, the scaffolder
 * action and the registry actions call, with the caller's credentials.
 * @public
 */
export class NotebookService {
  constructor(
    private readonly workloads: WorkloadService<
      NotebookInput,
      NotebookSettings
    >,
    private readonly settings: NotebookSettings,
  ) {}

  /** What the form offers: images, GPU vendors some node has, scheduling groups. */
  async options(): Promise<NotebookOptions> {
    const nodes = await this.workloads.nodeCapacity();
    return {
      images: this.settings.images,
      customImages: this.settings.customImages,
      gpus: this.settings.gpus
        .map(gpu => ({
          vendor: gpu.vendor,
          resourceName: gpu.resourceName,
          maxPerNode: largestAllocatable(nodes, gpu.resourceName),
        }))
        .filter(gpu => gpu.maxPerNode > 0),
      schedulingGroups: this.settings.schedulingGroups.map(({ id, title }) => ({
        id,
        title,
      })),
      limitFactors: this.settings.limitFactors,
    };
  }

  create(
    namespace: string,
    input: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<WorkloadResult> {
    return this.workloads.create(namespace, input, options);
  }

  async listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookList> {
    return this.#list(
      await this.workloads.listNamespace(namespace, credentials),
    );
  }

  async listTeam(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookList> {
    return this.#list(await this.workloads.listTeam(team, credentials));
  }

  async get(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary> {
    return this.#summary(
      await this.workloads.get(namespace, name, credentials),
    );
  }

  /** Stops the server (the pod goes, the workspace stays), marked as stopped by the caller. */
  async stop(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary> {
    return this.#summary(
      await this.workloads.annotate(
        namespace,
        name,
        {
          [NOTEBOOK_STOPPED_ANNOTATION]: new Date()
            .toISOString()
            .replace(/\.\d+Z$/, 'Z'),
          [STOPPED_BY_ANNOTATION]: callerRef(credentials),
        },
        credentials,
      ),
    );
  }

  /** Starts a stopped or culled server again. */
  async start(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NotebookSummary> {
    return this.#summary(
      await this.workloads.annotate(
        namespace,
        name,
        { [NOTEBOOK_STOPPED_ANNOTATION]: null, [STOPPED_BY_ANNOTATION]: null },
        credentials,
      ),
    );
  }

  /**
   * Deletes the notebook; the volume claims made for it are kept unless
   * `deleteWorkspace` (claims it did not make are never deleted).
   */
  async delete(
    namespace: string,
    name: string,
    options: { deleteWorkspace: boolean; credentials: BackstageCredentials },
  ): Promise<WorkloadDeletion> {
    const { object } = await this.workloads.get(
      namespace,
      name,
      options.credentials,
    );
    const claims: string[] = (object.spec?.template?.spec?.volumes ?? [])
      .map((volume: any) => volume.persistentVolumeClaim?.claimName)
      .filter((claim: unknown): claim is string => typeof claim === 'string')
      .filter(
        (claim: string) =>
          claim === `${name}-workspace` || claim.startsWith(`${name}-data-`),
      );
    const { deleted, kept } = await this.workloads.delete(
      namespace,
      name,
      options.credentials,
      claims.map(claim => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: claim,
        delete: options.deleteWorkspace,
      })),
    );
    return {
      deleted,
      kept,
      notes:
        kept.length > 0
          ? [
              `Kept ${kept.join(', ')} with the notebook's files: reuse ${
                kept.length > 1 ? 'them' : 'it'
              } as an existing claim of a new notebook, or delete again with deleteWorkspace.`,
            ]
          : [],
    };
  }

  #summary(read: WorkloadRead): NotebookSummary {
    return summarizeNotebook(read.object, read.related, this.settings);
  }

  #list(reads: WorkloadRead[]): NotebookList {
    return {
      items: reads.map(read => this.#summary(read)),
      culling: this.settings.culling,
    };
  }
}
