import { useEntity } from '@backstage/plugin-catalog-react';
import { SparkView } from './SparkView';

/** The "Spark" tab of a group: the Spark workloads of every namespace of the team. */
export function EntityTeamSparkContent() {
  const { entity } = useEntity();
  return <SparkView scope={{ kind: 'team', team: entity.metadata.name }} />;
}
