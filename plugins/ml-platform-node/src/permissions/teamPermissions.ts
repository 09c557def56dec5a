import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_ML_PLATFORM_TEAM } from '@ml-platform/backstage-plugin-ml-platform-common';
import { z } from 'zod';

/** A team as the permission framework sees it: its group's entity ref. @public */
export type TeamResource = { ref: string };

/** Criteria over team refs (the rule is only evaluated against loaded teams). @public */
export type TeamQuery = { teamRefs: string[] };

/** @public */
export const teamPermissionResourceRef = createPermissionResourceRef<
  TeamResource,
  TeamQuery
>().with({
  pluginId: 'ml-platform',
  resourceType: RESOURCE_TYPE_ML_PLATFORM_TEAM,
});

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Allows when the team is one of `claims`, the user's ownership entity refs
 * (the user and the groups they belong to).
 * @public
 */
export const isTeamMember = createPermissionRule({
  name: 'IS_TEAM_MEMBER',
  description: 'Allow when the user is a member of the team',
  resourceRef: teamPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Ownership entity refs of the user, e.g. group:default/x'),
  }),
  apply: (team, { claims }) => claims.map(lower).includes(lower(team.ref)),
  toQuery: ({ claims }) => ({ teamRefs: claims.map(lower) }),
});

/** Rules of the team resource type. @public */
export const teamPermissionRules = { isTeamMember };

const teamConditionExports = createConditionExports({
  resourceRef: teamPermissionResourceRef,
  rules: teamPermissionRules,
});

/** Conditions for policies: `teamConditions.isTeamMember({ claims })`. @public */
export const teamConditions = teamConditionExports.conditions;

/** A conditional decision of a team permission, for policies. @public */
export const createTeamConditionalDecision =
  teamConditionExports.createConditionalDecision;
