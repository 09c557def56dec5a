import {
  parseQuantity,
  SERVING_PROTOCOLS,
  validateDnsLabel,
  validateQuantity,
  type ServingChange,
  type ServingProtocol,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { ServingSettings } from '../../servingSettings';

/**
 * Seldon names each predictor's Deployment `<name>-<predictor>-0-classifier`:
 * with a predictor `v<version>`, the name must leave room in 63 characters.
 */
export const DEPLOYMENT_NAME_MAX_LENGTH = 40;

/** At most a main version, a canary and a shadow. */
export const MAX_PREDICTORS = 3;

/** One model version a deployment serves, at its share of the traffic or as a shadow. @public */
export type ServingPredictorInput = {
  version: string;
  /** Where the storage initializer reads it: resolved from MLflow, never from a request. */
  modelUri: string;
  traffic: number;
  shadow?: boolean;
};

/**
 * A SeldonDeployment as the suite makes it, the input of the serving kind.
 * The serving service builds it from a request and the model's own
 * versions; no route takes it from a caller as it is.
 * @public
 */
export type SeldonInput = {
  name: string;
  /** The registered model (MLflow name). */
  model: string;
  protocol: ServingProtocol;
  replicas: number;
  cpu: string;
  memory: string;
  autoscaling?: { minReplicas: number; maxReplicas: number };
  /** The Secret with the artifact store's credentials, when the store has one. */
  envSecretRefName?: string;
  predictors: ServingPredictorInput[];
  /** The version a rollback keeps. */
  main: string;
  history: ServingChange[];
};

/** The name of the predictor serving a version (pure). @public */
export const predictorNameOf = (version: string) => `v${version}`;

const VERSION = /^[1-9]\d{0,8}$/;

/** @public */
export const seldonInputSchema = (z: typeof zod) =>
  z
    .object({
      name: z.string(),
      model: z.string().min(1).max(500),
      protocol: z.enum(SERVING_PROTOCOLS),
      replicas: z.number().int().min(1),
      cpu: z.string(),
      memory: z.string(),
      autoscaling: z
        .object({
          minReplicas: z.number().int().min(1),
          maxReplicas: z.number().int().min(1),
        })
        .strict()
        .optional(),
      envSecretRefName: z.string().optional(),
      predictors: z
        .array(
          z
            .object({
              version: z.string().regex(VERSION, 'is not a model version'),
              modelUri: z.string().min(1),
              traffic: z.number().int().min(0).max(100),
              shadow: z.boolean().optional(),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_PREDICTORS),
      main: z.string(),
      history: z.array(
        z
          .object({
            at: z.string(),
            by: z.string(),
            action: z.enum(['deploy', 'add', 'traffic', 'promote', 'rollback']),
            summary: z.string(),
          })
          .strict(),
      ),
    })
    .strict();

/** What the model server of one replica asks for, and the replica counts, against the limits (pure). */
export function checkServerSize(
  input: Pick<SeldonInput, 'cpu' | 'memory' | 'replicas' | 'autoscaling'>,
  settings: ServingSettings,
  prefix = '',
): ValidationIssue[] {
  const issues = [
    ...validateQuantity(`${prefix}cpu`, input.cpu),
    ...validateQuantity(`${prefix}memory`, input.memory),
  ];
  const { limits } = settings;
  const cpu = parseQuantity(String(input.cpu));
  if (cpu !== undefined && (cpu <= 0 || cpu > limits.maxCpu)) {
    issues.push({
      field: `${prefix}cpu`,
      reason: `must be above 0 and at most ${limits.maxCpu} CPU`,
    });
  }
  const memory = parseQuantity(String(input.memory));
  if (
    memory !== undefined &&
    (memory < 64 * 2 ** 20 || memory > limits.maxMemoryMiB * 2 ** 20)
  ) {
    issues.push({
      field: `${prefix}memory`,
      reason: `must be at least 64Mi and at most ${limits.maxMemoryMiB}Mi`,
    });
  }
  if (input.replicas > limits.maxReplicas) {
    issues.push({
      field: `${prefix}replicas`,
      reason: `must be at most ${limits.maxReplicas}`,
    });
  }
  const scaling = input.autoscaling;
  if (scaling) {
    if (scaling.minReplicas > scaling.maxReplicas) {
      issues.push({
        field: `${prefix}autoscaling.minReplicas`,
        reason: `must not be above maxReplicas (${scaling.maxReplicas})`,
      });
    }
    if (scaling.maxReplicas > limits.maxReplicas) {
      issues.push({
        field: `${prefix}autoscaling.maxReplicas`,
        reason: `must be at most ${limits.maxReplicas}`,
      });
    }
  }
  return issues;
}

/** The traffic rules Seldon's webhook applies, said before anything is sent (pure). */
export function checkTraffic(
  predictors: Array<
    Pick<ServingPredictorInput, 'version' | 'traffic' | 'shadow'>
  >,
  field = 'traffic',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const serving = predictors.filter(predictor => !predictor.shadow);
  if (serving.length === 0) {
    issues.push({ field, reason: 'leaves no version taking the traffic' });
  }
  if (predictors.length - serving.length > 1) {
    issues.push({ field, reason: 'has more than one shadow' });
  }
  const sum = serving.reduce(
    (total, predictor) => total + predictor.traffic,
    0,
  );
  if (serving.length > 1 && sum !== 100) {
    issues.push({
      field,
      reason: `must sum to 100 over the versions taking traffic (it sums to ${sum})`,
    });
  }
  const versions = predictors.map(predictor => predictor.version);
  const twice = versions.find((version, i) => versions.indexOf(version) !== i);
  if (twice) {
    issues.push({
      field,
      reason: `names version ${twice} twice: a deployment serves a version once`,
    });
  }
  return issues;
}

/** Problems of a SeldonInput the schema cannot see (pure). @public */
export function checkSeldonInput(
  input: SeldonInput,
  settings: ServingSettings,
): ValidationIssue[] {
  return [
    ...validateDnsLabel('name', input.name, DEPLOYMENT_NAME_MAX_LENGTH),
    ...checkServerSize(input, settings),
    ...checkTraffic(input.predictors, 'predictors'),
    ...(input.predictors.some(
      predictor => predictor.version === input.main && !predictor.shadow,
    )
      ? []
      : [
          {
            field: 'main',
            reason: `version ${input.main} is not one the deployment serves traffic with`,
          },
        ]),
    ...(input.envSecretRefName === undefined
      ? []
      : validateDnsLabel('envSecretRefName', input.envSecretRefName, 253)),
  ];
}
