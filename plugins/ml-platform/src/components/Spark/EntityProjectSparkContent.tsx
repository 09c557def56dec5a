import { useEntity } from '@backstage/plugin-catalog-react';
import { NAMESPACE_ANNOTATION } from '@ml-platform/backstage-plugin-ml-platform-common';
import { owningTeamOf } from '../Mlflow/owningTeam';
import { SparkView } from './SparkView';

/** The "Spark" tab of an ML project component: the Spark workloads of its namespace. */
export function EntityProjectSparkContent() {
  const { entity } = useEntity();
  const namespace =
    entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ?? entity.metadata.name;
  return (
    <SparkView
      scope={{ kind: 'namespace', namespace, team: owningTeamOf(entity) }}
    />
  );
}
