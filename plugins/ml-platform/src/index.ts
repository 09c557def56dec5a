/**
 * The ML platform frontend plugin.
 *
 * @packageDocumentation
 */
export { mlPlatformPlugin as default } from './plugin';
export * from './api/MlPlatformClient';
export { PlatformStatusCard } from './components/PlatformStatus';
export { TeamResourceOverview } from './components/TeamResourceOverview';
export { ModelOverview } from './components/Model';
export { ProjectExperiments, TeamExperiments } from './components/Experiments';
export { Notebooks, type NotebookScope } from './components/Notebooks';
export { SparkView, type SparkScope } from './components/Spark';
