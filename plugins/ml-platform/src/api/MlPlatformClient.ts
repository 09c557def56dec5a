import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { PlatformStatus } from '@ml-platform/backstage-plugin-ml-platform-common';

export type {
  ConnectionStatus,
  PlatformStatus,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/** The ML platform backend, as the frontend sees it. @public */
export interface MlPlatformApi {
  getStatus(): Promise<PlatformStatus>;
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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('ml-platform');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
