import { useEntity } from '@backstage/plugin-catalog-react';
import { NAMESPACE_ANNOTATION } from '@ml-platform/backstage-plugin-ml-platform-common';
import { owningTeamOf } from '../Mlflow/owningTeam';
import { Notebooks } from './Notebooks';

/** The "Notebooks" tab of an ML project component: the notebooks of its namespace. */
export function EntityProjectNotebooksContent() {
  const { entity } = useEntity();
  const namespace =
    entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ?? entity.metadata.name;
  return (
    <Notebooks
      scope={{ kind: 'namespace', namespace, team: owningTeamOf(entity) }}
    />
  );
}
