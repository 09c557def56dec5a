import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { isPlatformAdmin } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  buildRuleTable,
  isSamePermission,
  type RuledPermission,
} from './permissionRules';

/**
 * The scaffolder actions templates may run when config lists none: the
 * suite's actions and the stock ones its templates use or commonly need.
 */
export const DEFAULT_SCAFFOLDER_ACTIONS: readonly string[] = [
  'ml-platform:validate',
  'ml-platform:namespace:team',
  'ml-platform:namespace:project',
  'ml-platform:mlflow:experiment',
  'ml-platform:notebook:create',
  'ml-platform:spark:job:create',
  'ml-platform:spark:cluster:create',
  'ml-platform:model:deploy',
  'catalog:register',
  'fetch:plain',
  'fetch:template',
  'publish:github',
];

const SCAFFOLDER_ACTIONS_KEY = 'mlPlatform.permissions.scaffolderActions';

/**
 * Reads the allow-list of scaffolder actions. Ids are exact: the scaffolder
 * matches them with `HAS_ACTION_ID` (equality), and the policy cannot see
 * which actions the scaffolder has, so it cannot expand a pattern.
 */
export function readScaffolderActions(config: Config): string[] {
  const actions = config.getOptionalStringArray(SCAFFOLDER_ACTIONS_KEY) ?? [
    ...DEFAULT_SCAFFOLDER_ACTIONS,
  ];
  for (const action of actions) {
    if (!/^[^\s*]+$/.test(action)) {
      throw new Error(
        `${SCAFFOLDER_ACTIONS_KEY} lists "${action}", which is not an action id: list exact ids such as fetch:template (patterns with * are not supported, and ids have no spaces)`,
      );
    }
  }
  return actions;
}

/** What the policy is built from (readAdminGroups of ml-platform-node, readScaffolderActions). */
export type MlPlatformPolicyOptions = {
  /** Entity refs of the admin groups. */
  adminGroups: readonly string[];
  /** Exact ids of the scaffolder actions a template may run. */
  scaffolderActions: readonly string[];
};

/**
 * The ML platform's policy, default-deny: a request without a user is
 * denied; a permission is decided by its rule in the table of
 * `permissionRules.ts` (platform admins hold every listed permission but
 * run only the listed scaffolder actions); any other permission is denied
 * to everyone, admins included.
 *
 * @public
 */
export class MlPlatformPermissionPolicy implements PermissionPolicy {
  readonly #adminGroups: readonly string[];
  readonly #rules: ReadonlyMap<string, RuledPermission>;

  constructor(options: MlPlatformPolicyOptions) {
    this.#adminGroups = options.adminGroups;
    this.#rules = buildRuleTable({
      scaffolderActions: options.scaffolderActions,
    });
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const known = this.#rules.get(request.permission.name);
    if (
      !user ||
      !known ||
      !isSamePermission(request.permission, known.permission)
    ) {
      return { result: AuthorizeResult.DENY };
    }
    const isAdmin = isPlatformAdmin(
      user.info.ownershipEntityRefs,
      this.#adminGroups,
    );
    return known.rule({ user, isAdmin });
  }
}
