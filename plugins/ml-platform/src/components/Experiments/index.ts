export {
  EntityProjectExperimentsContent,
  EntityTeamExperimentsContent,
} from './EntityExperimentsContent';
export { ProjectExperiments } from './ProjectExperiments';
export { TeamExperiments } from './TeamExperiments';
