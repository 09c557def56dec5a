import crypto from 'node:crypto';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  mintKubernetesIdentity,
  type LocalPlatform,
} from './index.ts';
import { eventually } from './__testUtils__/eventually.ts';
import { pod } from './__testUtils__/pod.ts';

/**
 * Proves the local cluster is a real one: quota controller and admission,
 * upstream CRD schemas, client-certificate authentication and RBAC.
 */

const SETUP_TIMEOUT = 30 * 60_000;
const TEST_TIMEOUT = 120_000;

type ApiFailure = { code: number; text: string };

/** Runs an API call that must fail and returns its HTTP code and the server's message. */
async function failure(call: () => Promise<unknown>): Promise<ApiFailure> {
  try {
    await call();
  } catch (err: any) {
    const body =
      typeof err.body === 'string' ? err.body : JSON.stringify(err.body ?? '');
    return { code: err.code, text: `${body} ${err.message}` };
  }
  throw new Error('expected the API call to fail, it succeeded');
}

describe('local Kubernetes', () => {
  let platform: LocalPlatform;
  let kc: KubeConfig;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;
  const namespace = `lp-test-${crypto.randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    kc = new KubeConfig();
    kc.loadFromFile(platform.kubeconfigPath);
    core = kc.makeApiClient(CoreV1Api);
    custom = kc.makeApiClient(CustomObjectsApi);
    await core.createNamespace({
      body: {
        metadata: {
          name: namespace,
          labels: { 'ml-platform.io/team': 'lp-test' },
        },
      },
    });
    // the service-account admission plugin rejects pods until the controller made the default service account
    await eventually(
      () =>
        core.readNamespacedServiceAccount({ name: 'default', namespace }).then(
          sa => sa,
          () => undefined,
        ),
      'the default service account',
    );
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    // the namespace controller finalizes the deletion
    await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
  });

  it('lets the admin token in over TLS with the platform CA', async () => {
    expect(platform.apiserverUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(kc.getCurrentUser()?.token).toBe(platform.adminToken);
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map(n => n.metadata?.name)).toContain(namespace);
  });

  it(
    'computes ResourceQuota status.used and rejects a pod beyond the quota',
    async () => {
      await core.createNamespacedResourceQuota({
        namespace,
        body: {
          metadata: { name: 'small' },
          spec: {
            hard: {
              pods: '1',
              'requests.cpu': '500m',
              'requests.memory': '256Mi',
              'limits.cpu': '1',
              'limits.memory': '512Mi',
            },
          },
        },
      });
      // status.used is written by kube-controller-manager's resourcequota controller, never by the apiserver alone
      const used = await eventually(async () => {
        const quota = await core.readNamespacedResourceQuota({
          name: 'small',
          namespace,
        });
        return quota.status?.used && 'pods' in quota.status.used
          ? quota.status.used
          : undefined;
      }, 'status.used of the quota');
      expect(used).toEqual({
        pods: '0',
        'requests.cpu': '0',
        'requests.memory': '0',
        'limits.cpu': '0',
        'limits.memory': '0',
      });

      await core.createNamespacedPod({
        namespace,
        body: pod('fits', { cpu: '400m', memory: '128Mi' }),
      });
      const afterFirst = await eventually(async () => {
        const quota = await core.readNamespacedResourceQuota({
          name: 'small',
          namespace,
        });
        return quota.status?.used?.pods === '1' ? quota.status.used : undefined;
      }, 'the quota to count the first pod');
      expect(afterFirst['requests.cpu']).toBe('400m');

      const rejected = await failure(() =>
        core.createNamespacedPod({
          namespace,
          body: pod('too-many', { cpu: '50m', memory: '32Mi' }),
        }),
      );
      expect(rejected.code).toBe(403);
      expect(rejected.text).toContain('exceeded quota: small');
      expect(rejected.text).toContain('limited: pods=1');
    },
    TEST_TIMEOUT,
  );

  it('installed the upstream CRDs and Established them', () => {
    expect(platform.crds).toEqual(
      expect.arrayContaining([
        'notebooks.kubeflow.org',
        'seldondeployments.machinelearning.seldon.io',
        'sparkconnects.sparkoperator.k8s.io',
        'sparkapplications.sparkoperator.k8s.io',
      ]),
    );
  });

  it(
    'validates a Notebook against its CRD schema',
    async () => {
      const notebook = (containers: unknown) => ({
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: containers ? 'valid-notebook' : 'invalid-notebook' },
        spec: {
          template: { spec: containers ? { containers } : { volumes: [] } },
        },
      });
      const target = {
        group: 'kubeflow.org',
        version: 'v1',
        namespace,
        plural: 'notebooks',
      };
      await custom.createNamespacedCustomObject({
        ...target,
        body: notebook([
          {
            name: 'notebook',
            image: 'kubeflownotebookswg/jupyter-scipy:v1.9.0',
          },
        ]),
      });
      const rejected = await failure(() =>
        custom.createNamespacedCustomObject({
          ...target,
          body: notebook(undefined),
        }),
      );
      expect(rejected.code).toBe(422);
      expect(rejected.text).toContain(
        'spec.template.spec.containers: Required value',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'validates a SeldonDeployment against its CRD schema, nested graph nodes included',
    async () => {
      const deployment = (childName?: string) => ({
        apiVersion: 'machinelearning.seldon.io/v1',
        kind: 'SeldonDeployment',
        metadata: {
          name: childName ? 'valid-deployment' : 'invalid-deployment',
        },
        spec: {
          predictors: [
            {
              name: 'default',
              // the Seldon operator's webhook wants a container for a
              // router without an implementation
              componentSpecs: [
                {
                  spec: {
                    containers: [
                      { name: 'router', image: 'registry.invalid/router:1' },
                    ],
                  },
                },
              ],
              graph: {
                name: 'router',
                type: 'ROUTER',
                children: [
                  childName
                    ? {
                        name: childName,
                        implementation: 'SKLEARN_SERVER',
                        modelUri: 'models:/fraud-risk-classifier@champion',
                      }
                    : { implementation: 'SKLEARN_SERVER' },
                ],
              },
            },
          ],
        },
      });
      const target = {
        group: 'machinelearning.seldon.io',
        version: 'v1',
        namespace,
        plural: 'seldondeployments',
      };
      await custom.createNamespacedCustomObject({
        ...target,
        body: deployment('classifier'),
      });
      const rejected = await failure(() =>
        custom.createNamespacedCustomObject({ ...target, body: deployment() }),
      );
      expect(rejected.code).toBe(422);
      expect(rejected.text).toContain(
        'spec.predictors[0].graph.children[0].name: Required value',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'validates a SparkConnect against its CRD schema',
    async () => {
      const target = {
        group: 'sparkoperator.k8s.io',
        version: 'v1alpha1',
        namespace,
        plural: 'sparkconnects',
      };
      await custom.createNamespacedCustomObject({
        ...target,
        body: {
          apiVersion: 'sparkoperator.k8s.io/v1alpha1',
          kind: 'SparkConnect',
          metadata: { name: 'valid-connect' },
          spec: {
            sparkVersion: '4.0.0',
            // the Spark operator's webhook wants an image
            image: 'docker.io/library/spark:4.0.0',
            server: { cores: 1 },
            executor: { instances: 2 },
          },
        },
      });
      const rejected = await failure(() =>
        custom.createNamespacedCustomObject({
          ...target,
          body: {
            apiVersion: 'sparkoperator.k8s.io/v1alpha1',
            kind: 'SparkConnect',
            metadata: { name: 'invalid-connect' },
            spec: { server: {}, executor: { instances: -1 } },
          },
        }),
      );
      // (no sparkVersion is no error any more: the Spark operator's webhook
      // defaults it before the schema is checked)
      expect(rejected.code).toBe(422);
      expect(rejected.text).toContain(
        'spec.executor.instances: Invalid value: -1',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'authenticates a minted client certificate and forbids it until RBAC allows',
    async () => {
      const user = `lp-test-user-${crypto.randomBytes(3).toString('hex')}`;
      const identity = await mintKubernetesIdentity(user, ['lp-test-group']);
      const userKc = new KubeConfig();
      userKc.loadFromFile(identity.kubeconfigPath);
      const userCore = userKc.makeApiClient(CoreV1Api);

      // 403, not 401: the certificate authenticated the user, RBAC denied the request
      const forbidden = await failure(() =>
        userCore.listNamespacedPod({ namespace }),
      );
      expect(forbidden.code).toBe(403);
      expect(forbidden.text).toContain(
        `User \\"${user}\\" cannot list resource \\"pods\\"`,
      );

      await kc
        .makeApiClient(RbacAuthorizationV1Api)
        .createNamespacedRoleBinding({
          namespace,
          body: {
            metadata: { name: 'lp-test-group-view' },
            roleRef: {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'ClusterRole',
              name: 'view',
            },
            subjects: [
              {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'Group',
                name: 'lp-test-group',
              },
            ],
          },
        });
      // the aggregated "view" role is filled by the clusterrole-aggregation controller
      const pods = await eventually(
        () =>
          userCore.listNamespacedPod({ namespace }).then(
            list => list,
            () => undefined,
          ),
        'the group RoleBinding to take effect',
      );
      expect(Array.isArray(pods.items)).toBe(true);
      // still nothing outside that namespace
      expect(
        (
          await failure(() =>
            userCore.listNamespacedPod({ namespace: 'default' }),
          )
        ).code,
      ).toBe(403);
    },
    TEST_TIMEOUT,
  );
});
