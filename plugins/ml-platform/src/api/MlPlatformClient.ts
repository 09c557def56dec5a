import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  PlatformStatus,
  TeamOverview,
} from '@ml-platform/backstage-plugin-ml-platform-common';

export type {
  ConnectionStatus,
  PlatformStatus,
  TeamOverview,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The ML platform backend, as the frontend sees it. @public */
export interface MlPlatformApi {
  getStatus(): Promise<PlatformStatus>;
  /**
   * The resource overview of a team (a group in the catalog's default
   * namespace). Rejects with a ResponseError: 403 when the user may not see
   * the team, 404 for an unknown team, 503 when the cluster is unreachable
   * (the message names the cluster and the reason).
   */
  getTeamOverview(team: string): Promise<TeamOverview>;
}

/** @public */
export const mlPlatformApiRef = createApiRef<MlPlatformApi>({
  id: 'plugin.ml-platform.api',
});

/** Talks to the ml-platform backend plugin with the signed-in user's token. @public */
export class MlPlatformClient implements MlPlatformApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getStatus(): Promise<PlatformStatus> {
    return this.get<PlatformStatus>('/status');
  }

  async getTeamOverview(team: string): Promise<TeamOverview> {
    return this.get<TeamOverview>(
      `/teams/${encodeURIComponent(team)}/overview`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('ml-platform');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
