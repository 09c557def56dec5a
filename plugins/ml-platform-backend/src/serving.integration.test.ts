import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import request from 'supertest';
import { startPlatformBackend } from './__testUtils__/platformBackend';
import { waitFor } from './__testUtils__/waitFor';

/**
 * Model serving through the suite's routes, against the local platform's
 * real MLflow (the model registry and its get-download-uri), apiserver,
 * quota admission, scheduler and Seldon Core operator v1.17.1 (its
 * seldon-config and validating webhook). The model servers' pods run on
 * kwok nodes: the operator reports a deployment Available once kwok has
 * made them Ready.
 */

const SETUP_TIMEOUT = 10 * 60_000;
const run = Date.now().toString(36);
const team = `it-sv-${run}`;
const other = `it-svo-${run}`;
const project = `${team}-serve`;
const otherProject = `${other}-serve`;
const model = `${team}-classifier`;
const otherModel = `${other}-ranker`;
const organisation = {
  teams: [team, other],
  members: { alice: [team], bob: [other] } as Record<string, string[]>,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const SDEPS = {
  group: 'machinelearning.seldon.io',
  version: 'v1',
  plural: 'seldondeployments',
};

jest.setTimeout(300_000);

describe('Model serving on the workload path, against the local platform', () => {
  let platform: LocalPlatform;
  let server: any;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let custom: CustomObjectsApi;
  let mlflow: MlflowClient;
  const experiments: string[] = [];

  const api = (path: string) => `/api/ml-platform${path}`;
  const send = (
    method: 'post' | 'put' | 'get' | 'delete',
    user: string,
    path: string,
    body?: object,
  ) => {
    const call = request(server)
      [method](api(path))
      .set('Authorization', as(user));
    return body ? call.send(body) : call;
  };
  const exists = (namespace: string, name: string) =>
    custom.getNamespacedCustomObject({ ...SDEPS, namespace, name }).then(
      () => true,
      (error: any) => (error.code === 404 ? false : Promise.reject(error)),
    );
  const available = (name: string, predictors: number) =>
    waitFor(
      `deployment ${name} Available with ${predictors} ready predictors`,
      async () => {
        const response = await send(
          'get',
          'alice',
          `/namespaces/${project}/deployments/${name}`,
        );
        const body = response.body;
        return body.state === 'Available' &&
          body.predictors?.length === predictors &&
          body.predictors.every((p: any) => p.state === 'Ready')
          ? body
          : undefined;
      },
      180_000,
    );

  /** A model of a team with a version per run, and one stored where Seldon cannot read. */
  async function registerModel(name: string, owner: string, versions: number) {
    const experimentId = await mlflow.createExperiment(`${name}-training`, {
      'ml-platform.io/team': owner,
    });
    experiments.push(experimentId);
    await mlflow.createRegisteredModel(name, {
      tags: { 'ml-platform.io/team': owner },
    });
    for (let i = 0; i < versions; i++) {
      const created = await mlflow.createRun({
        experimentId,
        runName: `train-${i + 1}`,
      });
      await mlflow.createModelVersion({
        name,
        source: `runs:/${created.info.run_id}/model`,
        runId: created.info.run_id,
      });
    }
  }

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    apps = kubeConfig.makeApiClient(AppsV1Api);
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    mlflow = new MlflowClient({ baseUrl: platform.mlflowUrl });
    await registerModel(model, team, 3);
    await mlflow.createModelVersion({
      name: model,
      source: 'dbfs:/databricks/models/classifier/4',
    });
    await mlflow.setRegisteredModelAlias(model, 'champion', '2');
    await mlflow.setRegisteredModelAlias(model, 'challenger', '3');
    await registerModel(otherModel, other, 1);
    ({ server } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: {
        mlflow: { baseUrl: platform.mlflowUrl },
        serving: {
          gatewayUrl: 'http://gateway.test',
          artifactStores: [
            { prefix: 'mlflow-artifacts:/', uri: 's3://mlflow-artifacts/' },
          ],
        },
      },
    }));
    for (const name of [team, other]) {
      const response = await send('put', 'erin', `/teams/${name}/namespace`, {
        size: 'medium',
      });
      if (response.status !== 200) {
        throw new Error(
          `setup: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
    }
    for (const [user, owner] of [
      ['alice', team],
      ['bob', other],
    ]) {
      const response = await send('post', user, `/teams/${owner}/projects`, {
        name: 'serve',
        size: 'small',
        quota: { cpu: '4', memory: '8Gi' },
      });
      if (response.status !== 200) {
        throw new Error(
          `setup: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
    }
    await waitFor('the project quota status', async () => {
      const quota = await core.readNamespacedResourceQuota({
        name: 'ml-platform-quota',
        namespace: project,
      });
      return quota.status?.used ? quota : undefined;
    });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await Promise.all(
      [project, otherProject, team, other].map(name =>
        core?.deleteNamespace({ name }).catch(() => undefined),
      ),
    );
    for (const name of [model, otherModel]) {
      await mlflow?.deleteRegisteredModel(name).catch(() => undefined);
    }
    for (const id of experiments) {
      await mlflow?.deleteExperiment(id).catch(() => undefined);
    }
  });

  it('checks a deployment on a dry-run, with the model URI resolved through MLflow and mapped to the artifact store, and stores nothing', async () => {
    const response = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      { model, alias: 'champion', name: 'dry', dryRun: true },
    );
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    expect(response.body.dryRun).toBe(true);
    const [sdep] = response.body.manifests;
    const [predictor] = sdep.spec.predictors;
    expect(predictor).toMatchObject({
      name: 'v2',
      traffic: 100,
      graph: { implementation: 'MLFLOW_SERVER' },
    });
    // MLflow's mlflow-artifacts: location of version 2, in the mapped store
    expect(predictor.graph.modelUri).toMatch(
      /^s3:\/\/mlflow-artifacts\/.+\/artifacts\/model$/,
    );
    expect(await exists(project, 'dry')).toBe(false);
  });

  it('refuses a model URI from the request: it is always the version’s own', async () => {
    const response = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      {
        model,
        version: '1',
        name: 'smuggled',
        modelUri: 's3://another-team/model',
      },
    );
    expect(response.status).toBe(400);
    // the OpenAPI document refuses it before the handler; the service's schema would too
    expect(response.body.error.message).toMatch(
      /additional properties|modelUri|unrecognized/i,
    );
    expect(await exists(project, 'smuggled')).toBe(false);
  });

  it('refuses a version whose files Seldon cannot read, saying why, before anything is created', async () => {
    const response = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      { model, version: '4', name: 'unreadable' },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('version 4 of model');
    expect(response.body.error.message).toContain(
      'dbfs:/databricks/models/classifier/4',
    );
    expect(response.body.error.message).toMatch(
      /storage initializer cannot read/,
    );
    expect(await exists(project, 'unreadable')).toBe(false);
  });

  it('refuses a deployment over the namespace quota before it is created', async () => {
    const response = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      { model, version: '1', name: 'huge', replicas: 6, cpu: '1' },
    );
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(
      /does not fit in the quota of namespace/,
    );
    expect(response.body.error.message).toMatch(/CPU/);
    expect(await exists(project, 'huge')).toBe(false);
  });

  it('deploys the champion, which the Seldon operator makes Available, with its prediction URL and an example request', async () => {
    const response = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      { model, alias: 'champion', name: 'fraud', cpu: '250m', memory: '512Mi' },
    );
    expect(response.status).toBe(200);
    const deployment = await available('fraud', 1);
    expect(deployment).toMatchObject({
      model,
      team,
      protocol: 'seldon',
      predictionUrl: `http://gateway.test/seldon/${project}/fraud/api/v1.0/predictions`,
      predictors: [
        {
          name: 'v2',
          version: '2',
          traffic: 100,
          main: true,
          replicas: 1,
          readyReplicas: 1,
        },
      ],
      createdBy: 'user:default/alice',
    });
    expect(deployment.curlExample).toContain(deployment.predictionUrl);
    expect(deployment.history).toEqual([
      expect.objectContaining({ action: 'deploy', by: 'user:default/alice' }),
    ]);
    // what the operator made: the model server (MLFLOW_SERVER's image) with the suite's resources
    const made = (await apps.listNamespacedDeployment({ namespace: project }))
      .items;
    const server_ = made.find(d => d.metadata?.name?.startsWith('fraud-v2-'));
    const classifier = server_?.spec?.template.spec?.containers.find(
      c => c.name === 'classifier',
    );
    expect(classifier?.image).toMatch(/^seldonio\/mlflowserver:/);
    expect(classifier?.resources?.requests).toMatchObject({
      cpu: '250m',
      memory: '512Mi',
    });
  });

  it('tries the challenger as an 80/20 canary with both predictors running, changes the share, and promotes it', async () => {
    const added = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments/fraud/predictors`,
      { alias: 'challenger', traffic: 20 },
    );
    expect(added.status).toBe(200);
    const canary = await available('fraud', 2);
    expect(
      canary.predictors.map((p: any) => [p.name, p.traffic, p.main]),
    ).toEqual([
      ['v2', 80, true],
      ['v3', 20, false],
    ]);
    const made = (await apps.listNamespacedDeployment({ namespace: project }))
      .items;
    for (const prefix of ['fraud-v2-', 'fraud-v3-']) {
      expect(
        made.find(d => d.metadata?.name?.startsWith(prefix))?.status
          ?.availableReplicas,
      ).toBe(1);
    }
    // the model page's view: both versions serve, at their shares
    const serving = await send('get', 'alice', `/models/${model}/serving`);
    expect(serving.status).toBe(200);
    expect(serving.body).toMatchObject({ canDeploy: true, team });
    expect(serving.body.namespaces).toContain(project);
    expect(serving.body.deployments[0].predictors).toHaveLength(2);

    const split = await send(
      'put',
      'alice',
      `/namespaces/${project}/deployments/fraud/traffic`,
      { traffic: { v2: 50, v3: 50 } },
    );
    expect(split.status).toBe(200);
    expect(split.body.deployment.predictors.map((p: any) => p.traffic)).toEqual(
      [50, 50],
    );
    const wrongSum = await send(
      'put',
      'alice',
      `/namespaces/${project}/deployments/fraud/traffic`,
      { traffic: { v2: 50, v3: 40 } },
    );
    expect(wrongSum.status).toBe(400);
    expect(wrongSum.body.error.message).toContain('must sum to 100');

    const promoted = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments/fraud/promote`,
      { predictor: 'v3' },
    );
    expect(promoted.status).toBe(200);
    const after = await available('fraud', 1);
    expect(after.predictors).toEqual([
      expect.objectContaining({ name: 'v3', traffic: 100, main: true }),
    ]);
    expect(after.history.map((change: any) => change.action)).toEqual([
      'deploy',
      'add',
      'traffic',
      'promote',
    ]);
    await waitFor('the old predictor gone', async () => {
      const left = (await apps.listNamespacedDeployment({ namespace: project }))
        .items;
      return left.some(d => d.metadata?.name?.startsWith('fraud-v2-'))
        ? undefined
        : true;
    });
  });

  it('rolls a canary back: the main version alone takes all traffic again', async () => {
    const added = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments/fraud/predictors`,
      { version: '1', traffic: 10 },
    );
    expect(added.status).toBe(200);
    await available('fraud', 2);
    const rolledBack = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments/fraud/rollback`,
      {},
    );
    expect(rolledBack.status).toBe(200);
    const after = await available('fraud', 1);
    expect(after.predictors).toEqual([
      expect.objectContaining({ name: 'v3', traffic: 100 }),
    ]);
    expect(after.history.at(-1)).toMatchObject({ action: 'rollback' });
  });

  it('adds a shadow, which takes no share of the traffic', async () => {
    const added = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments/fraud/predictors`,
      { version: '2', shadow: true },
    );
    expect(added.status).toBe(200);
    const shadowed = await available('fraud', 2);
    expect(
      shadowed.predictors.map((p: any) => [p.name, p.traffic, p.shadow]),
    ).toEqual([
      ['v3', 100, false],
      ['v2', 0, true],
    ]);
    const sdep = (await custom.getNamespacedCustomObject({
      ...SDEPS,
      namespace: project,
      name: 'fraud',
    })) as any;
    expect(sdep.spec.predictors[1]).toMatchObject({ name: 'v2', shadow: true });
  });

  it("keeps another team out: no deploy into the team's namespace, no deploy of its model, no reads or changes of its deployments", async () => {
    const intoForeign = await send(
      'post',
      'bob',
      `/namespaces/${project}/deployments`,
      { model: otherModel, version: '1', name: 'intruder' },
    );
    expect(intoForeign.status).toBe(403);
    const foreignModel = await send(
      'post',
      'bob',
      `/namespaces/${otherProject}/deployments`,
      { model, version: '1', name: 'stolen' },
    );
    expect(foreignModel.status).toBe(403);
    expect(await exists(otherProject, 'stolen')).toBe(false);
    // alice may not serve bob's model either, even into her own namespace
    const crossTeam = await send(
      'post',
      'alice',
      `/namespaces/${project}/deployments`,
      { model: otherModel, version: '1', name: 'borrowed' },
    );
    expect(crossTeam.status).toBe(403);
    expect(await exists(project, 'borrowed')).toBe(false);
    for (const [method, path, body] of [
      ['get', `/namespaces/${project}/deployments/fraud`],
      ['get', `/namespaces/${project}/deployments`],
      [
        'put',
        `/namespaces/${project}/deployments/fraud/traffic`,
        { traffic: { v3: 100 } },
      ],
      ['post', `/namespaces/${project}/deployments/fraud/rollback`, {}],
      ['delete', `/namespaces/${project}/deployments/fraud`],
    ] as const) {
      const response = await send(method, 'bob', path, body as object);
      expect([method, path, response.status]).toEqual([method, path, 403]);
    }
    const page = await send('get', 'bob', `/models/${model}/serving`);
    expect(page.status).toBe(403);
    expect(await exists(project, 'fraud')).toBe(true);
  });

  it('deletes a deployment', async () => {
    const response = await send(
      'delete',
      'alice',
      `/namespaces/${project}/deployments/fraud`,
    );
    expect(response.status).toBe(200);
    expect(response.body.deleted).toEqual(['SeldonDeployment/fraud']);
    expect(await exists(project, 'fraud')).toBe(false);
  });
});
