import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Welcome to the ML platform

A self-service portal for data scientists, data engineers and platform
admins: your team's Kubernetes namespaces, notebooks, Spark clusters and
model deployments next to its MLflow experiments, registered models and
metrics.

- **[ML Platform](/ml-platform)**: whether the cluster, MLflow and
  Prometheus are reachable from the portal
- **[Catalog](/catalog)**: teams, people, and every registered model
  (kind Resource, type \`ml-model\`)
- **[Create](/create)**: software templates that provision platform
  resources for your team
`;

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'Welcome',
    title: 'Start here',
    description: 'Where to find the ML platform in this portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

const homePageLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: async () => (await import('./HomePageLayout')).HomePageLayout,
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [homePageLayout, welcomeWidget],
});
