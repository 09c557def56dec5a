import { NOTEBOOK_RESOURCE } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { z as zod } from 'zod/v3';
import type { NotebookSettings } from '../notebookSettings';
import type { WorkloadKind } from '../WorkloadKind';
import {
  checkNotebookInput,
  notebookInputSchema,
  type NotebookInput,
} from './notebook/input';
import {
  notebookPodRequests,
  notebookRequests,
  renderNotebook,
} from './notebook/render';
import { notebookStatus } from './notebook/status';

export * from './notebook/input';
export * from './notebook/render';
export * from './notebook/status';

/** The notebook kind of the workload path. @public */
export const notebookKind: WorkloadKind<NotebookInput, NotebookSettings> = {
  resource: NOTEBOOK_RESOURCE,
  noun: 'notebook',
  schema: z => notebookInputSchema(z) as unknown as zod.ZodType<NotebookInput>,
  check: checkNotebookInput,
  requests: notebookRequests,
  render: renderNotebook,
  status: notebookStatus,
  podRequests: notebookPodRequests,
  // the label the notebook-controller's StatefulSet gives its pod (and its Service selects)
  podSelector: name => `statefulset=${name}`,
};
