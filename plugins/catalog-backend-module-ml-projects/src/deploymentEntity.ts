import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  MLFLOW_MODEL_ANNOTATION,
  MODEL_DEPLOYMENT_COMPONENT_TYPE,
  MODEL_VERSION_LABEL,
  PROJECT_LABEL,
  SELDON_DEPLOYMENT_ANNOTATION,
  SELDON_DEPLOYMENT_ID_LABEL,
  SERVED_MODEL_ANNOTATION,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  modelEntityName,
  modelEntityRefOf,
} from '@ml-platform/backstage-plugin-ml-platform-node';

/** Annotations read by the stock Kubernetes plugin. */
const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/** One predictor of a SeldonDeployment, as far as the catalog reads it. @public */
export type SeldonPredictorObject = {
  /** `v<version>` for the suite's predictors. */
  name?: string;
  /** Percent of the traffic; absent for a shadow. */
  traffic?: number;
  shadow?: boolean;
  /** `ml-platform.io/model-version`: the model version it serves. */
  labels?: Record<string, string>;
};

/** A SeldonDeployment as the apiserver lists it (JSON), as far as the catalog reads it. @public */
export type SeldonDeploymentObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: { predictors?: SeldonPredictorObject[] };
};

/**
 * The catalog name of a deployment: `<namespace>.<name>` when that is a valid
 * entity name (at most 63 characters), else shortened and suffixed with 8 hex
 * digits of its SHA-256, by the same algorithm as model entity names.
 * Namespaces hold no dots, so two deployments never share a name.
 */
function deploymentEntityName(namespace: string, name: string): string {
  return modelEntityName(`${namespace}.${name}`);
}

/** The model version a predictor serves: its label, else its name `v<version>`. */
function versionOf(predictor: SeldonPredictorObject): string | undefined {
  const label = predictor.labels?.[MODEL_VERSION_LABEL]?.trim();
  if (label) {
    return label;
  }
  return /^v(\d+)$/.exec(predictor.name ?? '')?.[1];
}

/** `3`, `3 and 4 (shadow)`, `3 (90%), 4 (10%) and 5 (shadow)`. */
function describeVersions(predictors: SeldonPredictorObject[]): string {
  const live = predictors.filter(predictor => !predictor.shadow);
  const parts = predictors.flatMap(predictor => {
    const version = versionOf(predictor);
    if (!version) {
      return [];
    }
    if (predictor.shadow) {
      return [`${version} (shadow)`];
    }
    return [
      live.length > 1 && typeof predictor.traffic === 'number'
        ? `${version} (${predictor.traffic}%)`
        : version,
    ];
  });
  if (parts.length === 0) {
    return '';
  }
  const list =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return ` ${parts.length === 1 ? 'version' : 'versions'} ${list}`;
}

/**
 * The catalog component of a model deployment (a SeldonDeployment the suite
 * made in a team namespace), or undefined for one without the team label or
 * the served-model annotation. A running service the team owns: a
 * `Component` of type `model-deployment` that depends on the model's
 * `Resource` and is a subcomponent of its ML project when it has one; its
 * Kubernetes tab shows the deployment's pods. Pure.
 * @public
 */
export function modelDeploymentToEntity(
  sdep: SeldonDeploymentObject,
  cluster: string,
): Entity | undefined {
  const name = sdep.metadata?.name;
  const namespace = sdep.metadata?.namespace;
  const labels = sdep.metadata?.labels ?? {};
  const annotations = sdep.metadata?.annotations ?? {};
  const team = labels[TEAM_LABEL]?.trim();
  const project = labels[PROJECT_LABEL]?.trim();
  const model = annotations[SERVED_MODEL_ANNOTATION]?.trim();
  if (!name || !namespace || !team || !model) {
    return undefined;
  }
  const predictors = sdep.spec?.predictors ?? [];
  const location = `ml-platform-seldon:${cluster}/${namespace}/${name}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: deploymentEntityName(namespace, name),
      title: `${name} (${namespace})`,
      description: `Serves ${model}${describeVersions(
        predictors,
      )} with Seldon Core`,
      tags: ['model-deployment', 'seldon'],
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [SELDON_DEPLOYMENT_ANNOTATION]: `${namespace}/${name}`,
        [KUBERNETES_NAMESPACE_ANNOTATION]: namespace,
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: `${SELDON_DEPLOYMENT_ID_LABEL}=${name}`,
        [MLFLOW_MODEL_ANNOTATION]: model,
      },
    },
    spec: {
      type: MODEL_DEPLOYMENT_COMPONENT_TYPE,
      lifecycle: 'production',
      owner: `group:default/${team}`,
      dependsOn: [modelEntityRefOf(model)],
      // ML project components are named after their namespace.
      ...(project ? { subcomponentOf: `component:default/${namespace}` } : {}),
    },
  };
}
