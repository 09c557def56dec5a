import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Registers every MLflow registered model as a catalog entity. The MLflow
       * server is the one configured at mlPlatform.mlflow.baseUrl; the owner
       * tag and default owner are mlPlatform.mlflow.ownerTag and
       * mlPlatform.mlflow.defaultOwner, shared with the ml-platform backend.
       */
      mlflow?: {
        /** How often the full sync runs. Default: every 30 minutes, timeout 10 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * How often the incremental poll runs (models updated since the last
         * poll, newest first). Default: every minute, timeout 1 minute, first
         * run a minute after start.
         */
        deltaSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * MLflow model registry webhooks, received by the events backend at
         * POST /api/events/http/mlflow.model-registry. Off unless a secret is set.
         */
        webhook?: {
          /**
           * The secret the MLflow webhook was created with (at least 16
           * characters). Calls without a valid X-MLflow-Signature made with
           * it, or with a timestamp more than 5 minutes off, are refused.
           * @visibility secret
           */
          secret?: string;
        };
      };
    };
  };
}
