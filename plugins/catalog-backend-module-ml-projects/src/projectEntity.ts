import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import type { V1Namespace } from '@kubernetes/client-node';
import {
  DESCRIPTION_ANNOTATION,
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
export const ML_PROJECT_TYPE = 'ml-project';

/**
 * The catalog component of a project namespace, or undefined for a namespace
 * that is not a project or whose project was published to a Git host (its
 * repository's catalog-info.yaml describes it then). Owned by the team's group; its Kubernetes tab shows
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
  // A published project registers its repository's catalog-info.yaml instead.
  if (!name || !team || !project || annotations[SOURCE_LOCATION_ANNOTATION]) {
    return undefined;
  }
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
      },
    },
    spec: {
      type: ML_PROJECT_TYPE,
      lifecycle: 'experimental',
      owner: `group:default/${team}`,
    },
  };
}
