import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';

/** Roles a service principal may be given in config. @public */
export const SERVICE_PRINCIPAL_ROLES = ['platform-admin'] as const;

/** @public */
export type ServicePrincipalRole = (typeof SERVICE_PRINCIPAL_ROLES)[number];

/** Service subjects (e.g. `external:ci-bot`) and the role config gives each. @public */
export type ServicePrincipalRoles = ReadonlyMap<string, ServicePrincipalRole>;

/** Reads `mlPlatform.permissions.servicePrincipals`. @public */
export function readServicePrincipalRoles(
  config: Config,
): ServicePrincipalRoles {
  const entries =
    config.getOptionalConfigArray('mlPlatform.permissions.servicePrincipals') ??
    [];
  return new Map(
    entries.map(entry => {
      const role = entry.getString('role');
      if (!(SERVICE_PRINCIPAL_ROLES as readonly string[]).includes(role)) {
        throw new InputError(
          `mlPlatform.permissions.servicePrincipals: role "${role}" of ${entry.getString(
            'subject',
          )} is not one of ${SERVICE_PRINCIPAL_ROLES.join(', ')}`,
        );
      }
      return [entry.getString('subject'), role as ServicePrincipalRole];
    }),
  );
}

function describeCaller(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    subject?: string;
  };
  return principal.type === 'service'
    ? `the service "${principal.subject}"`
    : 'a caller without a sign-in';
}

/**
 * Only users act on the platform: Backstage allows service principals every
 * permission without asking the policy, so a static token or a plugin's own
 * credentials would otherwise act as a platform admin. A service acts only
 * when config gives it a role.
 * @public
 */
export function requireActingUser(
  credentials: BackstageCredentials,
  roles: ServicePrincipalRoles,
): void {
  const principal = credentials.principal as {
    type?: string;
    subject?: string;
  };
  if (principal.type === 'user') {
    return;
  }
  if (principal.type === 'service' && roles.has(principal.subject ?? '')) {
    return;
  }
  throw new NotAllowedError(
    `The ML platform acts only for signed-in users, and this call comes from ${describeCaller(
      credentials,
    )}. Call it with a user's Backstage token (an MCP client signs in as a user: see "MCP clients" in the README), or have a platform admin give this service a role in mlPlatform.permissions.servicePrincipals.`,
  );
}

/**
 * The permissions service the suite's operations ask: the same decisions,
 * but a caller that is neither a user nor a service with a configured role
 * is refused before any is made.
 * @public
 */
export function userOnlyPermissions(
  permissions: PermissionsService,
  roles: ServicePrincipalRoles,
): PermissionsService {
  return {
    authorize: async (requests, options) => {
      requireActingUser(options.credentials, roles);
      return permissions.authorize(requests, options);
    },
    authorizeConditional: async (requests, options) => {
      requireActingUser(options.credentials, roles);
      return permissions.authorizeConditional(requests, options);
    },
  };
}
