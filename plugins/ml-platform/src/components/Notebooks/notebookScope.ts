import type { NotebookList } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { MlPlatformApi } from '../../api/MlPlatformClient';
import { NOTEBOOK_SERVER_TEMPLATE_PATH } from '../TeamResourceOverview/templatePaths';

/**
 * Whose notebooks are shown: a whole team's, or one (project) namespace's.
 * @public
 */
export type NotebookScope =
  | { kind: 'team'; team: string }
  | {
      kind: 'namespace';
      namespace: string;
      /** The owning team, when known, to explain a refusal. */
      team?: string;
    };

export function listNotebooks(
  api: MlPlatformApi,
  scope: NotebookScope,
): Promise<NotebookList> {
  return scope.kind === 'team'
    ? api.listTeamNotebooks(scope.team)
    : api.listNamespaceNotebooks(scope.namespace);
}

/** A value that changes exactly when the scope does, for hook dependencies. */
export function scopeKey(scope: NotebookScope): string {
  return scope.kind === 'team'
    ? `team:${scope.team}`
    : `namespace:${scope.namespace}`;
}

/** The scope in words, e.g. "team fraud-detection". */
export function scopeLabel(scope: NotebookScope): string {
  return scope.kind === 'team'
    ? `team ${scope.team}`
    : `project ${scope.namespace}`;
}

/**
 * A scaffolder template, with the project already chosen when the scope is a
 * project namespace (whose catalog component has its name).
 */
export function scopedTemplatePath(
  templatePath: string,
  scope: NotebookScope,
): string {
  if (scope.kind === 'team') {
    return templatePath;
  }
  const formData = { project: `component:default/${scope.namespace}` };
  return `${templatePath}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}

/** The notebook-server template, for the project of the scope if it is one. */
export function newNotebookPath(scope: NotebookScope): string {
  return scopedTemplatePath(NOTEBOOK_SERVER_TEMPLATE_PATH, scope);
}
