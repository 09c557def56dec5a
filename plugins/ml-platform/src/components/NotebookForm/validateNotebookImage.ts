import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { imageIssue } from './notebookImages';

/**
 * Refuses, before the review, an image the backend would refuse. When the
 * options cannot be read it lets the value through: the backend checks it
 * again when the notebook is created.
 */
export const validateNotebookImage: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  const api = apiHolder.get(mlPlatformApiRef);
  if (!api || !value) {
    return;
  }
  const options = await api.getNotebookOptions().catch(() => undefined);
  const issue = options && imageIssue(options, value);
  if (issue) {
    validation.addError(issue);
  }
};
