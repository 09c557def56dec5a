import type { ValidationIssue } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z } from 'zod/v3';

/** zod's issues as the suite's field-named issues (pure). */
export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map(issue => ({
    field: issue.path.length > 0 ? issue.path.join('.') : 'input',
    reason:
      issue.code === 'invalid_type' && issue.received === 'undefined'
        ? 'is required'
        : issue.message.toLocaleLowerCase('en-US'),
  }));
}
