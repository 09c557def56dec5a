export interface Config {
  mlPlatform?: {
    permissions?: {
      /**
       * Groups whose members are platform admins: they may create team
       * namespaces, change quotas and delete any catalog entity.
       * Entity refs, e.g. group:default/platform-admins.
       */
      adminGroups?: string[];
      /**
       * The scaffolder actions a template may run, for everyone (admins
       * included): exact action ids, e.g. fetch:template. Patterns such as
       * fetch:* are refused at start (the policy cannot see which actions the
       * scaffolder has). An empty list lets no template step run. Default:
       * ml-platform:validate, ml-platform:namespace:team,
       * ml-platform:namespace:project, ml-platform:mlflow:experiment,
       * ml-platform:notebook:create, ml-platform:spark:job:create,
       * ml-platform:spark:cluster:create, ml-platform:model:deploy,
       * catalog:register, fetch:plain, fetch:template, publish:github.
       */
      scaffolderActions?: string[];
    };
  };
}
