import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  MLFLOW_MODEL_ANNOTATION,
  NAMESPACE_ANNOTATION,
  PROJECT_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** A registered model as MLflow's REST API 2.0 returns it. */
export type MlflowRegisteredModel = {
  name: string;
  description?: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  tags?: { key: string; value: string }[];
  aliases?: { alias: string; version: string }[];
  latest_versions?: { version: string }[];
};

export type ModelEntityOptions = {
  providerId: string;
  mlflowExternalUrl: string;
  ownerTag: string;
  defaultOwner: string;
};

/** Catalog names allow [a-zA-Z0-9-_.], at most 63 characters. */
export function toEntityName(modelName: string): string {
  const cleaned = modelName
    .replace(/[^a-zA-Z0-9\-_.]+/g, '-')
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return cleaned.slice(0, 63).replace(/[^a-zA-Z0-9]+$/, '') || 'model';
}

/**
 * Maps an MLflow registered model to a catalog Resource of type `ml-model`:
 * a model is something services and deployments use, not code a team builds
 * and ships, which is what Backstage means by a Resource.
 */
export function registeredModelToEntity(
  model: MlflowRegisteredModel,
  options: ModelEntityOptions,
): Entity {
  const tags = new Map((model.tags ?? []).map(t => [t.key, t.value]));
  const team = tags.get(options.ownerTag);
  const project = tags.get(PROJECT_LABEL);
  const modelUrl = `${options.mlflowExternalUrl}/#/models/${encodeURIComponent(
    model.name,
  )}`;
  const location = `url:${modelUrl}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: toEntityName(model.name),
      title: model.name,
      description: model.description || `MLflow registered model ${model.name}`,
      tags: ['mlflow', 'ml-model'],
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [MLFLOW_MODEL_ANNOTATION]: model.name,
        ...(team ? { [NAMESPACE_ANNOTATION]: team } : {}),
        [GRAFANA_DASHBOARD_SELECTOR_ANNOTATION]: `tags @> 'model:${model.name}'`,
      },
      links: [{ url: modelUrl, title: 'Open in MLflow', icon: 'dashboard' }],
    },
    spec: {
      type: 'ml-model',
      owner: team ? `group:default/${team}` : options.defaultOwner,
      ...(project ? { system: project } : {}),
    },
  };
}
