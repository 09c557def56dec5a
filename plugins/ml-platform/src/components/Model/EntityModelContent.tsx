import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { MLFLOW_MODEL_ANNOTATION } from '@ml-platform/backstage-plugin-ml-platform-common';
import { owningTeamOf } from '../Mlflow/owningTeam';
import { modelNameOf } from './entityModel';
import { ModelOverview } from './ModelOverview';

/** The "Model" tab of an ml-model Resource's entity page. */
export function EntityModelContent() {
  const { entity } = useEntity();
  const name = modelNameOf(entity);
  if (!name) {
    return <MissingAnnotationEmptyState annotation={MLFLOW_MODEL_ANNOTATION} />;
  }
  return <ModelOverview name={name} team={owningTeamOf(entity)} />;
}
