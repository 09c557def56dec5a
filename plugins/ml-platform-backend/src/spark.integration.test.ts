import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import request from 'supertest';
import { startPlatformBackend } from './__testUtils__/platformBackend';
import { waitFor } from './__testUtils__/waitFor';

/**
 * Spark through the suite's routes, against the local platform's real
 * apiserver, quota admission, scheduler and Kubeflow Spark operator v2.5.2
 * (controller, webhook and spark-submit from pyspark). Driver pods run on
 * kwok nodes and end as kwok/stages/spark.yaml says: after the
 * `kwok.ml-platform.io/run-for` annotation (10 s by default), failing with
 * `kwok.ml-platform.io/exit-code` when asked. The tests set those through
 * Spark's own `spark.kubernetes.driver.annotation.*` conf, allowed here.
 */

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
const team = `it-sp-${run}`;
const other = `it-spo-${run}`;
const project = `${team}-etl`;
const organisation = {
  teams: [team, other],
  members: { alice: [team], bob: [other] } as Record<string, string[]>,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const GROUP = 'sparkoperator.k8s.io';
const APPS = { group: GROUP, version: 'v1beta2', plural: 'sparkapplications' };
const RUN_FOR =
  'spark.kubernetes.driver.annotation.kwok.ml-platform.io/run-for';
const EXIT_CODE =
  'spark.kubernetes.driver.annotation.kwok.ml-platform.io/exit-code';

const eventually = <T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs = 150_000,
) => waitFor(what, read, timeoutMs);

jest.setTimeout(300_000);

/** SparkPi from the Spark image, as the operator's examples run it. */
const sparkPi = (name: string, conf: Record<string, string> = {}) => ({
  name,
  type: 'Scala',
  sparkVersion: '4.0.1',
  mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
  mainClass: 'org.apache.spark.examples.SparkPi',
  arguments: ['100'],
  driver: { cores: 1, memory: '512m' },
  executor: { instances: 1, cores: 1, memory: '512m' },
  sparkConf: conf,
});

describe('Spark on the workload path, against the local platform', () => {
  let platform: LocalPlatform;
  let server: any;
  let apacheServer: any;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;

  const api = (path: string) => `/api/ml-platform${path}`;
  const post = (user: string, path: string, body: object = {}) =>
    request(server).post(api(path)).set('Authorization', as(user)).send(body);
  const get = (user: string, path: string) =>
    request(server).get(api(path)).set('Authorization', as(user));
  const jobState = (name: string, states: string[]) =>
    eventually(`job ${name} ${states.join(' or ')}`, async () => {
      const response = await get(
        'alice',
        `/namespaces/${project}/spark/jobs/${name}`,
      );
      return states.includes(response.body.state) ? response.body : undefined;
    });
  const applicationExists = (name: string) =>
    custom
      .getNamespacedCustomObject({ ...APPS, namespace: project, name })
      .then(
        () => true,
        (error: any) => (error.code === 404 ? false : Promise.reject(error)),
      );

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const spark = {
      gatewayUrl: 'http://gateway.test',
      historyServerUrl: 'http://history.test',
      connectUrlPattern:
        'sc://spark.gateway.test:443/;use_ssl=true;x-name={namespace}/{name}',
      allowedConfKeys: ['spark.sql.shuffle.partitions', RUN_FOR, EXIT_CODE],
    };
    ({ server } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: { spark },
    }));
    ({ server: apacheServer } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: { spark: { ...spark, backend: 'apache' } },
    }));
    for (const name of [team, other]) {
      const response = await request(server)
        .put(api(`/teams/${name}/namespace`))
        .set('Authorization', as('erin'))
        .send({ size: 'medium' });
      if (response.status !== 200) {
        throw new Error(
          `setup: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
    }
    const response = await post('alice', `/teams/${team}/projects`, {
      name: 'etl',
      size: 'small',
      quota: { cpu: '4', memory: '8Gi' },
    });
    if (response.status !== 200) {
      throw new Error(
        `setup: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    await eventually('the project quota status', async () => {
      const quota = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: project,
      });
      return quota.status?.used ? quota : undefined;
    });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await Promise.all(
      [project, team, other].map(name =>
        core?.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
  });

  it('offers the configured versions, prefixes and conf keys', async () => {
    const response = await get('alice', '/spark/options');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      backend: 'kubeflow',
      versions: [{ version: '4.0.1', image: 'docker.io/library/spark:4.0.1' }],
      historyServerUrl: 'http://history.test',
    });
    expect(response.body.allowedConfKeys).toContain(RUN_FOR);
  });

  it('creates a schedule with its time zone and policy, and says when it runs next', async () => {
    const created = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('nightly', { [RUN_FOR]: '2s' }),
      schedule: {
        cron: '* * * * *',
        timeZone: 'Europe/Berlin',
        concurrencyPolicy: 'Forbid',
        successfulRunHistoryLimit: 1,
        failedRunHistoryLimit: 1,
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.kind).toBe('ScheduledSparkApplication');
    expect(created.body.nextRuns).toHaveLength(3);
    expect(
      Date.parse(created.body.nextRuns[1]) -
        Date.parse(created.body.nextRuns[0]),
    ).toBe(60_000);
    const scheduled = await eventually(
      'schedule nightly Scheduled',
      async () => {
        const response = await get(
          'alice',
          `/namespaces/${project}/spark/schedules/nightly`,
        );
        return response.body.state === 'Scheduled' ? response.body : undefined;
      },
    );
    expect(scheduled).toMatchObject({
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      suspended: false,
      historyLimits: { successful: 1, failed: 1 },
      nextRun: expect.any(String),
    });
    // the operator's next run is the suite's first
    expect(Date.parse(scheduled.nextRun)).toBe(
      Date.parse(created.body.nextRuns[0]),
    );
  });

  it('runs a job to COMPLETED: attempts, times, the driver sized as Spark sizes it, its UI while it runs, then the history link', async () => {
    const created = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('pi', { [RUN_FOR]: '20s' }),
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      kind: 'SparkApplication',
      applied: [{ object: 'SparkApplication/pi' }],
      uiUrl: `http://gateway.test/spark/${project}/pi/`,
    });
    const running = await jobState('pi', ['RUNNING']);
    expect(running.ui).toMatchObject({
      url: `http://gateway.test/spark/${project}/pi/`,
      service: expect.stringMatching(/-ui-svc:4040$/),
    });
    expect(running.driver).toMatchObject({
      name: 'pi-driver',
      phase: 'Running',
      node: expect.stringMatching(/^kwok-/),
    });
    // the quota check counts what spark-submit makes: heap plus Spark's overhead
    const driver = await core.readNamespacedPod({
      name: 'pi-driver',
      namespace: project,
    });
    expect(driver.spec?.containers[0].resources?.requests).toMatchObject({
      cpu: '1',
      memory: '896Mi',
    });
    const done = await jobState('pi', ['COMPLETED']);
    expect(done).toMatchObject({
      team,
      project: 'etl',
      createdBy: 'user:default/alice',
      submissionAttempts: 1,
      executionAttempts: 1,
      submittedAt: expect.any(String),
      endedAt: expect.any(String),
      driver: { name: 'pi-driver', phase: 'Succeeded' },
    });
    expect(done.ui.url).toBeUndefined();
    expect(done.ui.note).toMatch(/ended with the driver/);
    expect(done.ui.historyUrl).toMatch(
      /^http:\/\/history\.test\/history\/spark-/,
    );
    // the timeline of its attempts: the operator's and the scheduler's events
    const reasons = await eventually('the driver completed event', async () => {
      const response = await get(
        'alice',
        `/namespaces/${project}/spark/jobs/pi`,
      );
      const seen = response.body.timeline.map((entry: any) => entry.reason);
      return seen.includes('SparkDriverCompleted') ? seen : undefined;
    });
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Scheduled',
        'SparkApplicationSubmitted',
        'SparkDriverRunning',
        'SparkDriverCompleted',
      ]),
    );
    // oldest first: the driver is scheduled, submitted, runs, completes
    expect(reasons.indexOf('SparkApplicationSubmitted')).toBeLessThan(
      reasons.indexOf('SparkDriverCompleted'),
    );
  });

  it('runs a finished job again from the same spec, and refuses to re-run one still running', async () => {
    const rerun = await post(
      'alice',
      `/namespaces/${project}/spark/jobs/pi/rerun`,
    );
    expect(rerun.status).toBe(200);
    expect(rerun.body.name).toBe('pi-rerun-1');
    const original = (await custom.getNamespacedCustomObject({
      ...APPS,
      namespace: project,
      name: 'pi',
    })) as any;
    const copy = (await custom.getNamespacedCustomObject({
      ...APPS,
      namespace: project,
      name: 'pi-rerun-1',
    })) as any;
    expect(copy.spec).toEqual(original.spec);
    expect(copy.metadata.annotations['ml-platform.io/rerun-of']).toBe('pi');
    const again = await post(
      'alice',
      `/namespaces/${project}/spark/jobs/pi-rerun-1/rerun`,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /is (NEW|SUBMITTED|RUNNING): only a finished job/,
    );
  });

  it("shows a failing job FAILED with the operator's message", async () => {
    const created = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('pi-fails', { [RUN_FOR]: '2s', [EXIT_CODE]: '3' }),
    });
    expect(created.status).toBe(200);
    const failed = await jobState('pi-fails', ['FAILED']);
    expect(failed.reason).toMatch(
      /driver container failed with ExitCode: 3, Reason: Error/,
    );
    expect(failed.driver).toMatchObject({ phase: 'Failed' });
    const list = await get('alice', `/namespaces/${project}/spark`);
    expect(
      list.body.jobs.find((job: any) => job.name === 'pi-fails').reason,
    ).toBe(failed.reason);
  });

  it('refuses a job over the free quota before submitting anything, saying what is short', async () => {
    const response = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('too-big'),
      executor: { instances: 4, cores: 1, memory: '512m' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(
      /does not fit in the quota of namespace .*CPU/i,
    );
    expect(await applicationExists('too-big')).toBe(false);
    // with dynamic allocation, the most it may start is what counts
    const dynamic = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('too-big'),
      dynamicAllocation: { minExecutors: 1, maxExecutors: 8 },
    });
    expect(dynamic.status).toBe(409);
    expect(await applicationExists('too-big')).toBe(false);
  });

  it('refuses bad input naming the field, and creates nothing', async () => {
    const response = await post('alice', `/namespaces/${project}/spark/jobs`, {
      ...sparkPi('bad-input', {
        'spark.kubernetes.authenticate.driver.serviceAccountName': 'default',
      }),
      mainApplicationFile: 'file:///etc/passwd.jar',
      driver: { cores: 1, memory: 'lots' },
      schedule: { cron: '0 2 * *' },
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toMatch(
      /mainApplicationFile "file:\/\/\/etc\/passwd.jar" is not under an allowed location/,
    );
    expect(message).toMatch(/driver\.memory "lots" is not a Spark memory size/);
    expect(message).toMatch(
      /sparkConf\.spark\.kubernetes\.authenticate\.driver\.serviceAccountName is not an allowed Spark conf key/,
    );
    expect(message).toMatch(/schedule\.cron has 4 fields/);
    expect(await applicationExists('bad-input')).toBe(false);
  });

  it('turns a Spark Connect cluster Ready with the right connection strings', async () => {
    const created = await post(
      'alice',
      `/namespaces/${project}/spark/clusters`,
      {
        name: 'analysts',
        sparkVersion: '4.0.1',
        server: { cores: 1, memory: '512m' },
        executor: { instances: 0, cores: 1, memory: '512m' },
      },
    );
    expect(created.status).toBe(200);
    expect(created.body.connection).toMatchObject({
      inCluster: `sc://analysts-server.${project}.svc.cluster.local:15002`,
      gateway: `sc://spark.gateway.test:443/;use_ssl=true;x-name=${project}/analysts`,
    });
    expect(created.body.connection.pyspark).toMatch(
      /SparkSession\.builder\.remote\("sc:\/\/spark\.gateway\.test/,
    );
    const ready = await eventually('cluster analysts Ready', async () => {
      const response = await get(
        'alice',
        `/namespaces/${project}/spark/clusters/analysts`,
      );
      return response.body.state === 'Ready' ? response.body : undefined;
    });
    expect(ready.server).toMatchObject({
      name: 'analysts-server',
      phase: 'Running',
      service: 'analysts-server',
    });
    const service = await core.readNamespacedService({
      name: 'analysts-server',
      namespace: project,
    });
    expect(service.spec?.ports?.map(port => port.port)).toContain(15002);
    // the server pod asks for what the quota check counted
    const pod = await core.readNamespacedPod({
      name: 'analysts-server',
      namespace: project,
    });
    expect(
      pod.spec?.containers.find(c => c.name === 'spark-kubernetes-driver')
        ?.resources?.requests,
    ).toMatchObject({ cpu: '1', memory: '896Mi' });
  });

  it("keeps another team's Spark invisible and untouchable", async () => {
    expect((await get('bob', `/namespaces/${project}/spark`)).status).toBe(403);
    expect((await get('bob', `/teams/${team}/spark`)).status).toBe(403);
    const own = await get('bob', `/teams/${other}/spark`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ clusters: [], jobs: [], schedules: [] });
    for (const [method, path] of [
      ['get', `/namespaces/${project}/spark/jobs/pi`],
      ['post', `/namespaces/${project}/spark/jobs/pi/rerun`],
      ['post', `/namespaces/${project}/spark/schedules/nightly/suspend`],
      ['delete', `/namespaces/${project}/spark/clusters/analysts`],
      ['post', `/namespaces/${project}/spark/jobs`],
    ] as const) {
      const response = await request(server)
        [method](api(path))
        .set('Authorization', as('bob'))
        .send(method === 'post' ? sparkPi('intruder') : undefined);
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
    expect(await applicationExists('intruder')).toBe(false);
    const teamView = await get('alice', `/teams/${team}/spark`);
    expect(teamView.body.jobs.map((job: any) => job.name)).toEqual(
      expect.arrayContaining(['pi', 'pi-fails']),
    );
  });

  it("refuses a job in a namespace without the drivers' service account, and the namespace template mends it", async () => {
    await core.deleteNamespacedServiceAccount({
      name: 'spark',
      namespace: team,
    });
    const refused = await post(
      'alice',
      `/namespaces/${team}/spark/jobs`,
      sparkPi('pi'),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /lacks what the Spark job needs, so nothing was created: ServiceAccount "spark" \(the Spark pods run as it/,
    );
    const mended = await request(server)
      .put(api(`/teams/${team}/namespace`))
      .set('Authorization', as('erin'))
      .send({ size: 'medium' });
    expect(mended.status).toBe(200);
    const accepted = await post('alice', `/namespaces/${team}/spark/jobs`, {
      ...sparkPi('pi'),
      dryRun: true,
    });
    expect(accepted.status).toBe(200);
  });

  it("renders Apache's SparkCluster when that is the backend, validated by its real CRD", async () => {
    const body = {
      name: 'standalone',
      sparkVersion: '4.0.1',
      server: { cores: 1, memory: '512m' },
      executor: { instances: 1, cores: 1, memory: '512m' },
    };
    const created = await request(apacheServer)
      .post(api(`/namespaces/${project}/spark/clusters`))
      .set('Authorization', as('alice'))
      .send(body);
    expect(created.status).toBe(200);
    expect(created.body.applied).toEqual([
      expect.objectContaining({ object: 'SparkCluster/standalone' }),
    ]);
    const read = await request(apacheServer)
      .get(api(`/namespaces/${project}/spark/clusters/standalone`))
      .set('Authorization', as('alice'));
    expect(read.body).toMatchObject({
      backend: 'apache',
      state: 'New',
      reason: expect.stringMatching(/spark-kubernetes-operator/),
    });
    expect(read.body.connection).toBeUndefined();
  });

  it('runs the schedule on the minute and keeps its history limit; suspend and resume', async () => {
    const schedulePath = `/namespaces/${project}/spark/schedules/nightly`;
    const SCHEDULED = {
      group: GROUP,
      version: 'v1beta2',
      plural: 'scheduledsparkapplications',
    };
    // the operator keeps one successful run: the first goes once a second has succeeded
    const seen: string[] = [];
    await eventually(
      'a second successful run, and the first deleted',
      async () => {
        const object = (await custom.getNamespacedCustomObject({
          ...SCHEDULED,
          namespace: project,
          name: 'nightly',
        })) as any;
        const past: string[] = object.status?.pastSuccessfulRunNames ?? [];
        for (const name of [object.status?.lastRunName, ...past]) {
          if (name && !seen.includes(name)) {
            seen.push(name);
          }
        }
        return seen.length >= 2 &&
          past.length === 1 &&
          past[0] !== seen[0] &&
          !(await applicationExists(seen[0]))
          ? object
          : undefined;
      },
      240_000,
    );
    const schedule = (await get('alice', schedulePath)).body;
    expect(schedule.lastRun).toEqual(expect.any(String));
    expect(schedule.history.map((entry: any) => entry.name)).not.toContain(
      seen[0],
    );
    expect(
      schedule.history.filter((entry: any) => entry.outcome === 'Succeeded')
        .length,
    ).toBeGreaterThanOrEqual(1);
    const list = await get('alice', `/namespaces/${project}/spark`);
    expect(
      list.body.jobs.filter((job: any) => job.schedule === 'nightly').length,
    ).toBeGreaterThanOrEqual(1);
    const suspended = await post('alice', `${schedulePath}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      state: 'Suspended',
      suspended: true,
    });
    expect(suspended.body.nextRun).toBeUndefined();
    const resumed = await post('alice', `${schedulePath}/resume`);
    expect(resumed.body).toMatchObject({
      state: 'Scheduled',
      suspended: false,
    });
  });

  it('deletes a job, a schedule with its runs, and a cluster', async () => {
    for (const [group, name] of [
      ['jobs', 'pi-fails'],
      ['schedules', 'nightly'],
      ['clusters', 'analysts'],
    ]) {
      const response = await request(server)
        .delete(api(`/namespaces/${project}/spark/${group}/${name}`))
        .set('Authorization', as('alice'));
      expect(response.status).toBe(200);
      expect(response.body.deleted).toHaveLength(1);
    }
    const list = await get('alice', `/namespaces/${project}/spark`);
    expect(list.body.clusters.map((c: any) => c.name)).not.toContain(
      'analysts',
    );
    expect(list.body.schedules).toEqual([]);
    expect(list.body.jobs.map((job: any) => job.name)).not.toContain(
      'pi-fails',
    );
  });
});
