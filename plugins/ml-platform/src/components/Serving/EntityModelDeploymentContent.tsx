import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { SELDON_DEPLOYMENT_ANNOTATION } from '@ml-platform/backstage-plugin-ml-platform-common';
import { parseDeploymentAnnotation } from './formatServing';
import { ModelDeploymentView } from './ModelDeploymentView';

/** The "Serving" tab of a model-deployment component: its SeldonDeployment, by annotation. */
export function EntityModelDeploymentContent() {
  const { entity } = useEntity();
  const target = parseDeploymentAnnotation(
    entity.metadata.annotations?.[SELDON_DEPLOYMENT_ANNOTATION],
  );
  if (!target) {
    return (
      <MissingAnnotationEmptyState annotation={SELDON_DEPLOYMENT_ANNOTATION} />
    );
  }
  return (
    <ModelDeploymentView namespace={target.namespace} name={target.name} />
  );
}
