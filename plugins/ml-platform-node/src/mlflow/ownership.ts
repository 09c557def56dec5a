import type { Config } from '@backstage/config';
import {
  MODEL_VISIBILITY_TAG,
  PUBLIC_VISIBILITY,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { parseTeam } from '../teamRef';

/** Which team owns an MLflow object, from `mlPlatform.mlflow`. @public */
export type MlflowOwnership = {
  /** The registered models' tag naming their team. */
  ownerTag: string;
  /** Group entity ref owning experiments and models without a valid team tag. */
  defaultOwner: string;
};

/** The default {@link MlflowOwnership.defaultOwner}. @public */
export const DEFAULT_MLFLOW_OWNER = 'group:default/platform-admins';

/** @public */
export function readMlflowOwnership(config: Config): MlflowOwnership {
  return {
    ownerTag:
      config.getOptionalString('mlPlatform.mlflow.ownerTag') ?? TEAM_LABEL,
    defaultOwner: (
      config.getOptionalString('mlPlatform.mlflow.defaultOwner') ??
      DEFAULT_MLFLOW_OWNER
    ).toLocaleLowerCase('en-US'),
  };
}

/** The group owning an MLflow object, and the team name when a tag named it. @public */
export type MlflowOwner = { ref: string; team?: string };

/**
 * Pure: the team named by `tagKey` when it names a valid team, otherwise the
 * default owner (a tag anyone can write must not point at some other group).
 * @public
 */
export function ownerOfTags(
  tags: Record<string, string>,
  tagKey: string,
  defaultOwner: string,
): MlflowOwner {
  const parsed = tags[tagKey] ? parseTeam(tags[tagKey]) : undefined;
  return parsed?.ref
    ? { ref: parsed.ref, team: parsed.name }
    : { ref: defaultOwner };
}

/** @public */
export function isPublicModel(tags: Record<string, string>): boolean {
  return (
    tags[MODEL_VISIBILITY_TAG]?.trim().toLocaleLowerCase('en-US') ===
    PUBLIC_VISIBILITY
  );
}
