import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Registers every ML project namespace of the cluster named by
       * mlPlatform.kubernetes.cluster as a Component of its team.
       */
      mlPlatformProjects?: {
        /** How often the full sync runs. Default: every 5 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
