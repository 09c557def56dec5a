import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { MlPlatformClient, mlPlatformApiRef } from './api/MlPlatformClient';
import { rootRouteRef } from './routes';

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

/** The ML platform frontend plugin. @public */
export const mlPlatformPlugin = createFrontendPlugin({
  pluginId: 'ml-platform',
  extensions: [mlPlatformApi, mlPlatformPage],
  routes: { root: rootRouteRef },
});
