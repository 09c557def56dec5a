import type {
  ModelDetails,
  ModelVersionSummary,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { rankKeys } from '../Mlflow/keyColumns';

/** The metrics and params of the versions' source runs worth a column. */
export type KeyRunColumns = { metrics: string[]; params: string[] };

/**
 * The few metrics and params that tell the versions apart: those their
 * source runs have in common first, and among them those whose values differ.
 */
export function keyRunColumns(
  versions: ModelVersionSummary[],
  max = { metrics: 3, params: 3 },
): KeyRunColumns {
  const sourceRuns = versions.flatMap(v => (v.run ? [v.run] : []));
  return {
    metrics: rankKeys(
      sourceRuns.map(r => r.metrics),
      max.metrics,
    ),
    params: rankKeys(
      sourceRuns.map(r => r.params),
      max.params,
    ),
  };
}

/** Whether any version still has a legacy stage (Staging, Production, Archived). */
export function hasStages(versions: ModelVersionSummary[]): boolean {
  return versions.some(v => !!v.stage && v.stage !== 'None');
}

export type VersionStatus = {
  level: 'ok' | 'pending' | 'error' | 'unknown';
  label: string;
};

/** A version's registration status in words, with the level to show it at. */
export function versionStatus(status: string): VersionStatus {
  switch (status) {
    case 'READY':
      return { level: 'ok', label: 'Ready' };
    case 'PENDING_REGISTRATION':
      return { level: 'pending', label: 'Pending registration' };
    case 'FAILED_REGISTRATION':
      return { level: 'error', label: 'Registration failed' };
    default:
      return { level: 'unknown', label: status || 'Unknown' };
  }
}

/** Orders version numbers as numbers ("10" after "9"), other strings after them. */
export function compareVersionNumbers(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) {
    return na - nb;
  }
  if (Number.isFinite(na)) {
    return -1;
  }
  if (Number.isFinite(nb)) {
    return 1;
  }
  return a.localeCompare(b);
}

/** "v2 (champion)": how charts name a version. */
export function versionLabel(version: ModelVersionSummary): string {
  return version.aliases.length > 0
    ? `v${version.version} (${version.aliases.join(', ')})`
    : `v${version.version}`;
}

export type VersionPoint = {
  version: string;
  label: string;
  value: number;
};

/**
 * The value of a metric of each version's source run, oldest version first,
 * and the labels of the versions that have no value for it.
 */
export function versionMetricSeries(
  versions: ModelVersionSummary[],
  metric: string,
): { points: VersionPoint[]; missing: string[] } {
  const ordered = [...versions].sort((a, b) =>
    compareVersionNumbers(a.version, b.version),
  );
  const points: VersionPoint[] = [];
  const missing: string[] = [];
  for (const version of ordered) {
    const value = version.run?.metrics[metric];
    if (typeof value === 'number' && Number.isFinite(value)) {
      points.push({
        version: version.version,
        label: versionLabel(version),
        value,
      });
    } else {
      missing.push(versionLabel(version));
    }
  }
  return { points, missing };
}

/** The newest version (highest number). */
export function latestVersion(
  versions: ModelVersionSummary[],
): ModelVersionSummary | undefined {
  return versions.reduce<ModelVersionSummary | undefined>(
    (latest, v) =>
      !latest || compareVersionNumbers(v.version, latest.version) > 0
        ? v
        : latest,
    undefined,
  );
}

export type ExperimentLink = { id: string; name: string; url: string };

/** The experiments the versions' source runs belong to: the model's lineage. */
export function sourceExperiments(
  versions: ModelVersionSummary[],
): ExperimentLink[] {
  const byId = new Map<string, ExperimentLink>();
  for (const version of versions) {
    const run = version.run;
    if (run && !byId.has(run.experimentId)) {
      byId.set(run.experimentId, {
        id: run.experimentId,
        name: run.experimentName ?? `experiment ${run.experimentId}`,
        url: run.experimentUrl,
      });
    }
  }
  return [...byId.values()];
}

/**
 * The metric the comparison chart starts with: the first key metric of the
 * versions that the registry offers, else the first metric.
 */
export function defaultChartMetric(
  details: Pick<ModelDetails, 'metricKeys'>,
  keyMetrics: string[],
): string | undefined {
  return (
    keyMetrics.find(key => details.metricKeys.includes(key)) ??
    details.metricKeys[0]
  );
}
