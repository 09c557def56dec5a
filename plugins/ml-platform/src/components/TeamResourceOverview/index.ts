export { TeamResourceOverview } from './TeamResourceOverview';
export { EntityTeamResourcesContent } from './EntityTeamResourcesContent';
