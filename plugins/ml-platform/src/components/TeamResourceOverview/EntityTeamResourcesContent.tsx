import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamResourceOverview } from './TeamResourceOverview';

/** The "Resources" tab of a group's entity page. */
export function EntityTeamResourcesContent() {
  const { entity } = useEntity();
  return <TeamResourceOverview team={entity.metadata.name} />;
}
