import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  describeIssues,
  teamResourcesReadPermission,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  parseTeam,
  requireAllowed,
} from '@ml-platform/backstage-plugin-ml-platform-node';

export type TeamAccessDeps = {
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
};

/**
 * The team a request names, once the caller may read its resources and the
 * catalog knows it: 400 for a malformed team, 403 for a non-member, 404 for
 * an unknown team.
 */
export async function requireTeamReader(
  deps: TeamAccessDeps,
  credentials: BackstageCredentials,
  teamInput: string,
): Promise<{ ref: string; name: string }> {
  const team = parseTeam(teamInput);
  if (!team.ref) {
    throw new InputError(describeIssues(team.issues));
  }
  await requireAllowed(
    deps.permissions,
    credentials,
    { permission: teamResourcesReadPermission, resourceRef: team.ref },
    `You are not a member of team "${team.name}", so you may not see its resources`,
  );
  return requireKnownTeam(deps, teamInput);
}

/** The team a request names, once the catalog knows it: 400 for a malformed team, 404 for an unknown one. */
export async function requireKnownTeam(
  deps: Pick<TeamAccessDeps, 'auth' | 'catalog'>,
  teamInput: string,
): Promise<{ ref: string; name: string }> {
  const team = parseTeam(teamInput);
  if (!team.ref) {
    throw new InputError(describeIssues(team.issues));
  }
  const entity = await deps.catalog.getEntityByRef(team.ref, {
    credentials: await deps.auth.getOwnServiceCredentials(),
  });
  if (!entity) {
    throw new NotFoundError(`The catalog has no team ${team.ref}`);
  }
  return team;
}
