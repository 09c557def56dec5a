import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
} from '@kubernetes/client-node';
import { eventually } from './__testUtils__/eventually.ts';
import { useTestNamespace } from './__testUtils__/testNamespace.ts';

/**
 * The Seldon Core operator v1.17.1, built from its pinned source and run by
 * `up` as itself with its chart's seldon-config and its validating webhook
 * (served on loopback with the platform's certificate): a SeldonDeployment
 * of an MLflow model gets its Deployments and Services, and the operator
 * reports it Available once kwok runs their pods.
 */

jest.setTimeout(150_000);

const SDEPS = {
  group: 'machinelearning.seldon.io',
  version: 'v1',
  plural: 'seldondeployments',
};

type SeldonDeployment = {
  status?: { state?: string; description?: string };
};

function predictor(name: string, traffic: number) {
  return {
    name,
    replicas: 1,
    traffic,
    graph: {
      name: 'classifier',
      implementation: 'MLFLOW_SERVER',
      modelUri: `s3://mlflow/1/${name}/artifacts/model`,
    },
  };
}

describe('the Seldon operator on the local platform', () => {
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let custom: CustomObjectsApi;
  const { namespace, kubeConfig } = useTestNamespace('lp-seldon');

  const create = (name: string, predictors: unknown[]) =>
    custom.createNamespacedCustomObject({
      ...SDEPS,
      namespace,
      body: {
        apiVersion: 'machinelearning.seldon.io/v1',
        kind: 'SeldonDeployment',
        metadata: { name },
        spec: { name, predictors },
      },
    });

  const available = (name: string) =>
    eventually(
      async () => {
        const current = (await custom.getNamespacedCustomObject({
          ...SDEPS,
          namespace,
          name,
        })) as SeldonDeployment;
        return current.status?.state === 'Available' ? current : undefined;
      },
      `SeldonDeployment ${name} Available`,
      120_000,
    );

  beforeAll(async () => {
    const kc = kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    custom = kc.makeApiClient(CustomObjectsApi);
  });

  it('turns an MLFLOW_SERVER SeldonDeployment into Deployments and Services, and reports it Available', async () => {
    await create('fraud', [predictor('default', 100)]);
    await available('fraud');
    const deployments = (await apps.listNamespacedDeployment({ namespace }))
      .items;
    const deployment = deployments.find(d =>
      d.metadata?.name?.startsWith('fraud-default-0-'),
    );
    expect(deployment?.status?.availableReplicas).toBe(1);
    const containers = deployment!.spec!.template.spec!.containers.map(
      c => c.name,
    );
    // the model server from seldon-config's MLFLOW_SERVER, and the executor
    expect(containers).toEqual(
      expect.arrayContaining(['classifier', 'seldon-container-engine']),
    );
    const classifier = deployment!.spec!.template.spec!.containers.find(
      c => c.name === 'classifier',
    );
    expect(classifier?.image).toMatch(/^seldonio\/mlflowserver:1\.17\.1$/);
    // the storage initializer fetches the model before the server starts
    expect(
      deployment!.spec!.template.spec!.initContainers?.map(c => c.name),
    ).toContain('classifier-model-initializer');
    const services = (
      await core.listNamespacedService({ namespace })
    ).items.map(s => s.metadata?.name);
    expect(services).toEqual(
      expect.arrayContaining(['fraud-default', 'fraud-default-classifier']),
    );
  });

  it('runs both predictors of an 80/20 canary', async () => {
    await create('canary', [predictor('main', 80), predictor('canary', 20)]);
    await available('canary');
    const deployments = (await apps.listNamespacedDeployment({ namespace }))
      .items;
    for (const prefix of ['canary-main-0-', 'canary-canary-0-']) {
      const deployment = deployments.find(d =>
        d.metadata?.name?.startsWith(prefix),
      );
      expect(deployment?.status?.availableReplicas).toBe(1);
    }
  });

  it("refuses an invalid SeldonDeployment through the operator's webhook", async () => {
    const refused = await create('broken', [
      predictor('a', 60),
      predictor('b', 60),
    ]).then(
      () => undefined,
      (error: { code?: number; body?: unknown }) => error,
    );
    // no schema can sum the traffic: this is the operator's own validation
    expect(refused?.code).toBe(422);
    expect(String(refused?.body)).toContain(
      'Traffic must sum to 100 for multiple predictors',
    );
  });
});
