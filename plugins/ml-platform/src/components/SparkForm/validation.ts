import type { ApiHolder } from '@backstage/frontend-plugin-api';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { SparkOptions } from '@ml-platform/backstage-plugin-ml-platform-common';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { confIssues } from './confRows';
import {
  isEmptySchedule,
  isScheduleOn,
  scheduleProblem,
  type SparkScheduleValue,
} from './schedulePreview';
import { versionIssue } from './sparkVersions';

/** The options, or undefined when they cannot be read: the backend checks again on creation. */
async function readOptions(
  apiHolder: ApiHolder,
): Promise<SparkOptions | undefined> {
  const api = apiHolder.get(mlPlatformApiRef);
  return api?.getSparkOptions().catch(() => undefined);
}

/** Refuses, before the review, a Spark version the platform does not offer. */
export const validateSparkVersion: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  if (!value) {
    return;
  }
  const options = await readOptions(apiHolder);
  const issue = options && versionIssue(options.versions, value);
  if (issue) {
    validation.addError(issue);
  }
};

/**
 * Refuses a schedule the operator would not run (the cron or the time zone),
 * with the reason; nothing to check while "Run on a schedule" is off.
 */
export const validateSparkSchedule: CustomFieldValidator<
  Partial<SparkScheduleValue>,
  { scheduledBy?: string }
> = (value, validation, { formData, uiSchema }) => {
  const scheduledBy = uiSchema?.['ui:options']?.scheduledBy;
  if (!isScheduleOn(formData, scheduledBy)) {
    return;
  }
  if (isEmptySchedule(value)) {
    validation.addError('Give a cron schedule, e.g. "0 2 * * *"');
    return;
  }
  const problem = scheduleProblem(value.cron, value.timeZone);
  if (problem) {
    validation.addError(problem.message);
  }
};

/** Refuses Spark conf keys the platform does not allow, and empty or multi-line values. */
export const validateSparkConf: CustomFieldValidator<
  Record<string, string>
> = async (value, validation, { apiHolder }) => {
  if (!value || Object.keys(value).length === 0) {
    return;
  }
  const options = await readOptions(apiHolder);
  for (const issue of confIssues(value, options?.allowedConfKeys)) {
    validation.addError(issue);
  }
};
