import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
  type Entity,
} from '@backstage/catalog-model';
import type { V1Namespace } from '@kubernetes/client-node';
import {
  DESCRIPTION_ANNOTATION,
  ML_PROJECT_COMPONENT_TYPE,
  MLFLOW_EXPERIMENT_ANNOTATION,
  NAMESPACE_ANNOTATION,
  PROJECT_LABEL,
  SOURCE_LOCATION_ANNOTATION,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** Annotations read by the stock Kubernetes plugin. */
const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/** The component type of ML projects. @public */
export const ML_PROJECT_TYPE = ML_PROJECT_COMPONENT_TYPE;

/**
 * The catalog component of a project namespace, or undefined for a namespace
 * that is not a project. A published project links to its repository; its
 * owner and namespace still come from the cluster, not from the repository. Owned by the team's group; its Kubernetes tab shows
 * the objects labelled with the project in its namespace.
 * @public
 */
export function projectNamespaceToEntity(
  namespace: V1Namespace,
  cluster: string,
): Entity | undefined {
  const name = namespace.metadata?.name;
  const labels = namespace.metadata?.labels ?? {};
  const team = labels[TEAM_LABEL];
  const project = labels[PROJECT_LABEL];
  const annotations = namespace.metadata?.annotations ?? {};
  if (!name || !team || !project) {
    return undefined;
  }
  const sourceLocation = annotations[SOURCE_LOCATION_ANNOTATION];
  const location = `ml-platform-namespace:${cluster}/${name}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: `${project} (${team})`,
      description: annotations[DESCRIPTION_ANNOTATION],
      tags: ['ml-project'],
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [NAMESPACE_ANNOTATION]: name,
        [KUBERNETES_NAMESPACE_ANNOTATION]: name,
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: `${PROJECT_LABEL}=${project}`,
        ...(annotations[MLFLOW_EXPERIMENT_ANNOTATION]
          ? {
              [MLFLOW_EXPERIMENT_ANNOTATION]:
                annotations[MLFLOW_EXPERIMENT_ANNOTATION],
            }
          : {}),
        ...(sourceLocation
          ? {
              [ANNOTATION_SOURCE_LOCATION]: `url:${sourceLocation}`,
              [ANNOTATION_VIEW_URL]: sourceLocation,
            }
          : {}),
      },
    },
    spec: {
      type: ML_PROJECT_TYPE,
      lifecycle: 'experimental',
      owner: `group:default/${team}`,
    },
  };
}
