import { requireAllowed } from '../access/requireAllowed';
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  describeIssues,
  PROJECT_LABEL,
  projectNamespaceManagePermission,
  TEAM_LABEL,
  validateDnsLabel,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { parseTeam } from '../teamRef';
import { mlflowLinks } from './links';
import type { MlflowClient } from './MlflowClient';
import type { MlflowExperiment } from './types';

/** The MLflow experiment of an ML project: `<team>/<project>`. @public */
export function projectExperimentName(team: string, project: string): string {
  return `${team}/${project}`;
}

/** What to do with the experiment a project's name points at. @public */
export type ExperimentDecision =
  | { action: 'create' }
  | { action: 'reuse'; experimentId: string; addProjectTag: boolean }
  | { action: 'refuse'; reason: string };

/**
 * Pure: reuse an existing experiment of the same team, create a missing one,
 * refuse one of another team (or of no team) or one in MLflow's trash.
 * @public
 */
export function decideExperiment(
  existing: MlflowExperiment | undefined,
  team: string,
  project: string,
): ExperimentDecision {
  if (!existing) {
    return { action: 'create' };
  }
  const tags = Object.fromEntries(
    (existing.tags ?? []).map(tag => [tag.key, tag.value]),
  );
  if (existing.lifecycle_stage === 'deleted') {
    return {
      action: 'refuse',
      reason: `MLflow experiment "${existing.name}" is deleted: restore it in MLflow or choose another project name`,
    };
  }
  if (tags[TEAM_LABEL] !== team) {
    return {
      action: 'refuse',
      reason: tags[TEAM_LABEL]
        ? `MLflow experiment "${existing.name}" exists and belongs to team "${tags[TEAM_LABEL]}"`
        : `MLflow experiment "${existing.name}" exists and belongs to no team (no ${TEAM_LABEL} tag)`,
    };
  }
  return {
    action: 'reuse',
    experimentId: existing.experiment_id,
    addProjectTag: tags[PROJECT_LABEL] !== project,
  };
}

/** The experiment a project ended up with. @public */
export type ProjectExperiment = {
  experimentId?: string;
  name: string;
  /** `created`, `reused`, or on a dry-run `would create` / `would reuse`. */
  outcome: 'created' | 'reused' | 'would create' | 'would reuse';
  /** Link for people, on MLflow's external URL. */
  url?: string;
};

/**
 * Creates or reuses the MLflow experiment of an ML project, tagged with team
 * and project, for members of the team only.
 * @public
 */
export class ProjectExperiments {
  constructor(
    private readonly deps: {
      client: MlflowClient;
      externalUrl: string;
      permissions: PermissionsService;
      /** Told after a write, so that the portal's shared MLflow reads show it at once. */
      onWritten?: () => Promise<void>;
    },
  ) {}

  async ensure(
    input: { team: string; project: string },
    options: { credentials: BackstageCredentials; dryRun?: boolean },
  ): Promise<ProjectExperiment> {
    const team = parseTeam(input.team);
    const issues = [...team.issues, ...validateDnsLabel('name', input.project)];
    if (issues.length > 0 || !team.ref) {
      throw new InputError(describeIssues(issues));
    }
    await requireAllowed(
      this.deps.permissions,
      options.credentials,
      { permission: projectNamespaceManagePermission, resourceRef: team.ref },
      `You are not a member of team "${team.name}", so you may not create its experiments`,
    );
    const { client } = this.deps;
    const name = projectExperimentName(team.name, input.project);
    const existing = await client.getExperimentByName(name);
    const next = decideExperiment(existing, team.name, input.project);
    if (next.action === 'refuse') {
      throw new InputError(`name ${next.reason}`);
    }
    if (options.dryRun) {
      return {
        name,
        experimentId: next.action === 'reuse' ? next.experimentId : undefined,
        outcome: next.action === 'reuse' ? 'would reuse' : 'would create',
      };
    }
    let experimentId: string;
    if (next.action === 'reuse') {
      experimentId = next.experimentId;
      if (next.addProjectTag) {
        await client.setExperimentTag(
          experimentId,
          PROJECT_LABEL,
          input.project,
        );
        await this.deps.onWritten?.();
      }
    } else {
      experimentId = await client.createExperiment(name, {
        [TEAM_LABEL]: team.name,
        [PROJECT_LABEL]: input.project,
      });
      await this.deps.onWritten?.();
    }
    return {
      name,
      experimentId,
      outcome: next.action === 'reuse' ? 'reused' : 'created',
      url: mlflowLinks(this.deps.externalUrl).experiment(experimentId),
    };
  }
}
