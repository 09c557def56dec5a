import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The plugin's home page, /ml-platform: platform status. */
export const rootRouteRef = createRouteRef();

/** The My teams page, /ml-platform/teams: resources of the user's teams. */
export const teamsRouteRef = createRouteRef();
