import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';

/**
 * Asks the permission framework one question for the caller, and refuses
 * with `denial` and the permission's name unless the answer is ALLOW: the one
 * place the suite's services and routes decide who may do something.
 * @public
 */
export async function requireAllowed(
  permissions: Pick<PermissionsService, 'authorize'>,
  credentials: BackstageCredentials,
  request: AuthorizePermissionRequest,
  denial: string,
): Promise<void> {
  const [decision] = await permissions.authorize([request], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`${denial} (${request.permission.name})`);
  }
}
