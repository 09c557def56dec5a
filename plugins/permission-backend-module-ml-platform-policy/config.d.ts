export interface Config {
  mlPlatform?: {
    permissions?: {
      /**
       * Groups whose members are platform admins: they may create team
       * namespaces, change quotas and delete any catalog entity.
       * Entity refs, e.g. group:default/platform-admins.
       */
      adminGroups?: string[];
    };
  };
}
