import type { Config } from '@backstage/config';

/** The admin group when `mlPlatform.permissions.adminGroups` names none. @public */
export const DEFAULT_ADMIN_GROUP = 'group:default/platform-admins';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * `mlPlatform.permissions.adminGroups`: entity refs of the groups whose
 * members are platform admins, in lower case (refs compare case-insensitively).
 * @public
 */
export function readAdminGroups(config: Config): string[] {
  return (
    config.getOptionalStringArray('mlPlatform.permissions.adminGroups') ?? [
      DEFAULT_ADMIN_GROUP,
    ]
  ).map(lower);
}

/**
 * Whether a user with these ownership entity refs (the user and their groups)
 * is a platform admin: one of the refs is an admin group, compared
 * case-insensitively.
 * @public
 */
export function isPlatformAdmin(
  ownershipEntityRefs: readonly string[],
  adminGroups: readonly string[],
): boolean {
  const admins = new Set(adminGroups.map(lower));
  return ownershipEntityRefs.some(ref => admins.has(lower(ref)));
}
