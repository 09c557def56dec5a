import type { Entity } from '@backstage/catalog-model';
import { MLFLOW_MODEL_ANNOTATION } from '@ml-platform/backstage-plugin-ml-platform-common';

/** The MLflow registered model a catalog entity stands for, from its annotation. */
export function modelNameOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[MLFLOW_MODEL_ANNOTATION] || undefined;
}
