import { NotFoundError } from '@backstage/errors';
import {
  PROJECT_LABEL,
  TEAM_LABEL,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import type { NamespaceBackend } from '../namespaces/namespaceBackend';

/** A namespace of a team, as its labels say. @public */
export type TeamNamespace = {
  namespace: string;
  team: string;
  project?: string;
};

/**
 * Which team a namespace belongs to, and a team's namespaces, from the
 * owner objects of the namespace backend (Namespaces or Kubeflow Profiles),
 * read with the backend's identity: who owns a namespace is not a secret of
 * its team.
 * @public
 */
export class TeamNamespaces {
  constructor(private readonly namespaces: NamespaceBackend) {}

  /** The team namespace `namespace`, or a 404 saying it is none. */
  async require(namespace: string): Promise<TeamNamespace> {
    const owner = await this.namespaces.readOwner(namespace);
    const team = owner?.metadata?.labels?.[TEAM_LABEL];
    if (!team) {
      throw new NotFoundError(
        owner
          ? `Namespace "${namespace}" is not a team namespace of the ML platform`
          : `Namespace "${namespace}" does not exist`,
      );
    }
    return {
      namespace,
      team,
      project: owner?.metadata?.labels?.[PROJECT_LABEL],
    };
  }

  /** Every namespace of a team, its own first, then its projects by name. */
  async ofTeam(team: string): Promise<TeamNamespace[]> {
    const owners = await this.namespaces.listOwners(`${TEAM_LABEL}=${team}`);
    return owners
      .map(owner => ({
        namespace: owner.metadata!.name!,
        team,
        project: owner.metadata?.labels?.[PROJECT_LABEL],
      }))
      .sort(
        (a, b) =>
          Number(a.project !== undefined) - Number(b.project !== undefined) ||
          a.namespace.localeCompare(b.namespace),
      );
  }
}
