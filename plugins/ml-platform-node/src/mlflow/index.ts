export * from './types';
export * from './MlflowClient';
export {
  displayUrl,
  mlflowErrorCodeOf,
  mlflowHttpError,
  mlflowUnreachable,
} from './errors';
export type { MlflowFailure } from './errors';
export { iterateMlflowPages, collectMlflowPages } from './pagination';
export * from './projectExperiment';
