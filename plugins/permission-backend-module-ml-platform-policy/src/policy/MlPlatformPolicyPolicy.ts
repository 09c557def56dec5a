import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

export class MlPlatformPolicyPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    _request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Resolve the user's ownership claims for use in policy decisions.
    // See https://backstage.io/docs/permissions/writing-a-policy
    const _ownershipEntityRefs = user
      ? (await this.userInfo.getUserInfo(user.credentials))
          .ownershipEntityRefs
      : [];

    // TODO: Remove the underscore prefixes from _request and
    // _ownershipEntityRefs, then use them to implement your authorization rules.
    return { result: AuthorizeResult.ALLOW };
  }
}
