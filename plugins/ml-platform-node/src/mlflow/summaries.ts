import {
  PROJECT_LABEL,
  TEAM_LABEL,
  type ExperimentSummary,
  type ModelDetails,
  type ModelVersionSummary,
  type RunSummary,
  type SourceRun,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { MlflowLinks } from './links';
import type {
  MlflowExperiment,
  MlflowKeyValue,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
} from './types';

/** MLflow's tag holding an experiment's or run's description. */
const NOTE_TAG = 'mlflow.note.content';

/** Tags, params or metrics as a record (the last value of a repeated key wins). @public */
export function keyValues(
  items: MlflowKeyValue[] | undefined,
): Record<string, string> {
  return Object.fromEntries((items ?? []).map(item => [item.key, item.value]));
}

function isoTime(millis: number | string | undefined): string | undefined {
  const value = Number(millis);
  return millis === undefined || !Number.isFinite(value) || value <= 0
    ? undefined
    : new Date(value).toISOString();
}

function withoutMlflowTags(tags: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(tags).filter(([key]) => !key.startsWith('mlflow.')),
  );
}

/** @public */
export function toExperimentSummary(
  experiment: MlflowExperiment,
  links: MlflowLinks,
): ExperimentSummary {
  const tags = keyValues(experiment.tags);
  return {
    id: experiment.experiment_id,
    name: experiment.name,
    ...(tags[TEAM_LABEL] ? { team: tags[TEAM_LABEL] } : {}),
    ...(tags[PROJECT_LABEL] ? { project: tags[PROJECT_LABEL] } : {}),
    ...(tags[NOTE_TAG] ? { description: tags[NOTE_TAG] } : {}),
    lifecycleStage:
      experiment.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
    createdAt: isoTime(experiment.creation_time),
    updatedAt: isoTime(experiment.last_update_time),
    mlflowUrl: links.experiment(experiment.experiment_id),
  };
}

function latestMetrics(run: MlflowRun): Record<string, number> {
  return Object.fromEntries(
    (run.data.metrics ?? []).map(metric => [metric.key, Number(metric.value)]),
  );
}

/** @public */
export function toRunSummary(run: MlflowRun, links: MlflowLinks): RunSummary {
  const { info } = run;
  const start = Number(info.start_time);
  const end = Number(info.end_time);
  return {
    id: info.run_id,
    name: info.run_name || info.run_id,
    experimentId: info.experiment_id,
    status: info.status ?? 'UNKNOWN',
    ...(info.user_id ? { user: info.user_id } : {}),
    startTime: isoTime(info.start_time),
    endTime: isoTime(info.end_time),
    ...(start > 0 && end >= start ? { durationMs: end - start } : {}),
    metrics: latestMetrics(run),
    params: keyValues(run.data.params),
    tags: withoutMlflowTags(keyValues(run.data.tags)),
    mlflowUrl: links.run(info.experiment_id, info.run_id),
  };
}

/** Every key of the given records, sorted. @public */
export function sortedKeys(records: Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap(record => Object.keys(record)))].sort();
}

/** @public */
export function toSourceRun(
  run: MlflowRun,
  experiment: MlflowExperiment | undefined,
  links: MlflowLinks,
): SourceRun {
  const { info } = run;
  return {
    id: info.run_id,
    name: info.run_name || info.run_id,
    status: info.status ?? 'UNKNOWN',
    experimentId: info.experiment_id,
    ...(experiment ? { experimentName: experiment.name } : {}),
    metrics: latestMetrics(run),
    params: keyValues(run.data.params),
    mlflowUrl: links.run(info.experiment_id, info.run_id),
    experimentUrl: links.experiment(info.experiment_id),
  };
}

/** What the model page shows of a version's source run. @public */
export type SourceRunOutcome = { run?: SourceRun; runUnavailable?: string };

/** Newest first, by version number. @public */
export function compareVersionsNewestFirst(
  a: { version: string },
  b: { version: string },
): number {
  return Number(b.version) - Number(a.version);
}

/** @public */
export function toModelVersionSummary(
  version: MlflowModelVersion,
  links: MlflowLinks,
  source: SourceRunOutcome,
  modelAliases: MlflowRegisteredModel['aliases'] = [],
): ModelVersionSummary {
  // MLflow's version search leaves aliases out; the model lists them all
  const aliases = new Set([
    ...(version.aliases ?? []),
    ...modelAliases
      .filter(alias => alias.version === version.version)
      .map(alias => alias.alias),
  ]);
  return {
    version: version.version,
    aliases: [...aliases].sort(),
    ...(version.current_stage && version.current_stage !== 'None'
      ? { stage: version.current_stage }
      : {}),
    status: version.status ?? 'READY',
    ...(version.status_message
      ? { statusMessage: version.status_message }
      : {}),
    createdAt: isoTime(version.creation_timestamp),
    updatedAt: isoTime(version.last_updated_timestamp),
    ...(version.description ? { description: version.description } : {}),
    ...(version.source ? { source: version.source } : {}),
    tags: keyValues(version.tags),
    mlflowUrl: links.modelVersion(version.name, version.version),
    ...source,
  };
}

/** @public */
export function toModelDetails(options: {
  model: MlflowRegisteredModel;
  team?: string;
  isPublic: boolean;
  versions: ModelVersionSummary[];
  links: MlflowLinks;
}): ModelDetails {
  const { model, versions, links } = options;
  const tags = keyValues(model.tags);
  return {
    name: model.name,
    ...(model.description ? { description: model.description } : {}),
    ...(options.team ? { team: options.team } : {}),
    ...(tags[PROJECT_LABEL] ? { project: tags[PROJECT_LABEL] } : {}),
    public: options.isPublic,
    tags,
    aliases: [...(model.aliases ?? [])].sort((a, b) =>
      a.alias.localeCompare(b.alias),
    ),
    createdAt: isoTime(model.creation_timestamp),
    updatedAt: isoTime(model.last_updated_timestamp),
    mlflowUrl: links.model(model.name),
    versions: [...versions].sort(compareVersionsNewestFirst),
    metricKeys: sortedKeys(
      versions.flatMap(version => (version.run ? [version.run.metrics] : [])),
    ),
  };
}
