import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/** A team the signed-in user belongs to, as the My teams page lists it. */
export type MyTeam = {
  /** Entity ref of the team's group, e.g. group:default/fraud-detection. */
  ref: string;
  /** The name the ml-platform backend knows the team by. */
  name: string;
  title: string;
};

/**
 * The groups among the user's ownership refs that the ml-platform backend can
 * address: it looks teams up by name in the catalog's default namespace.
 */
export function teamRefsOf(ownershipEntityRefs: string[]): string[] {
  const refs = new Set<string>();
  for (const ref of ownershipEntityRefs) {
    const parsed = parseEntityRef(ref);
    if (
      parsed.kind.toLocaleLowerCase('en-US') === 'group' &&
      parsed.namespace.toLocaleLowerCase('en-US') === DEFAULT_NAMESPACE
    ) {
      refs.add(stringifyEntityRef(parsed));
    }
  }
  return [...refs];
}

/** The team of a group ref, titled from its catalog entity when there is one. */
export function toMyTeam(ref: string, entity?: Entity): MyTeam {
  const { name } = parseEntityRef(ref);
  const profile = entity?.spec?.profile as { displayName?: string } | undefined;
  return {
    ref,
    name,
    title: profile?.displayName ?? entity?.metadata.title ?? name,
  };
}

/** Teams sorted by title, as tabs are read. */
export function sortTeams(teams: MyTeam[]): MyTeam[] {
  return [...teams].sort((a, b) => a.title.localeCompare(b.title, 'en'));
}
