import {
  describeScheduleProblem,
  isKnownTimeZone,
  SPARK_CONCURRENCY_POLICIES,
  SPARK_JOB_TYPES,
  SPARK_RESTART_POLICIES,
  validateDnsLabel,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { SparkSettings } from '../../sparkSettings';
import { sparkMemoryMiB } from './size';

/** A schedule of a job: cron in a time zone, and what to do with overlapping runs. @public */
export type SparkScheduleInput = {
  cron: string;
  timeZone?: string;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  successfulRunHistoryLimit?: number;
  failedRunHistoryLimit?: number;
};

/** A batch Spark job (a SparkApplication), or a scheduled one when `schedule` is given. @public */
export type SparkJobInput = {
  name: string;
  type: 'Python' | 'Scala' | 'Java';
  sparkVersion: string;
  mainApplicationFile: string;
  mainClass?: string;
  arguments?: string[];
  driver: { cores: number; memory: string };
  executor: { instances: number; cores: number; memory: string };
  dynamicAllocation?: { minExecutors: number; maxExecutors: number };
  sparkConf?: Record<string, string>;
  restartPolicy?: {
    type: 'Never' | 'OnFailure' | 'Always';
    retries?: number;
    retryIntervalSeconds?: number;
  };
  timeToLiveSeconds?: number;
  schedule?: SparkScheduleInput;
};

/** An interactive Spark Connect cluster (a SparkConnect, or Apache's SparkCluster). @public */
export type SparkClusterInput = {
  name: string;
  sparkVersion: string;
  server: { cores: number; memory: string };
  executor: { instances: number; cores: number; memory: string };
  dynamicAllocation?: { minExecutors: number; maxExecutors: number };
  sparkConf?: Record<string, string>;
};

/**
 * A job's runs are named `<schedule>-<unix time>`, its driver pod
 * `<name>-driver` and its UI service `<name>-ui-svc`: all within 63.
 */
export const SPARK_JOB_NAME_MAX_LENGTH = 40;
/** A cluster's server pod and service are `<name>-server`. */
export const SPARK_CLUSTER_NAME_MAX_LENGTH = 50;

const podSize = (z: typeof zod, what: string) =>
  z.object({
    cores: z
      .number()
      .int()
      .min(1)
      .describe(`Cores of the ${what} (whole cores, as Spark counts them)`),
    memory: z
      .string()
      .describe(
        `JVM memory of the ${what} as Spark writes it, e.g. "512m" or "2g" (the pod gets Spark's overhead on top)`,
      ),
  });

const executors = (z: typeof zod) =>
  podSize(z, 'executor')
    .extend({
      instances: z
        .number()
        .int()
        .min(0)
        .describe(
          'Executors to start with (with dynamic allocation: the initial count)',
        ),
    })
    .describe('Executors: how many, and the size of each');

const dynamicAllocation = (z: typeof zod) =>
  z
    .object({
      minExecutors: z.number().int().min(0),
      maxExecutors: z.number().int().min(1),
    })
    .optional()
    .describe(
      'Dynamic allocation between min and max executors; the quota check counts the maximum',
    );

const sparkConf = (z: typeof zod) =>
  z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Spark conf entries; only the allowed keys (see GET /spark/options)',
    );

/** @public */
export const sparkJobInputSchema = (z: typeof zod) =>
  z.object({
    name: z
      .string()
      .describe(
        'The job name: lower case letters, digits and "-", starting with a letter, at most 40 characters',
      ),
    type: z
      .enum(SPARK_JOB_TYPES)
      .describe('The application type: Python, Scala or Java'),
    sparkVersion: z
      .string()
      .describe('A configured Spark version (see GET /spark/options)'),
    mainApplicationFile: z
      .string()
      .describe(
        'The main application file (.py or .jar), under an allowed prefix such as local:///opt/spark/',
      ),
    mainClass: z
      .string()
      .optional()
      .describe('The main class (Scala and Java jobs)'),
    arguments: z
      .array(z.string().max(4096))
      .max(64)
      .optional()
      .describe('Arguments of the application'),
    driver: podSize(z, 'driver').describe('The driver: cores and memory'),
    executor: executors(z),
    dynamicAllocation: dynamicAllocation(z),
    sparkConf: sparkConf(z),
    restartPolicy: z
      .object({
        type: z.enum(SPARK_RESTART_POLICIES),
        retries: z.number().int().min(0).max(20).optional(),
        retryIntervalSeconds: z.number().int().min(1).max(86400).optional(),
      })
      .optional()
      .describe(
        'Never (default), OnFailure (with retries and interval) or Always',
      ),
    timeToLiveSeconds: z
      .number()
      .int()
      .min(60)
      .optional()
      .describe(
        'How long a finished application stays before the operator deletes it',
      ),
    schedule: z
      .object({
        cron: z.string(),
        timeZone: z.string().optional(),
        concurrencyPolicy: z.enum(SPARK_CONCURRENCY_POLICIES).optional(),
        successfulRunHistoryLimit: z.number().int().min(0).max(100).optional(),
        failedRunHistoryLimit: z.number().int().min(0).max(100).optional(),
      })
      .optional()
      .describe(
        'Run on a cron schedule in a time zone (a ScheduledSparkApplication) instead of once',
      ),
  });

/** @public */
export const sparkClusterInputSchema = (z: typeof zod) =>
  z.object({
    name: z
      .string()
      .describe(
        'The cluster name: lower case letters, digits and "-", starting with a letter, at most 50 characters',
      ),
    sparkVersion: z
      .string()
      .describe('A configured Spark version (see GET /spark/options)'),
    server: podSize(z, 'Spark Connect server').describe(
      'The Spark Connect server: cores and memory',
    ),
    executor: executors(z),
    dynamicAllocation: dynamicAllocation(z),
    sparkConf: sparkConf(z),
  });

function nameIssues(name: string, maxLength: number): ValidationIssue[] {
  const issues = validateDnsLabel('name', name);
  if (issues.length === 0 && !/^[a-z]/.test(name)) {
    issues.push({ field: 'name', reason: 'must start with a letter' });
  }
  if (issues.length === 0 && name.length > maxLength) {
    issues.push({
      field: 'name',
      reason: `must be at most ${maxLength} characters (Spark names its pods and services after it)`,
    });
  }
  return issues;
}

type Sizes = Pick<SparkJobInput, 'executor' | 'dynamicAllocation'> & {
  sparkConf?: Record<string, string>;
};

/** Problems shared by jobs and clusters: memory strings, limits, dynamic allocation, conf keys. */
function sizeIssues(
  pods: Array<[string, { cores: number; memory: string }]>,
  input: Sizes,
  settings: SparkSettings,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { limits } = settings;
  for (const [field, size] of pods) {
    const memory = sparkMemoryMiB(size.memory);
    if (memory === undefined) {
      issues.push({
        field: `${field}.memory`,
        reason: `"${size.memory}" is not a Spark memory size like "512m" or "2g"`,
      });
    } else if (memory > limits.maxMemoryMiB) {
      issues.push({
        field: `${field}.memory`,
        reason: `is more than the ${limits.maxMemoryMiB}m one pod may have`,
      });
    }
    if (size.cores > limits.maxCores) {
      issues.push({
        field: `${field}.cores`,
        reason: `is more than the ${limits.maxCores} cores one pod may have`,
      });
    }
  }
  const most =
    input.dynamicAllocation?.maxExecutors ?? input.executor.instances;
  if (most > limits.maxExecutors) {
    issues.push({
      field: input.dynamicAllocation
        ? 'dynamicAllocation.maxExecutors'
        : 'executor.instances',
      reason: `is more than the ${limits.maxExecutors} executors one job or cluster may have`,
    });
  }
  if (input.dynamicAllocation) {
    const { minExecutors, maxExecutors } = input.dynamicAllocation;
    if (minExecutors > maxExecutors) {
      issues.push({
        field: 'dynamicAllocation.minExecutors',
        reason: `is more than maxExecutors (${maxExecutors})`,
      });
    }
    if (
      input.executor.instances < minExecutors ||
      input.executor.instances > maxExecutors
    ) {
      issues.push({
        field: 'executor.instances',
        reason: `is the initial count with dynamic allocation: it must be between minExecutors (${minExecutors}) and maxExecutors (${maxExecutors})`,
      });
    }
  }
  for (const [key, value] of Object.entries(input.sparkConf ?? {})) {
    if (!settings.allowedConfKeys.includes(key)) {
      issues.push({
        field: `sparkConf.${key}`,
        reason: `is not an allowed Spark conf key (allowed: ${
          settings.allowedConfKeys.join(', ') || 'none'
        })`,
      });
    } else if (value.length > 1024 || /[\n\r]/.test(value)) {
      issues.push({
        field: `sparkConf.${key}`,
        reason: 'must be one line of at most 1024 characters',
      });
    }
  }
  return issues;
}

function versionIssues(
  version: string,
  settings: SparkSettings,
): ValidationIssue[] {
  return settings.versions.some(option => option.version === version)
    ? []
    : [
        {
          field: 'sparkVersion',
          reason: `"${version}" is not a configured Spark version (${settings.versions
            .map(option => option.version)
            .join(', ')})`,
        },
      ];
}

/** Problems of a job input that need the settings (pure). @public */
export function checkSparkJobInput(
  input: SparkJobInput,
  settings: SparkSettings,
): ValidationIssue[] {
  const issues = [
    ...nameIssues(input.name, SPARK_JOB_NAME_MAX_LENGTH),
    ...versionIssues(input.sparkVersion, settings),
  ];
  const file = input.mainApplicationFile;
  if (
    /\s|\.\.|[?#%]/.test(file) ||
    !settings.applicationFilePrefixes.some(prefix => file.startsWith(prefix))
  ) {
    issues.push({
      field: 'mainApplicationFile',
      reason: `"${file.slice(
        0,
        200,
      )}" is not under an allowed location (${settings.applicationFilePrefixes.join(
        ', ',
      )}), or it has spaces, "..", "?", "#" or "%"`,
    });
  } else if (input.type === 'Python' && !/\.(py|zip|egg)$/.test(file)) {
    issues.push({
      field: 'mainApplicationFile',
      reason: 'must be a .py file (or .zip, .egg) for a Python job',
    });
  } else if (input.type !== 'Python' && !/\.jar$/.test(file)) {
    issues.push({
      field: 'mainApplicationFile',
      reason: `must be a .jar for a ${input.type} job`,
    });
  }
  if (input.type !== 'Python' && !input.mainClass) {
    issues.push({
      field: 'mainClass',
      reason: `is required for a ${input.type} job`,
    });
  }
  if (
    input.mainClass !== undefined &&
    !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(input.mainClass)
  ) {
    issues.push({
      field: 'mainClass',
      reason: 'is not a Java class name like org.example.Main',
    });
  }
  issues.push(
    ...sizeIssues(
      [
        ['driver', input.driver],
        ['executor', input.executor],
      ],
      input,
      settings,
    ),
  );
  if (input.restartPolicy?.type === 'Never') {
    if (input.restartPolicy.retries !== undefined) {
      issues.push({
        field: 'restartPolicy.retries',
        reason: 'applies only to OnFailure and Always',
      });
    }
  }
  if (input.schedule) {
    const { cron, timeZone } = input.schedule;
    // the operator loads the time zone before it reads the cron: descriptors too
    const problem =
      describeScheduleProblem(cron, timeZone) ??
      (timeZone !== undefined && !isKnownTimeZone(timeZone)
        ? `time zone "${timeZone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`
        : undefined);
    if (problem) {
      issues.push({
        // "sets its time zone inline" is about the cron text
        field: problem.startsWith('time zone ')
          ? 'schedule.timeZone'
          : 'schedule.cron',
        reason: problem,
      });
    }
  }
  return issues;
}

/** Problems of a cluster input that need the settings (pure). @public */
export function checkSparkClusterInput(
  input: SparkClusterInput,
  settings: SparkSettings,
): ValidationIssue[] {
  return [
    ...nameIssues(input.name, SPARK_CLUSTER_NAME_MAX_LENGTH),
    ...versionIssues(input.sparkVersion, settings),
    ...sizeIssues(
      [
        ['server', input.server],
        ['executor', input.executor],
      ],
      input,
      settings,
    ),
  ];
}

/** The image of a configured version. */
export function imageOf(version: string, settings: SparkSettings): string {
  return (
    settings.versions.find(option => option.version === version)?.image ??
    settings.versions[0].image
  );
}

/**
 * The input a SparkApplication's spec answers to (pure): what a re-run is
 * checked and sized as, so it passes the same checks as a new job.
 */
export function jobInputOfSpec(spec: Record<string, any>): SparkJobInput {
  const size = (pod: Record<string, any> | undefined) => ({
    cores: Number(pod?.cores ?? 1),
    memory: String(pod?.memory ?? '1g'),
  });
  const restart = spec.restartPolicy ?? {};
  const dynamic = spec.dynamicAllocation;
  return {
    name: '',
    type: spec.type,
    sparkVersion: spec.sparkVersion,
    mainApplicationFile: spec.mainApplicationFile,
    ...(spec.mainClass ? { mainClass: spec.mainClass } : {}),
    ...(spec.arguments ? { arguments: spec.arguments } : {}),
    driver: size(spec.driver),
    executor: {
      ...size(spec.executor),
      instances: Number(spec.executor?.instances ?? 0),
    },
    ...(dynamic?.enabled
      ? {
          dynamicAllocation: {
            minExecutors: Number(dynamic.minExecutors ?? 0),
            maxExecutors: Number(dynamic.maxExecutors ?? 1),
          },
        }
      : {}),
    ...(spec.sparkConf ? { sparkConf: spec.sparkConf } : {}),
    restartPolicy: {
      type: restart.type ?? 'Never',
      ...(restart.type && restart.type !== 'Never'
        ? {
            retries: restart.onFailureRetries,
            retryIntervalSeconds: restart.onFailureRetryInterval,
          }
        : {}),
    },
    ...(spec.timeToLiveSeconds
      ? { timeToLiveSeconds: spec.timeToLiveSeconds }
      : {}),
  };
}
