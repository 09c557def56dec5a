/**
 * The team names a project namespace `<team>-<name>` could be read as
 * belonging to, other than `team`: every prefix of it ending before a "-"
 * (after the team's own name), and the whole name. Team "fraud" with project
 * "detection-x" gives `fraud-detection` and `fraud-detection-x`.
 */
export function otherTeamNamesWithin(
  team: string,
  namespace: string,
): string[] {
  const names: string[] = [];
  for (let index = team.length + 1; index < namespace.length; index++) {
    if (namespace[index] === '-') {
      names.push(namespace.slice(0, index));
    }
  }
  names.push(namespace);
  return names;
}
