export { EntityProjectSparkContent } from './EntityProjectSparkContent';
export { EntityTeamSparkContent } from './EntityTeamSparkContent';
export { SparkView } from './SparkView';
export type { SparkScope } from './sparkScope';
