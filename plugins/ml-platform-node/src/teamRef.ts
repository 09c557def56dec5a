import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  validateDnsLabel,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** A team named in a request: its group's entity ref and name, or the issues found. @public */
export type ParsedTeam =
  | { ref: string; name: string; issues: [] }
  | { ref?: undefined; name?: undefined; issues: ValidationIssue[] };

/**
 * Reads a team as templates, routes and actions give it: a group name in the
 * catalog's default namespace ("fraud-detection") or a group entity ref
 * ("group:default/fraud-detection", what the scaffolder's pickers give). Teams
 * live in the catalog's default namespace.
 * The name must be a DNS-1123 label, since namespaces are named after it.
 * @public
 */
export function parseTeam(team: unknown, field = 'team'): ParsedTeam {
  if (typeof team !== 'string' || team.length === 0) {
    return { issues: [{ field, reason: 'is required' }] };
  }
  let ref;
  try {
    ref = parseEntityRef(team, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch (error) {
    return { issues: [{ field, reason: (error as Error).message }] };
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    return {
      issues: [{ field, reason: `must name a Group, not a ${ref.kind}` }],
    };
  }
  // Cluster objects carry the team's bare name (labels, namespace names,
  // Kubernetes groups): only one namespace of the catalog may name teams, or
  // group:other/x would act as group:default/x.
  if (ref.namespace.toLocaleLowerCase('en-US') !== 'default') {
    return {
      issues: [
        {
          field,
          reason: `must be a group in the catalog's default namespace, not in "${ref.namespace}"`,
        },
      ],
    };
  }
  const issues = validateDnsLabel(field, ref.name);
  if (issues.length > 0) {
    return { issues };
  }
  return {
    ref: stringifyEntityRef(ref).toLocaleLowerCase('en-US'),
    name: ref.name,
    issues: [],
  };
}

/**
 * The teams among a user's ownership entity refs (the user and their
 * groups): the names of the groups in the catalog's default namespace, the
 * refs `IS_TEAM_MEMBER` matches, compared case-insensitively. A group whose
 * name cannot name a namespace is no team.
 * @public
 */
export function teamNamesOf(ownershipEntityRefs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const ownershipRef of ownershipEntityRefs) {
    const ref = ownershipRef.toLocaleLowerCase('en-US');
    const team = parseTeam(ref);
    // parseTeam reads a bare name as a group: only a full group ref counts.
    if (team.ref === ref) {
      names.add(team.name);
    }
  }
  return [...names];
}
