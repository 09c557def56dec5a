import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import permissionBackend from '@backstage/plugin-permission-backend';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { projectNamespaceToEntity } from '@ml-platform/backstage-plugin-catalog-backend-module-ml-projects';
import mlPlatformPolicy from '@ml-platform/backstage-plugin-permission-backend-module-ml-platform-policy';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import request from 'supertest';
import { kubernetesModuleMlPlatform } from './module';

// The issue: the stock Kubernetes backend reads with its own service account,
// so any Component naming another team's namespace was a side door into it.
// Here: the Kubernetes backend with this module, the real permission backend
// and the suite's policy, a catalog holding the teams' ML projects (made by
// the ml-projects provider's own mapping) and Components bob registered, and
// the local platform's apiserver.

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
// Team names unique to this run, so reruns never see old namespaces.
const fraud = `it-fraud-detection-${run}`; // alice's team
const recs = `it-recommendations-${run}`; // bob's team
const aliceNamespace = `${fraud}-scoring`;
const bobNamespace = `${recs}-affinity`;
const RUN_LABEL = 'it-side-door';
const organisation: Record<string, string[]> = {
  alice: [fraud],
  bob: [recs],
  erin: ['platform-admins'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

/** Ownership refs of a user: the user and their groups, as the catalog resolves them. */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const userEntityRef: string = credentials.principal.userEntityRef;
      const name = userEntityRef.replace(/^user:default\//, '');
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(organisation[name] ?? []).map(group => `group:default/${group}`),
        ],
      };
    },
  }),
});

const namespaceObject = (name: string, team: string, project?: string) => ({
  metadata: {
    name,
    labels: {
      'ml-platform.io/team': team,
      ...(project ? { 'ml-platform.io/project': project } : {}),
    },
  },
});

const aliceProject = projectNamespaceToEntity(
  namespaceObject(aliceNamespace, fraud, 'scoring'),
  'local',
)!;
const bobProject = projectNamespaceToEntity(
  namespaceObject(bobNamespace, recs, 'affinity'),
  'local',
)!;

/** A Component bob registered himself (owned by his team), annotated as he likes. */
function bobsComponent(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: `group:default/${recs}`,
    },
  };
}

/** Points at alice's project namespace. */
const sideDoor = bobsComponent(`side-door-${run}`, {
  'backstage.io/kubernetes-namespace': aliceNamespace,
  'backstage.io/kubernetes-label-selector': 'ml-platform.io/project=scoring',
});
/** No namespace: the plugin would search all namespaces by label selector. */
const everywhere = bobsComponent(`everywhere-${run}`, {
  'backstage.io/kubernetes-label-selector': `${RUN_LABEL}=${run}`,
});
/** His own namespace, but on a cluster the platform does not know. */
const elsewhere = bobsComponent(`elsewhere-${run}`, {
  'backstage.io/kubernetes-namespace': bobNamespace,
  'backstage.io/kubernetes-cluster': 'other',
});

type Route = 'services' | 'workloads' | 'custom' | 'action';
const ROUTES: Route[] = ['services', 'workloads', 'custom', 'action'];

jest.setTimeout(60_000);

describe('no reading through a side door: the Kubernetes plugin with this module, on the local cluster', () => {
  let platform: LocalPlatform;
  let core: CoreV1Api;
  let server: any;

  /** Asks the Kubernetes plugin for an entity's objects through one of its routes. */
  function read(route: Route, user: string, entity: Entity) {
    const entityRef = stringifyEntityRef(entity);
    const post = (path: string) =>
      request(server)
        .post(`/api/kubernetes${path}`)
        .set('Authorization', as(user));
    switch (route) {
      case 'services':
        return post(`/services/${entity.metadata.name}`).send({
          entity,
          auth: {},
        });
      case 'workloads':
        return post('/resources/workloads/query').send({
          entityRef,
          auth: {},
        });
      case 'custom':
        return post('/resources/custom/query').send({
          entityRef,
          auth: {},
          customResources: [
            { group: '', apiVersion: 'v1', plural: 'pods' },
            { group: '', apiVersion: 'v1', plural: 'configmaps' },
          ],
        });
      default:
        return post(
          '/.backstage/actions/v1/actions/kubernetes:get-kubernetes-resources-for-entity/invoke',
        ).send({ name: entity.metadata.name, namespace: 'default' });
    }
  }

  /** "namespace/name" of the served objects of a kind, sorted. */
  function served(body: any, kind: 'Pod' | 'ConfigMap'): string[] {
    const items: any[] = (body?.output ?? body)?.items ?? [];
    const type = kind === 'Pod' ? 'pods' : 'configmaps';
    return items
      .flatMap(item => item.resources ?? [])
      .filter(
        (group: any) => group.type === type || group.type === 'customresources',
      )
      .flatMap((group: any) =>
        (group.resources ?? []).filter(
          (object: any) => group.type === type || object.kind === kind,
        ),
      )
      .map(
        (object: any) => `${object.metadata.namespace}/${object.metadata.name}`,
      )
      .sort();
  }

  async function waitForDefaultServiceAccount(namespace: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = await core
        .readNamespacedServiceAccount({ name: 'default', namespace })
        .then(
          () => true,
          (error: any) =>
            error.code === 404 ? false : Promise.reject(error as Error),
        );
      if (found) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `namespace ${namespace} never got its default service account`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  async function createPod(namespace: string, name: string, project: string) {
    await waitForDefaultServiceAccount(namespace);
    await core.createNamespacedPod({
      namespace,
      body: {
        metadata: {
          name,
          labels: { 'ml-platform.io/project': project, [RUN_LABEL]: run },
        },
        spec: {
          containers: [{ name: 'main', image: 'registry.invalid/never:1' }],
        },
      },
    });
  }

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);

    for (const body of [
      namespaceObject(fraud, fraud),
      namespaceObject(aliceNamespace, fraud, 'scoring'),
      namespaceObject(recs, recs),
      namespaceObject(bobNamespace, recs, 'affinity'),
    ]) {
      await core.createNamespace({ body });
    }
    await createPod(aliceNamespace, 'scoring-0', 'scoring');
    await core.createNamespacedConfigMap({
      namespace: aliceNamespace,
      body: {
        metadata: {
          name: 'scoring-settings',
          labels: { 'ml-platform.io/project': 'scoring' },
        },
        data: { threshold: '0.93' },
      },
    });
    await createPod(bobNamespace, 'affinity-0', 'affinity');

    ({ server } = await startTestBackend({
      features: [
        kubernetesBackend,
        kubernetesModuleMlPlatform,
        permissionBackend,
        mlPlatformPolicy,
        permissionsServiceFactory,
        userInfoFactory,
        catalogServiceMock.factory({
          entities: [aliceProject, bobProject, sideDoor, everywhere, elsewhere],
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'local',
                      url: platform.apiserverUrl,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: platform.backendToken,
                      caData: platform.caData,
                      skipMetricsLookup: true,
                    },
                  ],
                },
              ],
            },
            mlPlatform: {
              permissions: { adminGroups: ['group:default/platform-admins'] },
            },
          },
        }),
      ],
    }));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await Promise.all(
      [fraud, aliceNamespace, recs, bobNamespace].map(name =>
        core?.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
  });

  describe('bob (team recommendations)', () => {
    it.each(ROUTES)(
      "is refused alice's namespace through a Component he registered (%s)",
      async route => {
        const response = await read(route, 'bob', sideDoor);
        expect(response.status).toBe(403);
        expect(response.body.error.message).toBe(
          `You may not read the Kubernetes objects of ${stringifyEntityRef(
            sideDoor,
          )}: namespace "${aliceNamespace}" on cluster "local" is not labelled ml-platform.io/team with one of your teams (${recs})`,
        );
        expect(JSON.stringify(response.body)).not.toContain('scoring-0');
      },
    );

    it.each(ROUTES)(
      "is refused alice's own ML project entity (%s)",
      async route => {
        const response = await read(route, 'bob', aliceProject);
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          `namespace "${aliceNamespace}" on cluster "local" is not labelled ml-platform.io/team with one of your teams`,
        );
      },
    );

    it('is refused an entity without a namespace, which would search every namespace', async () => {
      for (const route of ROUTES) {
        const response = await read(route, 'bob', everywhere);
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain(
          'it has no backstage.io/kubernetes-namespace annotation, so the Kubernetes plugin would search every namespace',
        );
        expect(JSON.stringify(response.body)).not.toContain('scoring-0');
      }
    });

    it('is refused an entity naming another cluster', async () => {
      const response = await read('workloads', 'bob', elsewhere);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'its backstage.io/kubernetes-cluster annotation names cluster "other"',
      );
    });

    it('is refused the proxy, which the policy keeps for admins', async () => {
      const response = await request(server)
        .get(`/api/kubernetes/proxy/api/v1/namespaces/${aliceNamespace}/pods`)
        .set('Authorization', as('bob'))
        .set('Backstage-Kubernetes-Cluster', 'local');
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('scoring-0');
    });

    it("still sees his own project's pods", async () => {
      for (const route of ROUTES) {
        const response = await read(route, 'bob', bobProject);
        expect(response.status).toBe(200);
        expect(served(response.body, 'Pod')).toEqual([
          `${bobNamespace}/affinity-0`,
        ]);
      }
    });
  });

  describe('alice (team fraud-detection)', () => {
    it.each(ROUTES)('sees her project’s pods (%s)', async route => {
      const response = await read(route, 'alice', aliceProject);
      expect(response.status).toBe(200);
      expect(served(response.body, 'Pod')).toEqual([
        `${aliceNamespace}/scoring-0`,
      ]);
      expect(served(response.body, 'ConfigMap')).toEqual([
        `${aliceNamespace}/scoring-settings`,
      ]);
    });

    it('is refused bob’s namespace', async () => {
      const response = await read('services', 'alice', bobProject);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        `namespace "${bobNamespace}" on cluster "local" is not labelled ml-platform.io/team with one of your teams (${fraud})`,
      );
    });
  });

  describe('erin (platform admin)', () => {
    it('sees every namespace, also through entities others registered', async () => {
      const sideDoorRead = await read('workloads', 'erin', sideDoor);
      expect(sideDoorRead.status).toBe(200);
      expect(served(sideDoorRead.body, 'Pod')).toEqual([
        `${aliceNamespace}/scoring-0`,
      ]);

      const everywhereRead = await read('services', 'erin', everywhere);
      expect(everywhereRead.status).toBe(200);
      expect(served(everywhereRead.body, 'Pod')).toEqual([
        `${aliceNamespace}/scoring-0`,
        `${bobNamespace}/affinity-0`,
      ]);

      const proxied = await request(server)
        .get(`/api/kubernetes/proxy/api/v1/namespaces/${aliceNamespace}/pods`)
        .set('Authorization', as('erin'))
        .set('Backstage-Kubernetes-Cluster', 'local');
      expect(proxied.status).toBe(200);
      expect(proxied.body.items.map((pod: any) => pod.metadata.name)).toEqual([
        'scoring-0',
      ]);
    });
  });
});
