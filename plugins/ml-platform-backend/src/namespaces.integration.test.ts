import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
  type KubernetesObject,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import request from 'supertest';
import {
  applyObjects,
  impersonating,
  makeKubeConfig,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import { startPlatformBackend } from './__testUtils__/platformBackend';
import { waitFor } from './__testUtils__/waitFor';

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
// Team names unique to this run, so reruns never see old namespaces.
const fraud = `it-fraud-${run}`;
const recs = `it-recs-${run}`;
const empty = `it-empty-${run}`;
const race = `it-race-${run}`;
const organisation = {
  // "it": a team whose project "fraud-<run>" would take team fraud's name
  teams: [fraud, recs, empty, race, 'it'],
  members: { alice: [fraud, race, 'it'], bob: [recs] } as Record<
    string,
    string[]
  >,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

jest.setTimeout(60_000);

describe('namespaces and the team overview, against the local cluster', () => {
  let platform: LocalPlatform;
  let server: any;
  let core: CoreV1Api;
  let kubeConfig: KubeConfig;

  const namespaceExists = (name: string) =>
    core.readNamespace({ name }).then(
      () => true,
      (error: any) =>
        error.code === 404 ? false : Promise.reject(error as Error),
    );

  /** resourceVersion of every object of a namespace the suite applies, in apply order. */
  async function versionsOf(namespace: string) {
    const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    const networking = kubeConfig.makeApiClient(NetworkingV1Api);
    const objects = await Promise.all([
      core.readNamespace({ name: namespace }),
      networking.readNamespacedNetworkPolicy({
        name: 'ml-platform-isolation',
        namespace,
      }),
      core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace,
      }),
      core.readNamespacedLimitRange({
        name: 'ml-platform-defaults',
        namespace,
      }),
      core.readNamespacedServiceAccount({ name: 'spark', namespace }),
      rbac.readNamespacedRoleBinding({
        name: 'ml-platform-team-edit',
        namespace,
      }),
      rbac.readNamespacedRoleBinding({ name: 'ml-platform-admins', namespace }),
      rbac.readNamespacedRoleBinding({ name: 'ml-platform-spark', namespace }),
    ]);
    return objects.map(object => object.metadata?.resourceVersion);
  }

  /**
   * Waits until the quota controller is done with the quota: status written
   * and the object unchanged for a second (it may write status twice).
   */
  const quotaSettled = (namespace: string) => {
    let last: string | undefined;
    return waitFor(`quota status of ${namespace}`, async () => {
      const quota = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace,
      });
      const hard = JSON.stringify(quota.spec?.hard ?? {});
      const written =
        quota.status?.used && hard === JSON.stringify(quota.status?.hard ?? {});
      const version = quota.metadata?.resourceVersion;
      const stable = written && version === last;
      last = written ? version : undefined;
      if (!stable) {
        await new Promise(resolve => setTimeout(resolve, 750));
      }
      return stable ? quota : undefined;
    });
  };

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    ({ server } = await startPlatformBackend({ platform, organisation }));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    const namespaces = await core?.listNamespace({
      labelSelector: 'ml-platform.io/team',
    });
    await Promise.all(
      (namespaces?.items ?? [])
        .map(ns => ns.metadata!.name!)
        .filter(name => name.startsWith('it-') && name.includes(run))
        .map(name => core.deleteNamespace({ name }).catch(() => undefined)),
    );
  });

  describe('team namespaces', () => {
    it('a team member may not create a team namespace, and nothing is created', async () => {
      const response = await request(server)
        .put(`/api/ml-platform/teams/${fraud}/namespace`)
        .set('Authorization', as('alice'))
        .send({ size: 'small' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'Only platform admins may create team namespaces',
      );
      expect(await namespaceExists(fraud)).toBe(false);
    });

    it('a dry-run shows the objects and stores nothing', async () => {
      const response = await request(server)
        .put(`/api/ml-platform/teams/${fraud}/namespace`)
        .set('Authorization', as('erin'))
        .send({ size: 'small', dryRun: true });
      expect(response.status).toBe(200);
      expect(response.body.dryRun).toBe(true);
      expect(response.body.applied.map((a: any) => a.object)).toEqual([
        `Namespace/${fraud}`,
        'NetworkPolicy/ml-platform-isolation',
        'ResourceQuota/ml-platform-quota',
        'LimitRange/ml-platform-defaults',
        'ServiceAccount/spark',
        'RoleBinding/ml-platform-team-edit',
        'RoleBinding/ml-platform-admins',
        'RoleBinding/ml-platform-spark',
      ]);
      expect(response.body.notes[0]).toContain('does not exist yet');
      expect(await namespaceExists(fraud)).toBe(false);
    });

    it('an admin creates team namespaces; the quota is the team budget', async () => {
      for (const team of [fraud, recs]) {
        const response = await request(server)
          .put(`/api/ml-platform/teams/${team}/namespace`)
          .set('Authorization', as('erin'))
          .send({ size: 'small', quota: { cpu: '3' } });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          namespace: team,
          teamRef: `group:default/${team}`,
          dryRun: false,
          cluster: 'local',
        });
      }
      const namespace = await core.readNamespace({ name: fraud });
      expect(namespace.metadata?.labels).toMatchObject({
        'ml-platform.io/team': fraud,
      });
      const quota = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: fraud,
      });
      expect(quota.spec?.hard).toMatchObject({
        'requests.cpu': '3',
        'requests.memory': '8Gi',
        'services.loadbalancers': '0',
      });
    });
  });

  describe('project namespaces', () => {
    const project = `${fraud}-scoring`;

    it('a member of another team is denied, and nothing appears in the cluster', async () => {
      const response = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('bob'))
        .send({ name: 'scoring', size: 'small' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        `You are not a member of team "${fraud}", so you may not create or change its projects (ml-platform.project-namespace.manage)`,
      );
      expect(await namespaceExists(project)).toBe(false);
    });

    it('a member creates a project of their team', async () => {
      const response = await request(server)
        .post(
          `/api/ml-platform/teams/${encodeURIComponent(
            `group:default/${fraud}`,
          )}/projects`,
        )
        .set('Authorization', as('alice'))
        .send({ name: 'scoring', size: 'small', description: 'Scores cards' });
      expect(response.status).toBe(200);
      expect(response.body.namespace).toBe(project);
      const namespace = await core.readNamespace({ name: project });
      expect(namespace.metadata?.labels).toMatchObject({
        'ml-platform.io/team': fraud,
        'ml-platform.io/project': 'scoring',
      });
      expect(namespace.metadata?.annotations).toMatchObject({
        'ml-platform.io/description': 'Scores cards',
      });
    });

    it('a second identical run changes no resourceVersion', async () => {
      await quotaSettled(project);
      const before = await versionsOf(project);
      const response = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({ name: 'scoring', size: 'small', description: 'Scores cards' });
      expect(response.status).toBe(200);
      expect(response.body.applied.map((a: any) => a.resourceVersion)).toEqual(
        before,
      );
      expect(await versionsOf(project)).toEqual(before);
    });

    it('changed quota values update the quota in place', async () => {
      const { metadata } = await core.readNamespace({ name: project });
      const response = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({
          name: 'scoring',
          size: 'small',
          description: 'Scores cards',
          quota: { cpu: '1' },
        });
      expect(response.status).toBe(200);
      const quota = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: project,
      });
      expect(quota.spec?.hard?.['requests.cpu']).toBe('1');
      const after = await core.readNamespace({ name: project });
      expect(after.metadata?.uid).toBe(metadata?.uid);
    });

    it('project quotas cannot add up to more than the team budget', async () => {
      // budget 3 CPU; "scoring" has 1; 2 more fit, 2.5 do not
      const tooMuch = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({ name: 'training', size: 'small', quota: { cpu: '2500m' } });
      // a budget that is spent is a conflict with the team's other projects
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.error.message).toContain(
        `quota the projects of team "${fraud}" would get 3.5 CPU in total, more than the team's budget of 3 (its other projects have 1)`,
      );
      expect(await namespaceExists(`${fraud}-training`)).toBe(false);

      // memory too: two small projects need 16Gi, the budget has 8Gi
      const memory = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({ name: 'training', size: 'small', quota: { cpu: '2' } });
      expect(memory.status).toBe(409);
      expect(memory.body.error.message).toContain('16Gi memory in total');

      const fits = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({
          name: 'training',
          size: 'small',
          quota: {
            cpu: '2',
            memory: '0',
            storage: '0',
            pods: 0,
            persistentVolumeClaims: 0,
          },
        });
      expect(fits.status).toBe(200);
    });

    it('an admin cannot shrink a budget below what its projects have', async () => {
      const response = await request(server)
        .put(`/api/ml-platform/teams/${fraud}/namespace`)
        .set('Authorization', as('erin'))
        .send({ size: 'small', quota: { cpu: '2' } });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toContain(
        'already have 3 CPU, more than the new budget of 2',
      );
    });

    it('a team without a namespace has no budget for projects', async () => {
      const response = await request(server)
        .post(`/api/ml-platform/teams/${recs}x/projects`)
        .set('Authorization', as('erin'))
        .send({ name: 'p', size: 'small' });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        `team is unknown: the catalog has no group:default/${recs}x`,
      );
      const noBudget = await request(server)
        .post(`/api/ml-platform/teams/${empty}/projects`)
        .set('Authorization', as('erin'))
        .send({ name: 'p', size: 'small' });
      expect(noBudget.status).toBe(400);
      expect(noBudget.body.error.message).toContain(
        'has no team namespace yet',
      );
    });

    it('rejects bad input naming the field and the reason, creating nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ name: 'Not_DNS', size: 'small' }, 'name must consist of lower case'],
        [
          { name: 'x'.repeat(60), size: 'small' },
          'the project name may have at most',
        ],
        [
          { name: 'q1', size: 'small', quota: { cpu: 'lots' } },
          'quota.cpu "lots" is not a Kubernetes quantity',
        ],
        [
          { name: 'q2', size: 'small', quota: { memory: '1Pi' } },
          'quota.memory 1Pi is above the maximum of 256Gi memory a namespace may have',
        ],
        [{ name: 'q3', size: 'huge' }, 'size "huge" is not a size preset'],
        [
          { name: 'q4', size: 'small', quota: { cpuLimit: '1000' } },
          "quota.cpuLimit 1000 is above the maximum of twice 64 CPU a namespace's limits may have",
        ],
        [
          { name: 'q5', size: 'small', sourceLocation: 'file:///etc' },
          'sourceLocation must be an http(s) URL',
        ],
      ];
      for (const [body, message] of cases) {
        const response = await request(server)
          .post(`/api/ml-platform/teams/${fraud}/projects`)
          .set('Authorization', as('alice'))
          .send(body);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(message);
      }
      const namespaces = await core.listNamespace({
        labelSelector: `ml-platform.io/team=${fraud}`,
      });
      expect(namespaces.items.map(ns => ns.metadata?.name).sort()).toEqual([
        fraud,
        `${fraud}-scoring`,
        `${fraud}-training`,
      ]);
    });

    it('rejects a namespace that exists and belongs to another team', async () => {
      // recs-owned namespace named like a project of fraud
      await core.createNamespace({
        body: {
          metadata: {
            name: `${fraud}-taken`,
            labels: { 'ml-platform.io/team': recs },
          },
        },
      });
      const response = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({ name: 'taken', size: 'small', quota: { cpu: '0' } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        `name namespace "${fraud}-taken" already exists and belongs to team "${recs}"`,
      );
      const namespace = await core.readNamespace({ name: `${fraud}-taken` });
      expect(namespace.metadata?.labels?.['ml-platform.io/team']).toBe(recs);
    });

    it('rejects a team from another catalog namespace and a project named like another team', async () => {
      const elsewhere = await request(server)
        .post(
          `/api/ml-platform/teams/${encodeURIComponent(
            `group:other/${fraud}`,
          )}/projects`,
        )
        .set('Authorization', as('alice'))
        .send({ name: 'p', size: 'small' });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.message).toContain(
        "team must be a group in the catalog's default namespace",
      );
      const squatting = await request(server)
        .post('/api/ml-platform/teams/it/projects')
        .set('Authorization', as('alice'))
        .send({ name: `fraud-${run}`, size: 'small' });
      expect(squatting.status).toBe(400);
      expect(squatting.body.error.message).toContain(
        `name makes the namespace "${fraud}", the name of team ${fraud}'s own namespace`,
      );
      // "it" + "fraud-<run>-x" would read as project "x" of team fraud
      const prefixed = await request(server)
        .post('/api/ml-platform/teams/it/projects')
        .set('Authorization', as('alice'))
        .send({ name: `fraud-${run}-x`, size: 'small' });
      expect(prefixed.status).toBe(400);
      expect(prefixed.body.error.message).toContain(
        `name makes the namespace "${fraud}-x", which reads as a project of team "${fraud}"`,
      );
      expect(await namespaceExists(`${fraud}-x`)).toBe(false);
    });

    it('20 parallel project requests for a budget that fits 5 create exactly 5', async () => {
      const budget = {
        cpu: '5',
        memory: '5Gi',
        storage: '5Gi',
        pods: 50,
        persistentVolumeClaims: 50,
      };
      const teamNamespace = await request(server)
        .put(`/api/ml-platform/teams/${race}/namespace`)
        .set('Authorization', as('erin'))
        .send({ size: 'small', quota: budget });
      expect(teamNamespace.status).toBe(200);
      const share = {
        cpu: '1',
        memory: '1Gi',
        storage: '1Gi',
        pods: 1,
        persistentVolumeClaims: 1,
      };
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          request(server)
            .post(`/api/ml-platform/teams/${race}/projects`)
            .set('Authorization', as('alice'))
            .send({ name: `p${index}`, size: 'small', quota: share }),
        ),
      );
      const statuses = responses.map(response => response.status);
      expect(statuses.filter(status => status === 200)).toHaveLength(5);
      expect(statuses.filter(status => status === 409)).toHaveLength(15);
      for (const refused of responses.filter(r => r.status === 409)) {
        expect(refused.body.error.message).toContain(
          `the projects of team "${race}" would get 6 CPU in total, more than the team's budget of 5`,
        );
      }
      const quotas = await core.listResourceQuotaForAllNamespaces({
        labelSelector: `ml-platform.io/team=${race},ml-platform.io/project`,
      });
      expect(quotas.items).toHaveLength(5);
      const cpu = quotas.items.reduce(
        (sum, quota) => sum + Number(quota.spec?.hard?.['requests.cpu']),
        0,
      );
      expect(cpu).toBe(5);
      const namespaces = await core.listNamespace({
        labelSelector: `ml-platform.io/team=${race},ml-platform.io/project`,
      });
      expect(namespaces.items).toHaveLength(5);
    });

    it('rejects requests the OpenAPI document does not allow', async () => {
      const response = await request(server)
        .post(`/api/ml-platform/teams/${fraud}/projects`)
        .set('Authorization', as('alice'))
        .send({ name: 'x', size: 'small', replicas: 3 });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/replicas|additional/i);
    });

    it('after provisioning, a pod over the quota is rejected by the apiserver', async () => {
      const pod = (name: string) => ({
        metadata: { name },
        spec: {
          containers: [
            {
              name: 'main',
              image: 'registry.invalid/never:1',
              resources: { requests: { cpu: '800m' } },
            },
          ],
        },
      });
      await core.createNamespacedPod({ namespace: project, body: pod('a') });
      const rejected = await core
        .createNamespacedPod({ namespace: project, body: pod('b') })
        .then(
          () => undefined,
          (error: any) => error,
        );
      expect(rejected?.code).toBe(403);
      expect(String(rejected?.body)).toContain(
        'exceeded quota: ml-platform-quota',
      );
    });
  });

  describe('team overview', () => {
    it('shows each namespace of the team with quota use, workloads and warnings', async () => {
      const project = `${fraud}-scoring`;
      // a controller's pod creation beyond the quota becomes a Warning event
      await kubeConfig.makeApiClient(AppsV1Api).createNamespacedDeployment({
        namespace: project,
        body: {
          metadata: { name: 'too-big' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'too-big' } },
            template: {
              metadata: { labels: { app: 'too-big' } },
              spec: {
                containers: [
                  {
                    name: 'main',
                    image: 'registry.invalid/never:1',
                    resources: {
                      requests: { cpu: '2' },
                      limits: { cpu: '2' },
                    },
                  },
                ],
              },
            },
          },
        },
      });
      await kubeConfig
        .makeApiClient(CustomObjectsApi)
        .createNamespacedCustomObject({
          group: 'kubeflow.org',
          version: 'v1',
          plural: 'notebooks',
          namespace: project,
          body: {
            apiVersion: 'kubeflow.org/v1',
            kind: 'Notebook',
            metadata: { name: 'explore' },
            spec: {
              template: {
                spec: { containers: [{ name: 'explore', image: 'jupyter' }] },
              },
            },
          },
        });

      // the overview shares its reads for a few seconds: wait for all of it
      const overview = await waitFor(
        'the quota warning, the running notebook and the running pods',
        async () => {
          const response = await request(server)
            .get(`/api/ml-platform/teams/${fraud}/overview`)
            .set('Authorization', as('alice'));
          expect(response.status).toBe(200);
          const scoring = response.body.namespaces.find(
            (ns: any) => ns.name === project,
          );
          const running = (kind: string) =>
            scoring?.workloads.find((w: any) => w.kind === kind)?.states
              .Running;
          return scoring?.warnings.length > 0 &&
            running('Notebook') === 1 &&
            running('Pod') === 2
            ? response.body
            : undefined;
        },
      );

      expect(overview.namespaces.map((ns: any) => ns.name)).toEqual([
        fraud,
        `${fraud}-scoring`,
        `${fraud}-training`,
      ]);
      const scoring = overview.namespaces[1];
      expect(scoring).toMatchObject({
        project: 'scoring',
        description: 'Scores cards',
      });
      const cpu = scoring.quotas.find((q: any) => q.resource === 'cpu');
      // pod a's 800m and the notebook pod's 100m (the LimitRange's default)
      expect(cpu).toMatchObject({
        hard: 1,
        used: 0.9,
        hardText: '1',
        usedText: '900m',
        level: 'warning',
      });
      // the notebook-controller made the notebook's StatefulSet and pod;
      // kube-scheduler bound both pods and kwok runs them
      expect(scoring.workloads).toEqual([
        { kind: 'Pod', total: 2, states: { Running: 2 } },
        { kind: 'Notebook', total: 1, states: { Running: 1 } },
      ]);
      expect(scoring.warnings[0].message).toContain('exceeded quota');
      expect(scoring.warnings[0]).toMatchObject({
        reason: 'FailedCreate',
        summary:
          "A pod could not be created: the namespace's CPU quota is used up",
      });
      expect(scoring.warnings[0].object).toMatch(/^ReplicaSet\/too-big-/);
    });

    it('is refused to users outside the team', async () => {
      const response = await request(server)
        .get(`/api/ml-platform/teams/${fraud}/overview`)
        .set('Authorization', as('bob'));
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        `You are not a member of team "${fraud}"`,
      );
    });

    it('is empty for a team without namespaces and 404 for an unknown team', async () => {
      const none = await request(server)
        .get(`/api/ml-platform/teams/${empty}/overview`)
        .set('Authorization', as('erin'));
      expect(none.status).toBe(200);
      expect(none.body.namespaces).toEqual([]);
      const unknown = await request(server)
        .get(`/api/ml-platform/teams/nobody-${run}/overview`)
        .set('Authorization', as('erin'));
      expect(unknown.status).toBe(404);
    });
  });

  describe('Kubernetes enforces the team boundary too', () => {
    let allowAll: any;
    beforeAll(async () => {
      // the suite's policy bypassed: only Kubernetes RBAC stands in the way
      ({ server: allowAll } = await startPlatformBackend({
        platform,
        organisation,
        permissions: 'allow-all',
      }));
    }, SETUP_TIMEOUT);

    it("reads of another team's namespaces are refused by the apiserver, however fresh the reads the portal shares", async () => {
      // alice's allowed read leaves the namespaces' reads shared for 5 s
      const alice = await request(allowAll)
        .get(`/api/ml-platform/teams/${fraud}/overview`)
        .set('Authorization', as('alice'));
      expect(alice.status).toBe(200);
      expect(alice.body.namespaces.map((n: any) => n.name)).toContain(fraud);
      for (let attempt = 0; attempt < 2; attempt++) {
        const bob = await request(allowAll)
          .get(`/api/ml-platform/teams/${fraud}/overview`)
          .set('Authorization', as('bob'));
        expect(bob.status).toBe(403);
        expect(bob.body.error.message).toContain(
          'Kubernetes refused the team overview to user:default/bob:',
        );
        expect(bob.body.error.message).toContain(
          `User "user:default/bob" cannot list resource`,
        );
      }
    });

    it("a write made for a user in another team's namespace is refused by the apiserver", async () => {
      const backend = makeKubeConfig({
        name: 'local',
        url: platform.apiserverUrl,
        token: platform.backendToken,
        caData: platform.caData,
        skipTLSVerify: false,
      });
      const configMap = (namespace: string): KubernetesObject =>
        ({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `it-write-${run}`, namespace },
          data: { written: 'by the test' },
        } as KubernetesObject);
      const asBob = impersonating(backend, {
        user: 'user:default/bob',
        groups: [recs],
      });
      await expect(
        applyObjects(asBob, [configMap(fraud)]),
      ).rejects.toMatchObject({ code: 403 });
      await expect(
        applyObjects(asBob, [configMap(recs)]),
      ).resolves.toHaveLength(1);
      // the backend itself could not write there either: it holds no edit
      // right in team namespaces beyond its budget ledger
      await expect(
        applyObjects(backend, [
          { ...configMap(fraud), kind: 'Secret' } as KubernetesObject,
        ]),
      ).rejects.toMatchObject({ code: 403 });
    });
  });
});

describe('with the cluster unreachable', () => {
  it(
    'says which cluster and why',
    async () => {
      const platform = await ensureLocalPlatform({ seed: false });
      const { server } = await startPlatformBackend({
        platform,
        organisation,
        // nothing listens on port 1 of the loopback
        clusterUrl: 'https://127.0.0.1:1',
      });
      const response = await request(server)
        .get(`/api/ml-platform/teams/${fraud}/overview`)
        .set('Authorization', as('alice'));
      expect(response.status).toBe(503);
      expect(response.body.error.message).toBe(
        'Kubernetes cluster "local" at https://127.0.0.1:1 is unreachable: ECONNREFUSED',
      );
    },
    SETUP_TIMEOUT,
  );
});
