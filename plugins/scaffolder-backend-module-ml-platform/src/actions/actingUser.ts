import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  requireActingUser,
  type ServicePrincipalRoles,
} from '@ml-platform/backstage-plugin-ml-platform-node';

/**
 * The credentials of the task's initiator, once they are a user's (or a
 * service's with a configured role): a task started with a service token
 * fails before its step does anything.
 */
export async function actingUserCredentials(
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  roles: ServicePrincipalRoles = new Map(),
): Promise<BackstageCredentials> {
  const credentials = await ctx.getInitiatorCredentials();
  requireActingUser(credentials, roles);
  return credentials;
}
