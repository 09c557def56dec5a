import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { ModelDetails } from '@ml-platform/backstage-plugin-ml-platform-common';
import { renderSeldonDeployment, type SeldonInput } from './kinds/seldon';
import { ServingService } from './ServingService';
import { readServingSettings } from './servingSettings';

const settings = readServingSettings(
  new ConfigReader({
    mlPlatform: {
      serving: {
        artifactStores: [
          { prefix: 'mlflow-artifacts:/', uri: 's3://mlflow-artifacts/' },
        ],
      },
    },
  }),
);
const credentials = mockCredentials.user('user:default/alice');
const version = (v: string, status = 'READY') =>
  ({ version: v, status, aliases: [], tags: {}, mlflowUrl: '' } as any);
const details: ModelDetails = {
  name: 'fraud-risk-classifier',
  team: 'fraud',
  public: false,
  tags: {},
  aliases: [
    { alias: 'champion', version: '2' },
    { alias: 'challenger', version: '3' },
  ],
  mlflowUrl: '',
  versions: [version('4', 'PENDING_REGISTRATION'), version('3'), version('2')],
  metricKeys: [],
};
const locations: Record<string, string> = {
  '2': 'mlflow-artifacts:/1/models/m-2/artifacts',
  '3': 'mlflow-artifacts:/1/models/m-3/artifacts',
  '4': 'mlflow-artifacts:/1/models/m-4/artifacts',
};

/** The workload path as a fake that keeps what it was asked to apply. */
function fakeWorkloads(existing?: SeldonInput) {
  const applied: Array<{ input: SeldonInput; options: any }> = [];
  const target = { namespace: 'fraud-serving', team: 'fraud' };
  const objectOf = (input: SeldonInput) =>
    renderSeldonDeployment(input, { ...target, user: 'user:default/alice' })[0];
  let current = existing;
  const workloads = {
    targetOf: async (namespace: string) => ({
      namespace,
      team: namespace.startsWith('fraud') ? 'fraud' : 'recs',
    }),
    get: async () => ({
      target,
      object: objectOf(current!),
      related: { pods: [], events: [] },
    }),
    create: async (_namespace: string, input: SeldonInput, options: any) => {
      applied.push({ input, options });
      current = input;
      const manifests = options.transform([objectOf(input)]);
      return {
        cluster: 'local',
        namespace: target.namespace,
        name: input.name,
        dryRun: Boolean(options.dryRun),
        manifests,
        applied: [],
        notes: [],
      };
    },
  };
  return { workloads, applied };
}

function service(existing?: SeldonInput) {
  const fake = fakeWorkloads(existing);
  const serving = new ServingService(
    fake.workloads as any,
    {
      model: async (_name, choice) => {
        const wanted =
          choice.version ??
          details.aliases.find(a => a.alias === choice.alias)?.version;
        const found = details.versions.find(v => v.version === wanted);
        return {
          name: details.name,
          team: details.team,
          public: details.public,
          aliases: details.aliases,
          ...(found
            ? { version: { version: found.version, status: found.status } }
            : {}),
        };
      },
      location: async (_name, v) => locations[v] ?? 'dbfs:/models/x',
      proxiedArtifact: async () => {
        throw new Error('no MLmodel');
      },
    },
    settings,
  );
  return { serving, applied: fake.applied };
}

const deployed: SeldonInput = {
  name: 'fraud',
  model: 'fraud-risk-classifier',
  protocol: 'seldon',
  replicas: 1,
  cpu: '500m',
  memory: '1Gi',
  predictors: [
    {
      version: '2',
      modelUri: 's3://mlflow-artifacts/1/models/m-2/artifacts',
      traffic: 100,
    },
  ],
  main: '2',
  history: [],
};

describe('ServingService', () => {
  it("deploys the alias's version with its files in the artifact store, recording who did it", async () => {
    const { serving, applied } = service();
    const result = await serving.deploy(
      'fraud-serving',
      { model: 'fraud-risk-classifier', alias: 'champion', name: 'fraud' },
      { credentials },
    );
    expect(applied[0].input).toMatchObject({
      predictors: [
        {
          version: '2',
          modelUri: 's3://mlflow-artifacts/1/models/m-2/artifacts',
          traffic: 100,
        },
      ],
      main: '2',
      cpu: '500m',
      memory: '1Gi',
      replicas: 1,
      history: [{ action: 'deploy', by: 'user:default/alice' }],
    });
    expect(applied[0].options.update).toBeUndefined();
    expect(result.curlExample).toContain('/api/v1.0/predictions');
  });

  it.each([
    [{ version: '2', alias: 'champion' }, /give exactly one/],
    [
      { alias: 'latest' },
      /has no alias "latest" \(it has champion, challenger\)/,
    ],
    [{ version: '9' }, /has no version 9/],
    [{ version: '4' }, /is PENDING_REGISTRATION, not READY/],
    [{ version: '2', modelUri: 's3://x' }, /unrecognized key/],
    [{ version: '2', cpu: 'lots' }, /^cpu /],
  ])('refuses %j, saying why', async (choice, why) => {
    const { serving, applied } = service();
    await expect(
      serving.deploy(
        'fraud-serving',
        { model: 'fraud-risk-classifier', name: 'fraud', ...choice },
        { credentials },
      ),
    ).rejects.toThrow(why);
    expect(applied).toEqual([]);
  });

  it("refuses a namespace of another team than the model's", async () => {
    const { serving, applied } = service();
    await expect(
      serving.deploy(
        'recs-serving',
        { model: 'fraud-risk-classifier', version: '2', name: 'fraud' },
        { credentials },
      ),
    ).rejects.toThrow(
      /belongs to team "fraud", so it may be deployed only into that team's namespaces, not into "recs-serving" of team "recs"/,
    );
    expect(applied).toEqual([]);
  });

  it('adds a canary at its share, the main version keeping the rest, as a change of the existing object', async () => {
    const { serving, applied } = service(deployed);
    await serving.addPredictor(
      'fraud-serving',
      'fraud',
      { alias: 'challenger', traffic: 20 },
      { credentials },
    );
    const [{ input, options }] = applied;
    expect(input.predictors.map(p => [p.version, p.traffic])).toEqual([
      ['2', 80],
      ['3', 20],
    ]);
    expect(options.update.previous.predictors).toHaveLength(1);
    expect(input.history.at(-1)).toMatchObject({ action: 'add' });
  });

  it('promotes: the version alone at 100 %, the new main; rolls back: the main alone', async () => {
    const canary: SeldonInput = {
      ...deployed,
      predictors: [
        { ...deployed.predictors[0], traffic: 80 },
        { version: '3', modelUri: 's3://m/3', traffic: 20 },
      ],
    };
    const promoted = service(canary);
    await promoted.serving.promote('fraud-serving', 'fraud', 'v3', {
      credentials,
    });
    expect(promoted.applied[0].input).toMatchObject({
      predictors: [{ version: '3', traffic: 100 }],
      main: '3',
    });
    const rolledBack = service(canary);
    await rolledBack.serving.rollback('fraud-serving', 'fraud', {
      credentials,
    });
    expect(rolledBack.applied[0].input).toMatchObject({
      predictors: [{ version: '2', traffic: 100 }],
      main: '2',
    });
    await expect(
      service(deployed).serving.rollback('fraud-serving', 'fraud', {
        credentials,
      }),
    ).rejects.toThrow(/nothing to roll back/);
  });

  it('sets shares only of its predictors, summing to 100', async () => {
    const canary: SeldonInput = {
      ...deployed,
      predictors: [
        { ...deployed.predictors[0], traffic: 80 },
        { version: '3', modelUri: 's3://m/3', traffic: 20 },
      ],
    };
    await expect(
      service(canary).serving.setTraffic(
        'fraud-serving',
        'fraud',
        { traffic: { v2: 50, v9: 50 } },
        { credentials },
      ),
    ).rejects.toThrow(/traffic.v9 is not a predictor of deployment "fraud"/);
    await expect(
      service(canary).serving.setTraffic(
        'fraud-serving',
        'fraud',
        { traffic: { v2: 70, v3: 20 } },
        { credentials },
      ),
    ).rejects.toThrow(/must sum to 100/);
    const { serving, applied } = service(canary);
    await serving.setTraffic(
      'fraud-serving',
      'fraud',
      { traffic: { v2: 10, v3: 90 } },
      { credentials },
    );
    expect(applied[0].input.predictors.map(p => p.traffic)).toEqual([10, 90]);
  });
});
