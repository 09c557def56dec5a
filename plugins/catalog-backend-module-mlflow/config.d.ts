import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Registers every MLflow registered model as a catalog entity. The MLflow
       * server is the one configured at mlPlatform.mlflow.baseUrl.
       */
      mlflow?: {
        /** How often the full sync runs. Default: every 30 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Model tag naming the owning team. Default: ml-platform.io/team */
        ownerTag?: string;
        /** Owner of models without the owner tag. Default: group:default/platform-admins */
        defaultOwner?: string;
      };
    };
  };
}
