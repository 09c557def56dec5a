import { createHash } from 'node:crypto';
import {
  DEFAULT_NAMESPACE,
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The catalog kind of model entities (what the MLflow catalog module makes). */
const MODEL_ENTITY_KIND = 'Resource';

const NAME_MAX_LENGTH = 63;
const HASH_LENGTH = 8;

/**
 * The catalog entity name of an MLflow registered model. A name that is
 * already a valid catalog name (`[a-zA-Z0-9]` with `-_.` inside, at most 63
 * characters) is kept as it is; any other is reduced to those characters and
 * suffixed with the first 8 hex digits of the SHA-256 of the full model name,
 * so two models that reduce to the same text ("fraud model" and
 * "fraud/model", or long names sharing their first 63 characters) still get
 * different entities. Pure and stable: the MLflow module's full sync,
 * incremental poll and webhook refresh, and every entity that refers to a
 * model, all find the same name.
 *
 * @public
 */
export function modelEntityName(modelName: string): string {
  if (KubernetesValidatorFunctions.isValidObjectName(modelName)) {
    return modelName;
  }
  const hash = createHash('sha256')
    .update(modelName, 'utf8')
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const base = modelName
    .replace(/[^a-zA-Z0-9\-_.]+/g, '-')
    .slice(0, NAME_MAX_LENGTH - HASH_LENGTH - 1)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return `${base || 'model'}-${hash}`;
}

/**
 * The entity ref of an MLflow registered model's catalog entity
 * (`resource:default/<name>`, lower case like every ref), e.g. for a
 * `dependsOn` or to remove the entity.
 *
 * @public
 */
export function modelEntityRefOf(modelName: string): string {
  return stringifyEntityRef({
    kind: MODEL_ENTITY_KIND,
    namespace: DEFAULT_NAMESPACE,
    name: modelEntityName(modelName),
  });
}
