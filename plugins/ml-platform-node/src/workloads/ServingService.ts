import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  describeIssues,
  SERVING_PROTOCOLS,
  type ModelDeploymentList,
  type ModelDeploymentResult,
  type ModelDeploymentSummary,
  type ModelServing,
  type ServingChange,
  type WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { z } from 'zod/v3';
import {
  checkServerSize,
  checkTraffic,
  DEPLOYMENT_NAME_MAX_LENGTH,
  EXAMPLE_PAYLOAD_ANNOTATION,
  predictorNameOf,
  seldonInputOf,
  summarizeDeployment,
  type SeldonInput,
  type ServingPredictorInput,
} from './kinds/seldon';
import {
  proxiedArtifactPath,
  storageLocationOf,
} from './kinds/seldon/artifacts';
import { examplePayload, signatureColumns } from './kinds/seldon/payload';
import type { ServableModel } from '../mlflow/MlflowReader';
import type { ServingSettings } from './servingSettings';
import type { TeamNamespace } from './teamNamespace';
import { zodIssues } from './zodIssues';
import {
  callerRef,
  type WorkloadRead,
  type WorkloadService,
} from './WorkloadService';

/** What serving reads of MLflow: a model as the caller may see it, and where a version's files are. @public */
export type ServingModels = {
  /** Permission-checked: a 403 when the caller may not see the model; with the version asked for (by number or alias) when it exists. */
  model(
    name: string,
    choice: { version?: string; alias?: string },
    credentials: BackstageCredentials,
  ): Promise<ServableModel>;
  /** Where a version's files are, resolved through MLflow as far as it can (never from a request). */
  location(name: string, version: string): Promise<string>;
  /** A file behind MLflow's artifact proxy (`mlflow-artifacts:/<path>`). */
  proxiedArtifact(path: string): Promise<string>;
};

const versionChoice = {
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'is not a model version number')
    .optional()
    .describe('The model version, e.g. "3"; or give alias'),
  alias: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'is not an alias name')
    .optional()
    .describe('A model alias, e.g. "champion"; or give version'),
};

/** `POST /namespaces/{ns}/deployments` @public */
export const deployModelRequestSchema = (zod: typeof z) =>
  zod
    .object({
      model: zod.string().min(1).max(500).describe('The registered model'),
      ...versionChoice,
      name: zod
        .string()
        .describe(
          `The deployment name: lower case letters, digits and "-", at most ${DEPLOYMENT_NAME_MAX_LENGTH} characters`,
        ),
      protocol: zod
        .enum(SERVING_PROTOCOLS)
        .optional()
        .describe('seldon (default) or v2 (MLServer)'),
      replicas: zod.number().int().min(1).optional(),
      cpu: zod
        .string()
        .optional()
        .describe('CPU of the model server per replica, e.g. "500m"'),
      memory: zod
        .string()
        .optional()
        .describe('Memory of the model server per replica, e.g. "1Gi"'),
      autoscaling: zod
        .object({
          minReplicas: zod.number().int().min(1),
          maxReplicas: zod.number().int().min(1),
        })
        .strict()
        .optional(),
      dryRun: zod.boolean().optional(),
    })
    .strict();

/** `POST .../predictors` @public */
export const addPredictorRequestSchema = (zod: typeof z) =>
  zod
    .object({
      ...versionChoice,
      traffic: zod
        .number()
        .int()
        .min(1)
        .max(99)
        .optional()
        .describe('Percent of the traffic for the new version (1 to 99)'),
      shadow: zod
        .boolean()
        .optional()
        .describe(
          'A shadow gets a copy of every request; its answers are dropped',
        ),
      dryRun: zod.boolean().optional(),
    })
    .strict();

/** `PUT .../traffic` @public */
export const setTrafficRequestSchema = (zod: typeof z) =>
  zod
    .object({
      traffic: zod
        .record(zod.number().int().min(0).max(100))
        .describe('Percent by predictor name (v<version>), summing to 100'),
    })
    .strict();

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw new InputError(describeIssues(zodIssues(result.error)));
  }
  return result.data;
}

function requireValid(issues: Array<{ field: string; reason: string }>) {
  if (issues.length > 0) {
    throw new InputError(describeIssues(issues));
  }
}

/**
 * Model serving on the workload path: what the routes, the scaffolder
 * action and the registry actions call, with the caller's credentials. A
 * deployment's model URI always comes from the model's own versions in
 * MLflow, never from a request; every change is a server-side apply of the
 * whole SeldonDeployment, recorded in its history.
 * @public
 */
export class ServingService {
  constructor(
    private readonly workloads: WorkloadService<SeldonInput, ServingSettings>,
    private readonly models: ServingModels,
    private readonly settings: ServingSettings,
    private readonly onChanged: (change: {
      namespace: string;
      name: string;
    }) => Promise<void> = async () => {},
  ) {}

  /** Where a model serves, and where the caller may deploy it. */
  async modelServing(
    model: string,
    credentials: BackstageCredentials,
  ): Promise<ModelServing> {
    const details = await this.models.model(model, {}, credentials);
    const team = details.team;
    const [reads, namespaces] = team
      ? await Promise.all([
          this.workloads.listTeam(team, credentials).catch(error => {
            if (error instanceof NotAllowedError) {
              return [] as WorkloadRead[];
            }
            throw error;
          }),
          this.workloads.manageableNamespaces(team, credentials),
        ])
      : [[], []];
    const deployments = reads
      .map(read => this.#summary(read))
      .filter(deployment => deployment.model === details.name);
    let cannotDeployReason: string | undefined;
    if (!team) {
      cannotDeployReason = `Model "${details.name}" has no owning team, so no team namespace may serve it`;
    } else if (namespaces.length === 0) {
      cannotDeployReason = `Only members of team "${team}" (which owns the model) and platform admins may deploy it`;
    }
    return {
      model: details.name,
      ...(team ? { team } : {}),
      deployments,
      canDeploy: !cannotDeployReason,
      ...(cannotDeployReason ? { cannotDeployReason } : {}),
      namespaces: namespaces.map(target => target.namespace),
      protocols: SERVING_PROTOCOLS,
    };
  }

  async listNamespace(
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentList> {
    const reads = await this.workloads.listNamespace(namespace, credentials);
    return { deployments: reads.map(read => this.#summary(read)) };
  }

  async listTeam(
    team: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentList> {
    const reads = await this.workloads.listTeam(team, credentials);
    return { deployments: reads.map(read => this.#summary(read)) };
  }

  async get(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ModelDeploymentSummary> {
    return this.#summary(
      await this.workloads.get(namespace, name, credentials, {
        allEvents: false,
      }),
    );
  }

  /** Deploys a version (or the version an alias names) of a model as a new SeldonDeployment. */
  async deploy(
    namespace: string,
    request: unknown,
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<ModelDeploymentResult> {
    const input = parsed(deployModelRequestSchema(z), request);
    const dryRun = options.dryRun ?? input.dryRun ?? false;
    const { settings } = this;
    const size = {
      cpu: input.cpu ?? settings.defaults.cpu,
      memory: input.memory ?? settings.defaults.memory,
      replicas: input.replicas ?? settings.defaults.replicas,
      ...(input.autoscaling ? { autoscaling: input.autoscaling } : {}),
    };
    requireValid(checkServerSize(size, settings));
    this.#requireOneVersion(input);
    const details = await this.models.model(
      input.model,
      input,
      options.credentials,
    );
    const target = await this.#requireServableIn(namespace, details);
    const version = this.#versionOf(details, input);
    const location = await this.#location(details.name, version);
    const seldon: SeldonInput = {
      name: input.name,
      model: details.name,
      protocol: input.protocol ?? 'seldon',
      ...size,
      ...(location.envSecretRefName
        ? { envSecretRefName: location.envSecretRefName }
        : {}),
      predictors: [{ version, modelUri: location.uri, traffic: 100 }],
      main: version,
      history: [
        this.#change(
          options.credentials,
          'deploy',
          `deployed version ${version} of ${details.name}`,
        ),
      ],
    };
    const payload = await this.#examplePayload(
      location.source,
      seldon.protocol,
    );
    return this.#apply(target, seldon, {
      credentials: options.credentials,
      dryRun,
      payload,
    });
  }

  /** Adds a version beside the main one: a canary at a share of the traffic, or a shadow. */
  async addPredictor(
    namespace: string,
    name: string,
    request: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult> {
    const input = parsed(addPredictorRequestSchema(z), request);
    const { credentials } = options;
    this.#requireOneVersion(input);
    const found = await this.#current(namespace, name, credentials);
    const current = found.input;
    const details = await this.models.model(current.model, input, credentials);
    const version = this.#versionOf(details, input);
    if (current.predictors.some(predictor => predictor.version === version)) {
      throw new ConflictError(
        `Deployment "${name}" serves version ${version} already: change its share instead`,
      );
    }
    const serving = current.predictors.filter(predictor => !predictor.shadow);
    if (input.shadow && current.predictors.some(p => p.shadow)) {
      throw new ConflictError(
        `Deployment "${name}" has a shadow already (${predictorNameOf(
          current.predictors.find(p => p.shadow)!.version,
        )}): remove it by promoting or rolling back first`,
      );
    }
    if (!input.shadow && serving.length > 1) {
      throw new ConflictError(
        `Deployment "${name}" tries a canary already: promote it or roll back before adding another version`,
      );
    }
    if (!input.shadow && input.traffic === undefined) {
      throw new InputError(
        'traffic is required for a canary (1 to 99 percent), or set shadow',
      );
    }
    const location = await this.#location(details.name, version);
    if (
      (location.envSecretRefName ?? '') !== (current.envSecretRefName ?? '')
    ) {
      throw new InputError(
        `version ${version} is in another artifact store than the versions deployment "${name}" serves: deploy it as a deployment of its own`,
      );
    }
    const share = input.traffic ?? 0;
    const added: ServingPredictorInput = input.shadow
      ? { version, modelUri: location.uri, traffic: 0, shadow: true }
      : { version, modelUri: location.uri, traffic: share };
    const predictors = [
      ...current.predictors.map(predictor =>
        predictor.shadow || input.shadow
          ? predictor
          : { ...predictor, traffic: 100 - share },
      ),
      added,
    ];
    return this.#applyChange(found, {
      credentials,
      dryRun: input.dryRun,
      predictors,
      change: this.#change(
        credentials,
        'add',
        input.shadow
          ? `added version ${version} as a shadow`
          : `added version ${version} at ${share} % (version ${
              current.main
            } at ${100 - share} %)`,
      ),
    });
  }

  /** Sets each version's share of the traffic (summing to 100). */
  async setTraffic(
    namespace: string,
    name: string,
    request: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult> {
    const { traffic } = parsed(setTrafficRequestSchema(z), request);
    const { credentials } = options;
    const found = await this.#current(namespace, name, credentials);
    const current = found.input;
    const names = new Map(
      current.predictors.map(p => [predictorNameOf(p.version), p]),
    );
    const issues = Object.keys(traffic)
      .filter(key => !names.has(key) || names.get(key)!.shadow)
      .map(key => ({
        field: `traffic.${key}`,
        reason: names.has(key)
          ? 'is a shadow, which takes no share'
          : `is not a predictor of deployment "${name}" (it has ${[
              ...names.keys(),
            ].join(', ')})`,
      }));
    requireValid(issues);
    const predictors = current.predictors.map(predictor =>
      predictor.shadow
        ? predictor
        : {
            ...predictor,
            traffic: traffic[predictorNameOf(predictor.version)] ?? 0,
          },
    );
    requireValid(checkTraffic(predictors));
    return this.#applyChange(found, {
      credentials,
      predictors,
      change: this.#change(
        credentials,
        'traffic',
        `set traffic ${predictors
          .filter(p => !p.shadow)
          .map(p => `${predictorNameOf(p.version)} ${p.traffic} %`)
          .join(', ')}`,
      ),
    });
  }

  /** The version takes all traffic; every other predictor goes. */
  async promote(
    namespace: string,
    name: string,
    predictor: unknown,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult> {
    const { credentials } = options;
    const found = await this.#current(namespace, name, credentials);
    const current = found.input;
    const promoted = current.predictors.find(
      p => predictorNameOf(p.version) === predictor,
    );
    if (!promoted) {
      throw new InputError(
        `predictor "${String(predictor).slice(
          0,
          80,
        )}" is not one of deployment "${name}" (it has ${current.predictors
          .map(p => predictorNameOf(p.version))
          .join(', ')})`,
      );
    }
    if (current.predictors.length === 1) {
      throw new ConflictError(
        `Deployment "${name}" serves only version ${promoted.version}: there is nothing to promote it over`,
      );
    }
    return this.#applyChange(found, {
      credentials,
      predictors: [{ ...promoted, traffic: 100, shadow: undefined }],
      main: promoted.version,
      change: this.#change(
        credentials,
        'promote',
        `promoted version ${promoted.version} to 100 % (version ${current.main} removed)`,
      ),
    });
  }

  /** Back to the main version alone: the canary and the shadow go. */
  async rollback(
    namespace: string,
    name: string,
    options: { credentials: BackstageCredentials },
  ): Promise<ModelDeploymentResult> {
    const { credentials } = options;
    const found = await this.#current(namespace, name, credentials);
    const current = found.input;
    const main = current.predictors.find(p => p.version === current.main);
    if (!main || current.predictors.length === 1) {
      throw new ConflictError(
        `Deployment "${name}" serves only version ${current.main}: there is nothing to roll back`,
      );
    }
    const removed = current.predictors
      .filter(p => p !== main)
      .map(p => p.version);
    return this.#applyChange(found, {
      credentials,
      predictors: [{ ...main, traffic: 100 }],
      change: this.#change(
        credentials,
        'rollback',
        `rolled back to version ${
          main.version
        } at 100 % (version ${removed.join(', ')} removed)`,
      ),
    });
  }

  async delete(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<WorkloadDeletion> {
    const { deleted, kept } = await this.workloads.delete(
      namespace,
      name,
      credentials,
      [],
    );
    await this.onChanged({ namespace, name });
    return {
      deleted,
      kept,
      notes: ["Seldon's operator removes the deployment's pods and services."],
    };
  }

  #summary(read: WorkloadRead): ModelDeploymentSummary {
    return summarizeDeployment(
      read.object,
      read.related,
      this.settings,
      read.target,
    );
  }

  #change(
    credentials: BackstageCredentials,
    action: ServingChange['action'],
    summary: string,
  ): ServingChange {
    return {
      at: new Date().toISOString(),
      by: callerRef(credentials),
      action,
      summary,
    };
  }

  /** The deployment's input as the suite rendered it (a 404, or a 409 for one the suite did not make). */
  async #current(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<{ input: SeldonInput; payload?: string; target: TeamNamespace }> {
    const read = await this.workloads.get(namespace, name, credentials);
    const input = seldonInputOf(read.object);
    if (!input.model) {
      throw new ConflictError(
        `SeldonDeployment "${name}" was not made by the ML platform (it names no registered model), so it is not changed here`,
      );
    }
    return {
      input,
      payload: read.object.metadata?.annotations?.[EXAMPLE_PAYLOAD_ANNOTATION],
      target: read.target,
    };
  }

  async #applyChange(
    current: { input: SeldonInput; payload?: string; target: TeamNamespace },
    change: {
      credentials: BackstageCredentials;
      dryRun?: boolean;
      predictors: ServingPredictorInput[];
      main?: string;
      change: ServingChange;
    },
  ): Promise<ModelDeploymentResult> {
    const previous = current.input;
    const next: SeldonInput = {
      ...previous,
      predictors: change.predictors.map(({ shadow, ...rest }) =>
        shadow ? { ...rest, shadow } : rest,
      ),
      main: change.main ?? previous.main,
      history: [...previous.history, change.change],
    };
    return this.#apply(current.target, next, {
      credentials: change.credentials,
      dryRun: change.dryRun ?? false,
      payload: current.payload ? JSON.parse(current.payload) : undefined,
      previous,
    });
  }

  /**
   * Applies the whole SeldonDeployment through the workload path, and
   * answers it as applied (Creating until the operator says otherwise: a
   * GET reads its state).
   */
  async #apply(
    target: TeamNamespace,
    input: SeldonInput,
    options: {
      credentials: BackstageCredentials;
      dryRun: boolean;
      payload?: unknown;
      previous?: SeldonInput;
    },
  ): Promise<ModelDeploymentResult> {
    const withPayload = (objects: KubernetesObject[]) =>
      objects.map(object =>
        options.payload === undefined
          ? object
          : {
              ...object,
              metadata: {
                ...object.metadata,
                annotations: {
                  ...object.metadata?.annotations,
                  [EXAMPLE_PAYLOAD_ANNOTATION]: JSON.stringify(options.payload),
                },
              },
            },
      );
    const result = await this.workloads.create(target.namespace, input, {
      credentials: options.credentials,
      dryRun: options.dryRun,
      transform: withPayload,
      ...(options.previous ? { update: { previous: options.previous } } : {}),
    });
    const [manifest] = result.manifests as Array<Record<string, any>>;
    const summary = summarizeDeployment(
      manifest,
      { pods: [], events: [] },
      this.settings,
      target,
    );
    if (!options.dryRun) {
      await this.onChanged({ namespace: target.namespace, name: input.name });
    }
    return {
      ...result,
      deployment: summary,
      ...(summary.predictionUrl
        ? { predictionUrl: summary.predictionUrl }
        : {}),
      curlExample: summary.curlExample,
    };
  }

  /** Refuses a namespace of another team than the model's (unless config lets public models go anywhere). */
  async #requireServableIn(
    namespace: string,
    model: ServableModel,
  ): Promise<TeamNamespace> {
    const target = await this.workloads.targetOf(namespace);
    if (
      target.team === model.team ||
      (model.public && this.settings.allowPublicModels)
    ) {
      return target;
    }
    throw new NotAllowedError(
      `Model "${model.name}" belongs to ${
        model.team ? `team "${model.team}"` : 'no team'
      }, so it may be deployed only into that team's namespaces, not into "${namespace}" of team "${
        target.team
      }"${
        model.public
          ? ' (it is public, but mlPlatform.serving.allowPublicModels is off)'
          : ''
      }`,
    );
  }

  #requireOneVersion(input: { version?: string; alias?: string }) {
    if ((input.version === undefined) === (input.alias === undefined)) {
      throw new InputError(
        'version or alias: give exactly one of them (e.g. version "3" or alias "champion")',
      );
    }
  }

  /** The version a request names, by number or alias, if it is ready to serve. */
  #versionOf(
    model: ServableModel,
    input: { version?: string; alias?: string },
  ): string {
    if (input.alias !== undefined && !model.version) {
      const known = model.aliases.find(alias => alias.alias === input.alias);
      if (!known) {
        throw new InputError(
          `alias: model "${model.name}" has no alias "${input.alias}" (it has ${
            model.aliases.map(alias => alias.alias).join(', ') || 'none'
          })`,
        );
      }
    }
    const found = model.version;
    if (!found) {
      throw new NotFoundError(
        `Model "${model.name}" has no version ${
          input.version ??
          model.aliases.find(alias => alias.alias === input.alias)?.version
        }`,
      );
    }
    if (found.status !== 'READY') {
      throw new ConflictError(
        `Version ${found.version} of model "${model.name}" is ${found.status}, not READY: it cannot be served`,
      );
    }
    return found.version;
  }

  /** Where the storage initializer reads the version, and where MLflow says it is. */
  async #location(model: string, version: string) {
    const source = await this.models.location(model, version);
    const location = storageLocationOf(source, this.settings);
    if ('problem' in location) {
      throw new InputError(
        `version: version ${version} of model "${model}" cannot be served: ${location.problem}`,
      );
    }
    return { ...location, source };
  }

  /** The example body from the version's signature; the protocol's default when MLflow has none. */
  async #examplePayload(
    source: string,
    protocol: SeldonInput['protocol'],
  ): Promise<unknown> {
    const path = proxiedArtifactPath(source);
    const mlmodel = path
      ? await this.models
          .proxiedArtifact(`${path.replace(/\/+$/, '')}/MLmodel`)
          .catch(() => '')
      : '';
    return examplePayload(protocol, signatureColumns(mlmodel));
  }
}
