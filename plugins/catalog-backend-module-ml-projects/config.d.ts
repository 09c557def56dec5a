import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Registers every ML project namespace of the cluster named by
       * mlPlatform.kubernetes.cluster as a Component of its team, and every
       * model deployment (SeldonDeployment) the suite made there as a
       * Component of type model-deployment, both on this schedule.
       */
      mlPlatformProjects?: {
        /** How often the full sync runs. Default: every 5 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
