import { useEntity } from '@backstage/plugin-catalog-react';
import { Notebooks } from './Notebooks';

/** The "Notebooks" tab of a group: the notebooks of every namespace of the team. */
export function EntityTeamNotebooksContent() {
  const { entity } = useEntity();
  return <Notebooks scope={{ kind: 'team', team: entity.metadata.name }} />;
}
