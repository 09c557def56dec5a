import type {
  AddPredictorRequest,
  ModelDeploymentResult,
  ModelDeploymentSummary,
  ServingPredictor,
  WorkloadDeletion,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { ResponseError } from '@backstage/errors';
import { describeOverviewError } from '../TeamResourceOverview/describeOverviewError';
import { requestOfChoice, type VersionChoice } from './deployForm';

/** What a user can do to a deployment from its page. */
export type ServingAction =
  | 'add'
  | 'traffic'
  | 'promote'
  | 'rollback'
  | 'delete';

/** The backend's own words for a failure (it names the field and why). */
export function backendMessage(error: Error): string {
  return describeOverviewError(error).message;
}

/** Whether the error is the backend's 403. */
export function isForbidden(error: Error): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}

/** Whether the error is the backend's 404. */
export function isNotFound(error: Error): boolean {
  return ResponseError.is(error) && error.statusCode === 404;
}

/** The predictors that take a share of the traffic (not the shadow). */
export function servingPredictors(
  deployment: Pick<ModelDeploymentSummary, 'predictors'>,
): ServingPredictor[] {
  return deployment.predictors.filter(p => !p.shadow);
}

/** Shares as typed in the Set traffic dialog, by predictor name. */
export type TrafficShares = Record<string, string>;

/** The current shares of the non-shadow predictors. */
export function initialTrafficShares(
  deployment: Pick<ModelDeploymentSummary, 'predictors'>,
): TrafficShares {
  return Object.fromEntries(
    servingPredictors(deployment).map(p => [p.name, String(p.traffic)]),
  );
}

/** A share in percent: a whole number from 0 to 100; undefined otherwise. */
function parseShare(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) {
    return undefined;
  }
  const value = Number(trimmed);
  return value <= 100 ? value : undefined;
}

/**
 * What is wrong with the shares, in one sentence, or undefined: each a whole
 * number from 0 to 100, together 100.
 */
export function trafficIssue(shares: TrafficShares): string | undefined {
  const entries = Object.entries(shares);
  const invalid = entries.filter(([, text]) => parseShare(text) === undefined);
  if (invalid.length > 0) {
    return `The share of ${invalid
      .map(([name]) => name)
      .join(', ')} must be a whole number from 0 to 100.`;
  }
  const sum = entries.reduce((total, [, text]) => total + parseShare(text)!, 0);
  if (sum !== 100) {
    return `The shares add up to ${sum} %: they must add up to 100 %.`;
  }
  return undefined;
}

/** The Set traffic request of valid shares. */
export function trafficRequest(shares: TrafficShares): Record<string, number> {
  return Object.fromEntries(
    Object.entries(shares).map(([name, text]) => [name, parseShare(text) ?? 0]),
  );
}

/**
 * What may be added beside the current predictors: a canary when only one
 * predictor takes traffic, a shadow when there is none yet (the backend's
 * rules: a main version, a canary and a shadow at most).
 */
export function addablePredictors(
  deployment: Pick<ModelDeploymentSummary, 'predictors'>,
): { canary: boolean; shadow: boolean } {
  return {
    canary: servingPredictors(deployment).length <= 1,
    shadow: !deployment.predictors.some(p => p.shadow),
  };
}

/** The Add canary dialog's fields, as typed. */
export type CanaryForm = {
  choice: VersionChoice;
  traffic: string;
  shadow: boolean;
};

/** What is wrong with the Add canary form, or undefined. */
export function canaryIssue(form: CanaryForm): string | undefined {
  if (!form.choice) {
    return 'Choose a version or an alias.';
  }
  if (form.shadow) {
    return undefined;
  }
  const trimmed = form.traffic.trim();
  const value = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(value >= 1 && value <= 99)) {
    return 'The canary takes a whole percent of the traffic from 1 to 99.';
  }
  return undefined;
}

/** The Add canary request of a valid form. */
export function canaryRequest(
  form: CanaryForm,
  dryRun = false,
): AddPredictorRequest {
  return {
    ...requestOfChoice(form.choice),
    ...(form.shadow
      ? { shadow: true }
      : { traffic: Number(form.traffic.trim()) }),
    ...(dryRun ? { dryRun: true } : {}),
  };
}

const FAILURE_WORDS: Record<ServingAction, string> = {
  add: 'add the version',
  traffic: 'set the traffic',
  promote: 'promote',
  rollback: 'roll back',
  delete: 'delete',
};

/** Why an action failed, with the backend's explanation as it is. */
export function describeServingFailure(
  action: ServingAction,
  what: string,
  error: Error,
): string {
  return `Could not ${FAILURE_WORDS[action]} ${what}: ${backendMessage(error)}`;
}

/** What a change did, with the backend's notes. */
export function describeChange(
  summary: string,
  result: Pick<ModelDeploymentResult, 'notes'>,
): string {
  return [summary, ...result.notes].join(' ');
}

/** What deleting a deployment removed, with the backend's notes. */
export function describeDeploymentDeletion(
  name: string,
  deletion: WorkloadDeletion,
): string {
  const sentences = [`Deleted deployment ${name}.`];
  if (deletion.kept.length > 0) {
    sentences.push(`Kept ${deletion.kept.join(', ')}.`);
  }
  sentences.push(...deletion.notes);
  return sentences.join(' ');
}
