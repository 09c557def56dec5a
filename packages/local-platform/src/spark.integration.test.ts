import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { eventually } from './__testUtils__/eventually.ts';
import { useTestNamespace } from './__testUtils__/testNamespace.ts';

/**
 * Kubeflow's Spark operator v2.5.2, built from its pinned source and run by
 * `up` as itself (controller and webhook), with spark-submit from pyspark: a SparkApplication is
 * submitted for real (driver pod and UI service made by spark-submit), its
 * driver runs on a kwok node and ends as kwok/stages/spark.yaml says, and
 * the operator reports each state from what it sees.
 */

jest.setTimeout(180_000);

const GROUP = 'sparkoperator.k8s.io';
const APPS = { group: GROUP, version: 'v1beta2', plural: 'sparkapplications' };
const SCHEDULED = {
  group: GROUP,
  version: 'v1beta2',
  plural: 'scheduledsparkapplications',
};
const CONNECTS = { group: GROUP, version: 'v1alpha1', plural: 'sparkconnects' };

type SparkApplication = {
  status?: {
    applicationState?: { state?: string; errorMessage?: string };
    driverInfo?: { podName?: string; webUIServiceName?: string };
  };
};

/** SparkPi from the Spark image, as in the operator's examples. */
function sparkPi(driverAnnotations: Record<string, string>) {
  return {
    type: 'Scala',
    mode: 'cluster',
    image: 'docker.io/library/spark:4.0.1',
    mainClass: 'org.apache.spark.examples.SparkPi',
    mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
    sparkVersion: '4.0.1',
    driver: {
      cores: 1,
      memory: '512m',
      serviceAccount: 'spark',
      annotations: driverAnnotations,
    },
    executor: { instances: 1, cores: 1, memory: '512m' },
  };
}

describe('the Spark operator on the local platform', () => {
  let core: CoreV1Api;
  let custom: CustomObjectsApi;
  const { namespace, kubeConfig } = useTestNamespace('lp-spark');

  const application = (name: string) =>
    custom.getNamespacedCustomObject({
      ...APPS,
      namespace,
      name,
    }) as Promise<SparkApplication>;

  /** The states the operator reported, in order, until `final`. */
  const statesUntil = async (name: string, final: string) => {
    const seen: string[] = [];
    const app = await eventually(
      async () => {
        const current = await application(name);
        const state = current.status?.applicationState?.state;
        if (state && seen[seen.length - 1] !== state) {
          seen.push(state);
        }
        return state === final ? current : undefined;
      },
      `SparkApplication ${name} ${final}`,
      150_000,
    );
    return { app, seen };
  };

  const submit = (name: string, annotations: Record<string, string>) =>
    custom.createNamespacedCustomObject({
      ...APPS,
      namespace,
      body: {
        apiVersion: `${GROUP}/v1beta2`,
        kind: 'SparkApplication',
        metadata: { name },
        spec: sparkPi(annotations),
      },
    });

  beforeAll(async () => {
    const kc = kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    custom = kc.makeApiClient(CustomObjectsApi);
    // the drivers' service account, as a team namespace has one
    await core.createNamespacedServiceAccount({
      namespace,
      body: { metadata: { name: 'spark' } },
    });
  });

  it('submits a SparkApplication with spark-submit and reports SUBMITTED, RUNNING, COMPLETED', async () => {
    // long enough that the operator sees the driver running even when
    // spark-submit's JVM, slow on a busy machine, returns after the pod started
    await submit('pi', { 'kwok.ml-platform.io/run-for': '20s' });
    const { app, seen } = await statesUntil('pi', 'COMPLETED');
    expect(seen).toEqual(
      expect.arrayContaining(['SUBMITTED', 'RUNNING', 'COMPLETED']),
    );
    expect(seen.indexOf('SUBMITTED')).toBeLessThan(seen.indexOf('RUNNING'));
    expect(app.status?.driverInfo?.podName).toBe('pi-driver');
    const driver = await core.readNamespacedPod({
      name: 'pi-driver',
      namespace,
    });
    expect(driver.metadata?.labels?.['spark-role']).toBe('driver');
    expect(driver.spec?.nodeName).toMatch(/^kwok-/);
    expect(driver.status?.phase).toBe('Succeeded');
    const ui = await core.readNamespacedService({
      name: app.status!.driverInfo!.webUIServiceName!,
      namespace,
    });
    expect(ui.spec?.ports?.[0].port).toBe(4040);
  });

  it("reports FAILED with the operator's message when the driver fails", async () => {
    await submit('pi-fails', {
      'kwok.ml-platform.io/run-for': '2s',
      'kwok.ml-platform.io/exit-code': '3',
    });
    const { app } = await statesUntil('pi-fails', 'FAILED');
    expect(app.status?.applicationState?.errorMessage).toMatch(
      /driver container failed with ExitCode: 3, Reason: Error/,
    );
  });

  it("puts what spark-submit cannot pass into the driver pod through the operator's webhook: a GPU node's toleration", async () => {
    await custom.createNamespacedCustomObject({
      ...APPS,
      namespace,
      body: {
        apiVersion: `${GROUP}/v1beta2`,
        kind: 'SparkApplication',
        metadata: { name: 'pi-gpu' },
        spec: {
          ...sparkPi({ 'kwok.ml-platform.io/run-for': '2s' }),
          driver: {
            ...sparkPi({ 'kwok.ml-platform.io/run-for': '2s' }).driver,
            nodeSelector: { 'nvidia.com/gpu.present': 'true' },
            tolerations: [
              {
                key: 'nvidia.com/gpu',
                operator: 'Exists',
                effect: 'NoSchedule',
              },
            ],
          },
        },
      },
    });
    await statesUntil('pi-gpu', 'COMPLETED');
    const driver = await core.readNamespacedPod({
      name: 'pi-gpu-driver',
      namespace,
    });
    expect(driver.spec?.tolerations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'nvidia.com/gpu',
          effect: 'NoSchedule',
        }),
      ]),
    );
    expect(driver.spec?.nodeName).toBe('kwok-gpu-1');
  });

  it('creates runs of a ScheduledSparkApplication on its schedule', async () => {
    await custom.createNamespacedCustomObject({
      ...SCHEDULED,
      namespace,
      body: {
        apiVersion: `${GROUP}/v1beta2`,
        kind: 'ScheduledSparkApplication',
        metadata: { name: 'nightly' },
        spec: {
          schedule: '@every 15s',
          concurrencyPolicy: 'Allow',
          template: sparkPi({ 'kwok.ml-platform.io/run-for': '2s' }),
        },
      },
    });
    const scheduled = await eventually(
      async () => {
        const current = (await custom.getNamespacedCustomObject({
          ...SCHEDULED,
          namespace,
          name: 'nightly',
        })) as {
          status?: { lastRunName?: string; scheduleState?: string };
        };
        return current.status?.lastRunName ? current : undefined;
      },
      'a run of the ScheduledSparkApplication',
      60_000,
    );
    expect(scheduled.status?.scheduleState).toBe('Scheduled');
    const run = scheduled.status!.lastRunName!;
    expect(run).toMatch(/^nightly-/);
    await statesUntil(run, 'COMPLETED');
  });

  it('gives a SparkConnect its server pod and service and turns it Ready', async () => {
    await custom.createNamespacedCustomObject({
      ...CONNECTS,
      namespace,
      body: {
        apiVersion: `${GROUP}/v1alpha1`,
        kind: 'SparkConnect',
        metadata: { name: 'shared' },
        spec: {
          sparkVersion: '4.0.1',
          image: 'docker.io/library/spark:4.0.1',
          server: { cores: 1, memory: '1g' },
          executor: { instances: 1, cores: 1, memory: '1g' },
        },
      },
    });
    const ready = await eventually(
      async () => {
        const current = (await custom.getNamespacedCustomObject({
          ...CONNECTS,
          namespace,
          name: 'shared',
        })) as { status?: { state?: string } };
        return current.status?.state === 'Ready' ? current : undefined;
      },
      'SparkConnect shared Ready',
      90_000,
    );
    expect(ready.status?.state).toBe('Ready');
    const server = await core.readNamespacedPod({
      name: 'shared-server',
      namespace,
    });
    expect(server.status?.phase).toBe('Running');
    const service = await core.readNamespacedService({
      name: 'shared-server',
      namespace,
    });
    expect(service.spec?.ports?.map(p => p.name)).toContain(
      'spark-connect-server',
    );
  });
});
