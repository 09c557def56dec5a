export { EntityProjectNotebooksContent } from './EntityProjectNotebooksContent';
export { EntityTeamNotebooksContent } from './EntityTeamNotebooksContent';
export { Notebooks } from './Notebooks';
export type { NotebookScope } from './notebookScope';
