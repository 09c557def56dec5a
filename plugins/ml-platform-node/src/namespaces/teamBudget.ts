import {
  describeQuotaValue,
  parseQuantity,
  QUOTA_LINES,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The ResourceQuota keys a team's budget limits, with the words users read. */
const BUDGET_KEYS = QUOTA_LINES;

/** Quota `spec.hard` values, keyed like a ResourceQuota. @public */
export type QuotaHard = Record<string, string>;

function total(key: string, quotas: QuotaHard[]): number {
  return quotas.reduce(
    (sum, hard) => sum + (parseQuantity(hard[key] ?? '0') ?? 0),
    0,
  );
}

/** Readable number: cores and counts as they are, bytes in Gi. */
function describe(key: string, value: number): string {
  const line = QUOTA_LINES.find(candidate => candidate.key === key);
  return describeQuotaValue(line?.measure ?? 'count', value);
}

/** A budget line that quotas together go over. */
type Overrun = { key: string; unit: string; limit: number; sum: number };

/** The budget lines (the budget limits them) that `quotas` together exceed. */
function overruns(budget: QuotaHard, quotas: QuotaHard[]): Overrun[] {
  return BUDGET_KEYS.flatMap(({ key, unit }) => {
    const limit = parseQuantity(budget[key] ?? '');
    const sum = total(key, quotas);
    return limit === undefined || sum <= limit + 1e-9
      ? []
      : [{ key, unit, limit, sum }];
  });
}

/**
 * Checks that the quotas of a team's projects fit in the budget its admins
 * gave it (the quota of the team namespace): `requested` is the project being
 * created or changed, `others` the team's other projects.
 * @public
 */
export function checkTeamBudget(options: {
  team: string;
  budget: QuotaHard;
  others: QuotaHard[];
  requested: QuotaHard;
  field: string;
}): ValidationIssue[] {
  const { team, budget, others, requested, field } = options;
  return overruns(budget, [...others, requested]).map(
    ({ key, unit, limit, sum }) => ({
      field,
      reason: `the projects of team "${team}" would get ${describe(
        key,
        sum,
      )} ${unit} in total, more than the team's budget of ${describe(
        key,
        limit,
      )} (its other projects have ${describe(key, total(key, others))})`,
    }),
  );
}

/**
 * Checks that a team's new budget still covers what its projects were given.
 * @public
 */
export function checkBudgetCoversProjects(options: {
  team: string;
  budget: QuotaHard;
  projects: QuotaHard[];
  field: string;
}): ValidationIssue[] {
  const { team, budget, projects, field } = options;
  return overruns(budget, projects).map(({ key, unit, limit, sum }) => ({
    field,
    reason: `the projects of team "${team}" already have ${describe(
      key,
      sum,
    )} ${unit}, more than the new budget of ${describe(key, limit)}`,
  }));
}
