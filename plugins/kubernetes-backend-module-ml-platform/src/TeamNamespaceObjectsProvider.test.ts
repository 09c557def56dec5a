import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { KubernetesObjectsProvider } from '@backstage/plugin-kubernetes-node';
import {
  TeamNamespaceObjectsProvider,
  type PlatformCluster,
} from './TeamNamespaceObjectsProvider';

const local = { name: 'local', url: 'https://127.0.0.1:16443' };
const served = { items: [{ cluster: { name: 'local' } }] } as any;

const entity = (namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'side-door',
    namespace: 'default',
    annotations: namespace
      ? { 'backstage.io/kubernetes-namespace': namespace }
      : { 'backstage.io/kubernetes-id': 'side-door' },
  },
});

const namespaceTeams: Record<string, string> = {
  'fraud-detection-scoring': 'fraud-detection',
  'recommendations-affinity': 'recommendations',
};

function setUp(groups: string[]) {
  const defaultProvider = {
    getKubernetesObjectsByEntity: jest.fn(async () => served),
    getCustomResourcesByEntity: jest.fn(async () => served),
  } satisfies KubernetesObjectsProvider;
  const labelsOf = jest.fn(async (name: string) =>
    namespaceTeams[name]
      ? { 'ml-platform.io/team': namespaceTeams[name] }
      : undefined,
  );
  const platformCluster = jest.fn(
    (): PlatformCluster => ({ cluster: local, namespaces: { labelsOf } }),
  );
  const getClustersByEntity = jest.fn(async () => ({
    clusters: [{ ...local, authMetadata: {} }],
  }));
  const provider = new TeamNamespaceObjectsProvider({
    defaultProvider,
    serviceLocator: { getClustersByEntity },
    objectTypesToFetch: [
      { group: '', apiVersion: 'v1', plural: 'pods', objectType: 'pods' },
    ],
    auth: mockServices.auth(),
    userInfo: mockServices.userInfo({
      ownershipEntityRefs: groups.map(group => `group:default/${group}`),
    }),
    adminGroups: ['group:default/platform-admins'],
    platformCluster,
    logger: mockServices.logger.mock(),
  });
  return {
    provider,
    defaultProvider,
    labelsOf,
    platformCluster,
    getClustersByEntity,
  };
}

const asUser = { credentials: mockCredentials.user('user:default/someone') };

describe('TeamNamespaceObjectsProvider', () => {
  it("serves a member their team's namespace through the default provider", async () => {
    const { provider, defaultProvider, getClustersByEntity } = setUp([
      'fraud-detection',
    ]);
    const request = { entity: entity('fraud-detection-scoring'), auth: {} };
    await expect(
      provider.getKubernetesObjectsByEntity(request, asUser),
    ).resolves.toBe(served);
    expect(defaultProvider.getKubernetesObjectsByEntity).toHaveBeenCalledWith(
      request,
      asUser,
    );
    expect(getClustersByEntity).toHaveBeenCalledWith(request.entity, {
      objectTypesToFetch: new Set([
        { group: '', apiVersion: 'v1', plural: 'pods', objectType: 'pods' },
      ]),
      customResources: [],
      credentials: asUser.credentials,
    });
  });

  it("refuses another team's namespace with a 403 naming the entity and the reason, reading nothing", async () => {
    const { provider, defaultProvider } = setUp(['recommendations']);
    const refused = provider.getKubernetesObjectsByEntity(
      { entity: entity('fraud-detection-scoring'), auth: {} },
      asUser,
    );
    await expect(refused).rejects.toThrow(NotAllowedError);
    await expect(refused).rejects.toThrow(
      'You may not read the Kubernetes objects of component:default/side-door: namespace "fraud-detection-scoring" on cluster "local" is not labelled ml-platform.io/team with one of your teams (recommendations)',
    );
    expect(defaultProvider.getKubernetesObjectsByEntity).not.toHaveBeenCalled();
  });

  it('checks custom resource queries the same way', async () => {
    const { provider, defaultProvider, getClustersByEntity } = setUp([
      'recommendations',
    ]);
    const customResources = [
      { group: '', apiVersion: 'v1', plural: 'configmaps' },
    ];
    await expect(
      provider.getCustomResourcesByEntity(
        {
          entity: entity('fraud-detection-scoring'),
          auth: {},
          customResources,
        },
        asUser,
      ),
    ).rejects.toThrow(NotAllowedError);
    expect(defaultProvider.getCustomResourcesByEntity).not.toHaveBeenCalled();
    expect(getClustersByEntity).toHaveBeenCalledWith(expect.anything(), {
      objectTypesToFetch: new Set(),
      customResources,
      credentials: asUser.credentials,
    });

    const request = {
      entity: entity('recommendations-affinity'),
      auth: {},
      customResources,
    };
    await expect(
      provider.getCustomResourcesByEntity(request, asUser),
    ).resolves.toBe(served);
    expect(defaultProvider.getCustomResourcesByEntity).toHaveBeenCalledWith(
      request,
      asUser,
    );
  });

  it('refuses an entity without a namespace without reading the cluster', async () => {
    const { provider, labelsOf } = setUp(['fraud-detection']);
    await expect(
      provider.getKubernetesObjectsByEntity(
        { entity: entity(), auth: {} },
        asUser,
      ),
    ).rejects.toThrow('it has no backstage.io/kubernetes-namespace annotation');
    expect(labelsOf).not.toHaveBeenCalled();
  });

  it('refuses a request without an entity (POST /services/:id without a body)', async () => {
    const { provider, getClustersByEntity } = setUp(['fraud-detection']);
    await expect(
      provider.getKubernetesObjectsByEntity(
        { entity: undefined as unknown as Entity, auth: {} },
        asUser,
      ),
    ).rejects.toThrow(
      'You may not read the Kubernetes objects of an unnamed entity: the request names no catalog entity',
    );
    expect(getClustersByEntity).not.toHaveBeenCalled();
  });

  it('lets platform admins through without looking at the entity or the cluster', async () => {
    const { provider, defaultProvider, platformCluster, getClustersByEntity } =
      setUp(['Platform-Admins']);
    await expect(
      provider.getKubernetesObjectsByEntity(
        { entity: entity(), auth: {} },
        asUser,
      ),
    ).resolves.toBe(served);
    expect(defaultProvider.getKubernetesObjectsByEntity).toHaveBeenCalled();
    expect(platformCluster).not.toHaveBeenCalled();
    expect(getClustersByEntity).not.toHaveBeenCalled();
  });

  it('refuses callers that are not users, who have no teams', async () => {
    const { provider, defaultProvider } = setUp(['platform-admins']);
    await expect(
      provider.getKubernetesObjectsByEntity(
        { entity: entity('fraud-detection-scoring'), auth: {} },
        { credentials: mockCredentials.service('plugin:catalog') },
      ),
    ).rejects.toThrow(
      'You may not read the Kubernetes objects of component:default/side-door: only signed-in users may, since team membership decides which namespaces are read',
    );
    expect(defaultProvider.getKubernetesObjectsByEntity).not.toHaveBeenCalled();
  });

  it('fails closed when no cluster is configured', async () => {
    const { provider, platformCluster, defaultProvider } = setUp([
      'fraud-detection',
    ]);
    platformCluster.mockImplementation(() => {
      throw new Error('No Kubernetes cluster is configured');
    });
    await expect(
      provider.getKubernetesObjectsByEntity(
        { entity: entity('fraud-detection-scoring'), auth: {} },
        asUser,
      ),
    ).rejects.toThrow('No Kubernetes cluster is configured');
    expect(defaultProvider.getKubernetesObjectsByEntity).not.toHaveBeenCalled();
  });
});
