import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { sortTeams, teamRefsOf, toMyTeam, type MyTeam } from './myTeams';

/** The signed-in user's teams, titled from the catalog. */
export function useMyTeams() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<MyTeam[]> => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const refs = teamRefsOf(ownershipEntityRefs);
    if (refs.length === 0) {
      return [];
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['kind', 'metadata.name', 'metadata.title', 'spec.profile'],
    });
    // items line up with refs; a group missing from the catalog is undefined.
    return sortTeams(refs.map((ref, index) => toMyTeam(ref, items[index])));
  }, [identityApi, catalogApi]);
}
