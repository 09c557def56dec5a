import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/ml-platform',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const mlPlatformPlugin = createFrontendPlugin({
  pluginId: 'ml-platform',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
