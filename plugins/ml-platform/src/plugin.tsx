import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { MlPlatformClient, mlPlatformApiRef } from './api/MlPlatformClient';
import { rootRouteRef, teamsRouteRef } from './routes';

export const mlPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlPlatformClient({ discoveryApi, fetchApi }),
    }),
});

export const mlPlatformPage = PageBlueprint.make({
  params: {
    path: '/ml-platform',
    title: 'ML Platform',
    icon: <ScatterPlotIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/MlPlatformPage').then(m => <m.MlPlatformPage />),
  },
});

/**
 * A page of its own rather than a sub-page: sub-pages would turn /ml-platform
 * into a redirect to its first tab. Without an icon it gets no sidebar item.
 */
export const myTeamsPage = PageBlueprint.make({
  name: 'teams',
  params: {
    path: '/ml-platform/teams',
    title: 'My teams',
    routeRef: teamsRouteRef,
    loader: () => import('./components/MyTeams').then(m => <m.MyTeamsPage />),
  },
});

/** The "Resources" tab of Group entity pages. */
export const teamResourcesEntityContent = EntityContentBlueprint.make({
  name: 'resources',
  params: {
    path: 'resources',
    title: 'Resources',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/TeamResourceOverview').then(m => (
        <m.EntityTeamResourcesContent />
      )),
  },
});

/** The ML platform frontend plugin. @public */
export const mlPlatformPlugin = createFrontendPlugin({
  pluginId: 'ml-platform',
  extensions: [
    mlPlatformApi,
    mlPlatformPage,
    myTeamsPage,
    teamResourcesEntityContent,
  ],
  routes: { root: rootRouteRef, teams: teamsRouteRef },
});
