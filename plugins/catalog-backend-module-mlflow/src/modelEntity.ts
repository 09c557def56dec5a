import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  KubernetesValidatorFunctions,
  type Entity,
} from '@backstage/catalog-model';
import {
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  ML_MODEL_ENTITY_TYPE,
  MLFLOW_MODEL_ANNOTATION,
  NAMESPACE_ANNOTATION,
  PROJECT_LABEL,
  PUBLIC_MODEL_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  isPublicModel,
  mlflowLinks,
  modelEntityName,
  modelEntityRefOf,
  ownerOfTags,
  type MlflowRegisteredModel,
} from '@ml-platform/backstage-plugin-ml-platform-node';

export type { MlflowRegisteredModel };

/** The catalog kind of model entities. */
export const MODEL_ENTITY_KIND = 'Resource';

/** What the mapping needs besides the model. @public */
export type ModelEntityOptions = {
  /** Base of the links to the MLflow UI (`mlPlatform.mlflow.externalUrl`). */
  mlflowExternalUrl: string;
  /** The model tag naming the owning team (`mlPlatform.mlflow.ownerTag`). */
  ownerTag: string;
  /** Owner of models without a valid team tag (`mlPlatform.mlflow.defaultOwner`). */
  defaultOwner: string;
};

/** MLflow 3 keeps prompts in the model registry, marked with this tag; they are not models. */
const PROMPT_TAG = 'mlflow.prompt.is_prompt';

/**
 * The entity ref of a model's entity (`resource:default/<name>`), e.g. to
 * remove it: `modelEntityRefOf` of ml-platform-node, which the other catalog
 * modules use too to refer to a model's entity.
 */
export const modelEntityRef = modelEntityRefOf;

/** The model's page in the MLflow UI; never with the credentials a configured URL may hold. */
export function modelUrl(mlflowExternalUrl: string, modelName: string): string {
  return mlflowLinks(mlflowExternalUrl).model(modelName);
}

/** True for MLflow 3 prompts, which live in the model registry but are no models. */
export function isPrompt(model: MlflowRegisteredModel): boolean {
  return (model.tags ?? []).some(
    tag => tag.key === PROMPT_TAG && tag.value.toLocaleLowerCase() === 'true',
  );
}

/**
 * Maps an MLflow registered model to a catalog entity of kind `Resource` and
 * type `ml-model` (see the README for why). Pure: the same model always gives
 * the same entity.
 *
 * - owner: the group named by the owner tag when it is a valid team (a group
 *   of the default namespace, as the ml-platform backend reads it), else the
 *   default owner;
 * - `metadata.labels["ml-platform.io/public"] = "true"` when the model's
 *   `ml-platform.io/visibility` tag is `public` (the permission policy shows
 *   those to everyone, other models only to their owners);
 * - the project (the `ml-platform.io/project` tag) as an annotation, and as a
 *   label when it is a valid label value; never `spec.system`, since no
 *   System entity exists per project;
 * - annotations for the model name, the team's namespace (named after the
 *   team) and the community Grafana plugin.
 */
export function registeredModelToEntity(
  model: MlflowRegisteredModel,
  options: ModelEntityOptions,
): Entity {
  const tags: Record<string, string> = {};
  for (const tag of model.tags ?? []) {
    tags[tag.key] = tag.value;
  }
  const owner = ownerOfTags(tags, options.ownerTag, options.defaultOwner);
  const project = tags[PROJECT_LABEL]?.trim() || undefined;
  const url = modelUrl(options.mlflowExternalUrl, model.name);
  const location = `url:${url}`;

  const labels: Record<string, string> = {};
  if (isPublicModel(tags)) {
    labels[PUBLIC_MODEL_LABEL] = 'true';
  }
  if (project && KubernetesValidatorFunctions.isValidLabelValue(project)) {
    labels[PROJECT_LABEL] = project;
  }

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: MODEL_ENTITY_KIND,
    metadata: {
      name: modelEntityName(model.name),
      title: model.name,
      description:
        model.description?.trim() || `MLflow registered model ${model.name}`,
      tags: ['mlflow', ML_MODEL_ENTITY_TYPE],
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_VIEW_URL]: url,
        [MLFLOW_MODEL_ANNOTATION]: model.name,
        ...(owner.team ? { [NAMESPACE_ANNOTATION]: owner.team } : {}),
        ...(project ? { [PROJECT_LABEL]: project } : {}),
        [GRAFANA_DASHBOARD_SELECTOR_ANNOTATION]: grafanaSelector(model.name),
      },
      links: [{ url, title: 'Open in MLflow', icon: 'dashboard' }],
    },
    spec: {
      type: ML_MODEL_ENTITY_TYPE,
      owner: owner.ref,
    },
  };
}

/**
 * The community Grafana plugin's dashboard selector: dashboards tagged
 * `model:<name>`. Its selector language quotes values with single quotes
 * and has no escape, so quotes in a model name are dropped.
 */
function grafanaSelector(modelName: string): string {
  return `tags @> 'model:${modelName.replace(/'/g, '')}'`;
}
