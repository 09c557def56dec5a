export * from './types';
export * from './MlflowClient';
export {
  isMlflowNotFound,
  mlflowErrorCodeOf,
  mlflowHttpError,
  mlflowUnreachable,
} from './errors';
export type { MlflowFailure } from './errors';
export { iterateMlflowPages, collectMlflowPages } from './pagination';
export * from './projectExperiment';
export * from './links';
export * from './ownership';
export * from './summaries';
export * from './MlflowReader';
export { MLFLOW_WRITTEN_TOPIC } from './sharedReads';
export type { MlflowReads } from './sharedReads';
