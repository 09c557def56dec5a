import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** One probe of an external system, as the backend reports it. @public */
export type ConnectionStatus = {
  component: 'kubernetes' | 'mlflow' | 'prometheus';
  endpoint?: string;
  state: 'ok' | 'down' | 'not-configured';
  detail: string;
  latencyMs?: number;
};

/** @public */
export type PlatformStatus = {
  environmentName: string;
  connections: ConnectionStatus[];
};

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
