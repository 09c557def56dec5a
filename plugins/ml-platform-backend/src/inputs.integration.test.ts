/**
 * Generative test of the backend's inputs: about 3,100 random and hostile
 * requests to every route and every actions-registry action, as signed-in
 * users, against the local platform's apiserver and MLflow. Whatever comes
 * in, the backend answers without a server error (only a 503 that names a
 * system as unreachable or not configured), refuses with a JSON error that
 * says why, and a refusal leaves nothing behind on the cluster or in MLflow.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { TEAM_LABEL } from '@ml-platform/backstage-plugin-ml-platform-common';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import fc from 'fast-check';
import request, { type Response } from 'supertest';
import {
  arrayText,
  bodyText,
  contentType,
  encodeSegment,
  hostileUrlString,
  hostileValueText,
  json,
  keyOf,
  numericText,
  objectText,
  optional,
  pathSegment,
  queryValue,
  stringField,
  validOrHostile,
} from './__testUtils__/hostileInputs';
import { startPlatformBackend } from './__testUtils__/platformBackend';

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
/** alice's team, with a team namespace (a budget) and MLflow objects, so requests for it get far. */
const fuzz = `it-in-${run}`;
/** bob's team, without a namespace. */
const other = `it-in-other-${run}`;
const organisation = {
  teams: [fuzz, other],
  members: { alice: [fuzz], bob: [other] } as Record<string, string[]>,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const BASE = '/api/ml-platform';
const ACTIONS = `${BASE}/.backstage/actions/v1/actions`;
/** The ConfigMap of a team's budget reservations (`BUDGET_LEDGER_NAME` of ml-platform-node). */
const BUDGET_LEDGER = 'ml-platform-budget';

/**
 * Requests per route and per action, about 3,100 in all. Most are refused
 * within milliseconds; the file should take well under two minutes.
 */
const RUNS = {
  status: 20,
  overview: 200,
  teamNamespace: 250,
  projects: 350,
  teamExperiments: 150,
  experimentByName: 150,
  runSearch: 300,
  metricHistory: 200,
  model: 150,
  provisionTeamNamespaceAction: 200,
  provisionProjectNamespaceAction: 250,
  teamOverviewAction: 120,
  modelAction: 120,
  runSearchAction: 200,
  deploy: 250,
  deployAction: 150,
};

/**
 * The only server errors allowed: a system that is not configured, cannot
 * be reached or does not answer in time, named in the message.
 */
const UNAVAILABLE =
  / is unreachable: | did not answer within |^No .+ is configured/;

jest.setTimeout(120_000);

/**
 * The generators' seed: fixed, so the test command checks the same inputs
 * on every run and a failure can be replayed; `ML_PLATFORM_FUZZ_SEED=random`
 * (or a number) explores others, and a failure prints its seed and path.
 */
const SEED =
  process.env.ML_PLATFORM_FUZZ_SEED === 'random'
    ? Date.now() % 2 ** 31
    : Number(process.env.ML_PLATFORM_FUZZ_SEED ?? 20261201);

// The properties assert through fc.assert: the first request that breaks a
// rule fails the test, with the request and the answer.
/* eslint-disable jest/expect-expect */

type Exchange = {
  user: string;
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: string;
  contentType?: string;
};

const shorten = (text: string) =>
  JSON.stringify(
    text.length > 300
      ? `${text.slice(0, 300)}… (${text.length} characters)`
      : text,
  );

function describeExchange(exchange: Exchange) {
  const { user, method, path, body } = exchange;
  const sent =
    body === undefined ? '' : ` ${exchange.contentType} ${shorten(body)}`;
  return `${user}: ${method} ${shorten(path)}${sent}`;
}

/** What is wrong with an answer, if anything. */
function problemOf(res: Response): string | undefined {
  const message = res.body?.error?.message;
  if (res.status >= 500) {
    return res.status === 503 &&
      typeof message === 'string' &&
      UNAVAILABLE.test(message)
      ? undefined
      : `a server error (${res.status})`;
  }
  if (res.status === 431) {
    // Node's HTTP parser refuses a request line and headers over 16 KiB
    // itself, before any route runs, with an empty body: a refusal, and
    // nothing can have been created.
    return undefined;
  }
  if (res.status >= 400) {
    if (!/json/.test(res.type)) {
      return `a refusal (${res.status}) with ${
        res.type || 'no body'
      } instead of a JSON error`;
    }
    if (typeof message !== 'string' || message.trim() === '') {
      return `a refusal (${res.status}) without an error message`;
    }
  }
  return undefined;
}

const signedInUser = fc.constantFrom('alice', 'bob', 'erin');
const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);

/** Teams as requests name them: the test's teams in many spellings, unknown ones, reserved names. */
const teamValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      fuzz,
      fuzz,
      other,
      `group:default/${fuzz}`,
      `GROUP:default/${fuzz}`,
      `group:other/${fuzz}`,
      `user:default/alice`,
      `component:default/${fuzz}`,
      `${fuzz}/../${other}`,
      `../${fuzz}`,
      fuzz.toUpperCase(),
      `${fuzz} `,
      'default',
      'kube-system',
      'ingress-nginx',
    ),
  },
  { weight: 1, arbitrary: dnsLabel },
);

const projectName = fc.oneof(
  dnsLabel,
  fc.constantFrom(
    'constructor',
    'prototype',
    'system',
    // the longest name that fits a namespace name with the team's, and one more
    'x'.repeat(62 - fuzz.length),
    'x'.repeat(63 - fuzz.length),
    `other-${run}`,
  ),
);

const QUOTA_KEYS = [
  'cpu',
  'cpuLimit',
  'memory',
  'memoryLimit',
  'gpu',
  'storage',
  'persistentVolumeClaims',
  'pods',
];
const quantity = fc.oneof(
  fc.constantFrom(
    '100m',
    '500m',
    '1',
    '2',
    '0',
    '1e3',
    '512Mi',
    '1Gi',
    '10Gi',
    '64',
    '65',
    '256Gi',
    '2Ti',
    '3Ti',
  ),
  numericText,
  fc.integer({ min: -5, max: 600 }).map(String),
);
const quotaText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          keyOf(QUOTA_KEYS),
          fc.oneof(
            { weight: 3, arbitrary: quantity.map(json) },
            {
              weight: 1,
              arbitrary: fc.integer({ min: -5, max: 600 }).map(json),
            },
            { weight: 2, arbitrary: hostileValueText },
          ),
        ),
        { maxLength: 4 },
      )
      .map(objectText),
  },
  { weight: 1, arbitrary: hostileValueText },
);
const sizeText = stringField(
  fc.constantFrom('small', 'medium', 'large', '', 'Small', 'xl'),
);
/** Mostly dry-runs: a valid request without one creates a namespace (allowed, and recorded). */
const dryRunText = optional(
  fc.oneof(
    { weight: 8, arbitrary: fc.constant('true') },
    { weight: 1, arbitrary: fc.constant('false') },
    { weight: 2, arbitrary: hostileValueText },
  ),
  11,
);
const descriptionText = stringField(
  fc.constantFrom('Fraud scoring', '<script>alert(1)</script>', '{{ x }}'),
);
const sourceLocationText = stringField(
  fc.constantFrom(
    'https://github.com/example/scoring',
    'http://a',
    `${'javascript'}:alert(1)`,
    'file:///etc/passwd',
    'ftp://example.com/x',
    'https://user:secret@example.com/x',
  ),
);

const teamNamespaceFields = () => ({
  size: optional(sizeText),
  quota: optional(quotaText),
  dryRun: dryRunText,
});

const projectFields = () => ({
  name: optional(stringField(projectName), 8),
  description: optional(descriptionText),
  size: optional(sizeText),
  quota: optional(quotaText),
  dryRun: dryRunText,
});

const filterValue = fc.constantFrom(
  'metrics.acc > 0.5',
  "params.model = 'forest'",
  `tags.\`${TEAM_LABEL}\` = '${fuzz}'`,
  'attributes.start_time > 99999999999999999999',
  'attributes.`Created` < 9223372036854775808',
  'attributes.end_time < -99999999999999999999',
  'metrics.acc >>> 1',
  "' OR 1=1 --",
  "attributes.run_id IN ('a', 'b')",
  'metrics.acc > 1e999',
  "params.a LIKE '%'",
  'attributes.status = "RUNNING"',
  'x'.repeat(2001),
);
const orderByValue = fc.constantFrom(
  'metrics.acc DESC',
  'params.model ASC',
  'attributes.start_time',
  'tags.`a b` DESC',
  'metrics.acc; drop table runs',
  'name',
  ' ',
);
const pageTokenValue = fc.oneof(
  // base64 of {"offset": 1}, as MLflow writes its tokens
  fc.constantFrom('eyJvZmZzZXQiOiAxfQ==', 'abc', '====', 'é', '😀'),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);
// Left out: crafted tokens such as base64("[]") or of a 20-digit offset make
// MLflow 3.17 itself fail (HTTP 500) until the backend checks tokens.

describe('hostile input to every route and action, against the local platform', () => {
  let platform: LocalPlatform;
  let server: any;
  let core: CoreV1Api;
  let rbac: RbacAuthorizationV1Api;
  let custom: CustomObjectsApi;
  let mlflow: MlflowClient;
  let experimentId: string;
  let runId: string;
  const modelName = `${fuzz}-model`;
  /** Namespaces a 200 (not a dry-run) created or updated: allowed to be new. */
  const created = new Set<string>();
  let initial: ClusterSnapshot;
  let ledgerBefore: string[];
  let experimentsBefore: number;

  type ClusterSnapshot = { namespaces: Set<string>; objects: Set<string> };

  /** The suite's objects on the cluster (all carry the team label): namespaces, and `namespace/Kind/name` of quotas and role bindings. */
  async function clusterSnapshot(): Promise<ClusterSnapshot> {
    const labelSelector = TEAM_LABEL;
    const [namespaces, quotas, bindings, deployments] = await Promise.all([
      core.listNamespace({ labelSelector }),
      core.listResourceQuotaForAllNamespaces({ labelSelector }),
      rbac.listRoleBindingForAllNamespaces({ labelSelector }),
      custom.listClusterCustomObject({
        group: 'machinelearning.seldon.io',
        version: 'v1',
        plural: 'seldondeployments',
        labelSelector,
      }) as Promise<{ items: Array<{ metadata?: any }> }>,
    ]);
    const key = (kind: string) => (object: { metadata?: any }) =>
      `${object.metadata?.namespace}/${kind}/${object.metadata?.name}`;
    return {
      namespaces: new Set(namespaces.items.map(ns => ns.metadata!.name!)),
      objects: new Set([
        ...quotas.items.map(key('ResourceQuota')),
        ...bindings.items.map(key('RoleBinding')),
        ...deployments.items.map(key('SeldonDeployment')),
      ]),
    };
  }

  /** The project namespaces that hold (or reserved) part of the fuzz team's budget. */
  async function ledgerEntries(): Promise<string[]> {
    const configMap = await core
      .readNamespacedConfigMap({ name: BUDGET_LEDGER, namespace: fuzz })
      .catch((error: any) =>
        error.code === 404 ? undefined : Promise.reject(error as Error),
      );
    return Object.keys(configMap?.data ?? {});
  }

  /** How many active experiments MLflow has. */
  async function experimentCount(): Promise<number> {
    let count = 0;
    let pageToken: string | undefined;
    do {
      const page = await mlflow.searchExperiments({
        maxResults: 1000,
        pageToken,
      });
      count += page.items.length;
      pageToken = page.nextPageToken;
    } while (pageToken);
    return count;
  }

  async function send(exchange: Exchange): Promise<Response> {
    const { method, path, body } = exchange;
    const verb = method.toLowerCase() as 'get' | 'put' | 'post';
    const pending = request(server)
      [verb](path)
      .set('Authorization', as(exchange.user));
    if (body === undefined) {
      return pending;
    }
    return pending
      .set('Content-Type', exchange.contentType ?? 'application/json')
      .send(body);
  }

  /** Sends a request and throws, describing it, when the answer breaks a rule. */
  async function expectSound(exchange: Exchange): Promise<void> {
    const res = await send(exchange);
    const problem = problemOf(res);
    if (problem) {
      throw new Error(
        `${problem} for ${describeExchange(exchange)}\n  answer: ${shorten(
          res.text ?? '',
        )}`,
      );
    }
    const result = res.body?.output ?? res.body;
    if (
      res.status === 200 &&
      result?.dryRun === false &&
      typeof result.namespace === 'string'
    ) {
      if (result.curlExample !== undefined) {
        // a deployment the request made: that one object, not its namespace
        created.add(`${result.namespace}/SeldonDeployment/${result.name}`);
      } else {
        created.add(result.namespace);
      }
    }
  }

  /** Runs `numRuns` generated exchanges; the first that breaks a rule fails the test. */
  const checkAll = (numRuns: number, exchange: fc.Arbitrary<Exchange>) =>
    fc.assert(fc.asyncProperty(exchange, expectSound), {
      numRuns,
      seed: SEED,
      endOnFailure: true,
    });

  const invoke = (
    action: string,
    fields: Record<string, fc.Arbitrary<string>>,
  ): fc.Arbitrary<Exchange> =>
    fc.record({
      user: signedInUser,
      method: fc.constant('POST' as const),
      path: fc
        .oneof(
          { weight: 12, arbitrary: fc.constant(`ml-platform:${action}`) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              'ml-platform:__proto__',
              'ml-platform:constructor',
              'ml-platform:toString',
              '__proto__',
              `ml-platform:${action}/../x`,
              `ML-PLATFORM:${action}`,
            ),
          },
        )
        .map(id => `${ACTIONS}/${encodeSegment(id)}/invoke`),
      body: bodyText(fields),
      contentType,
    });

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    mlflow = new MlflowClient({ baseUrl: platform.mlflowUrl });
    ({ server } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: {
        mlflow: { baseUrl: platform.mlflowUrl },
        // valid deploy requests get as far as the cluster
        serving: {
          artifactStores: [
            { prefix: 'mlflow-artifacts:/', uri: 's3://mlflow-artifacts/' },
          ],
        },
      },
    }));

    const teamNamespace = await request(server)
      .put(`${BASE}/teams/${fuzz}/namespace`)
      .set('Authorization', as('erin'))
      .send({
        size: 'small',
        quota: { cpu: '4', memory: '16Gi', storage: '40Gi', pods: 40 },
      });
    if (teamNamespace.status !== 200) {
      throw new Error(
        `the fuzz team's namespace was not created: ${teamNamespace.text}`,
      );
    }
    experimentId = await mlflow.createExperiment(`${fuzz}/fuzz`, {
      [TEAM_LABEL]: fuzz,
    });
    const seededRun = await mlflow.createRun({
      experimentId,
      runName: 'fuzz',
      tags: { [TEAM_LABEL]: fuzz },
    });
    runId = seededRun.info.run_id;
    await mlflow.logBatch(runId, {
      metrics: [1, 2, 3].map(step => ({
        key: 'acc',
        value: step / 4,
        timestamp: Date.now(),
        step,
      })),
      params: [{ key: 'model', value: 'forest' }],
    });
    await mlflow.createRegisteredModel(modelName, {
      tags: { [TEAM_LABEL]: fuzz },
    });
    await mlflow.createModelVersion({
      name: modelName,
      source: `runs:/${runId}/model`,
      runId,
    });

    initial = await clusterSnapshot();
    ledgerBefore = await ledgerEntries();
    experimentsBefore = await experimentCount();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await mlflow?.deleteRegisteredModel(modelName).catch(() => undefined);
    if (experimentId) {
      await mlflow.deleteExperiment(experimentId).catch(() => undefined);
    }
    const namespaces = await core?.listNamespace({
      labelSelector: `${TEAM_LABEL} in (${fuzz},${other})`,
    });
    await Promise.all(
      (namespaces?.items ?? []).map(ns =>
        core
          .deleteNamespace({ name: ns.metadata!.name! })
          .catch(() => undefined),
      ),
    );
  });

  describe('routes', () => {
    const teamPath = (suffix: string) =>
      pathSegment(teamValue).map(team => `${BASE}/teams/${team}/${suffix}`);

    it('GET /status', async () => {
      await checkAll(
        RUNS.status,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: fc
            .oneof(
              fc.constant(''),
              hostileUrlString.map(value => `?x=${queryValue(value)}`),
              fc.constantFrom('?__proto__=1', '?constructor[a]=1'),
            )
            .map(query => `${BASE}/status${query}`),
        }),
      );
    });

    it('GET /teams/{team}/overview', async () => {
      await checkAll(
        RUNS.overview,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: teamPath('overview'),
        }),
      );
    });

    it('PUT /teams/{team}/namespace', async () => {
      await checkAll(
        RUNS.teamNamespace,
        fc.record({
          user: signedInUser,
          method: fc.constant('PUT' as const),
          path: teamPath('namespace'),
          body: bodyText(teamNamespaceFields()),
          contentType,
        }),
      );
    });

    it('POST /teams/{team}/projects', async () => {
      await checkAll(
        RUNS.projects,
        fc.record({
          user: signedInUser,
          method: fc.constant('POST' as const),
          path: teamPath('projects'),
          body: bodyText({
            ...projectFields(),
            sourceLocation: optional(sourceLocationText, 1),
            mlflowExperiment: optional(
              stringField(fc.constant(`${fuzz}/fuzz`)),
              1,
            ),
          }),
          contentType,
        }),
      );
    });

    it('GET /teams/{team}/experiments', async () => {
      await checkAll(
        RUNS.teamExperiments,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: teamPath('experiments'),
        }),
      );
    });

    it('GET /experiments?name=', async () => {
      const name = fc.oneof(
        fc.constantFrom(`${fuzz}/fuzz`, `${other}/nothing`, ' '),
        hostileUrlString,
      );
      await checkAll(
        RUNS.experimentByName,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: fc
            .oneof(
              { weight: 6, arbitrary: name.map(n => `name=${queryValue(n)}`) },
              {
                weight: 1,
                arbitrary: fc
                  .tuple(name, name)
                  .map(
                    ([a, b]) => `name=${queryValue(a)}&name=${queryValue(b)}`,
                  ),
              },
              {
                weight: 1,
                arbitrary: fc.constantFrom(
                  '',
                  'name',
                  'name=',
                  'name[__proto__]=x',
                  'name[a]=b',
                  'name[]=a',
                  '__proto__[name]=x',
                  'name=a&constructor=b',
                  'name=%',
                  'name=%E0%A4%A',
                ),
              },
            )
            .map(query => `${BASE}/experiments?${query}`),
        }),
      );
    });

    it('POST /runs/search', async () => {
      await checkAll(
        RUNS.runSearch,
        fc.record({
          user: signedInUser,
          method: fc.constant('POST' as const),
          path: fc.constant(`${BASE}/runs/search`),
          body: bodyText(runSearchFields({ withTeam: false })),
          contentType,
        }),
      );
    });

    it('GET /runs/{runId}/metric-history', async () => {
      const key = fc.oneof(fc.constantFrom('acc', 'loss'), hostileUrlString);
      const query = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .array(key, { maxLength: 12 })
            .map(keys => keys.map(k => `keys=${queryValue(k)}`).join('&')),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '',
            'keys',
            'keys=',
            'keys[__proto__]=acc',
            'keys[0]=acc&keys[1]=acc',
            'keys[25]=acc',
            'keys[a]=b',
            'keys=acc,loss',
            `keys=${'a'.repeat(251)}`,
            'keys=acc&extra=1',
            'keys=%',
            '__proto__[keys]=acc',
          ),
        },
      );
      await checkAll(
        RUNS.metricHistory,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: fc
            .tuple(
              pathSegment(
                fc.oneof(
                  fc.constant(runId),
                  fc.constant('0'.repeat(32)),
                  fc.stringMatching(/^[0-9a-f]{32}$/),
                ),
              ),
              query,
            )
            .map(([id, keys]) => `${BASE}/runs/${id}/metric-history?${keys}`),
        }),
      );
    });

    it('POST /namespaces/{namespace}/deployments', async () => {
      await checkAll(
        RUNS.deploy,
        fc.record({
          user: signedInUser,
          method: fc.constant('POST' as const),
          path: pathSegment(fc.constantFrom(fuzz, other, 'default')).map(
            namespace => `${BASE}/namespaces/${namespace}/deployments`,
          ),
          body: bodyText(deployFields()),
          contentType,
        }),
      );
    });

    it('GET /models/{name}', async () => {
      await checkAll(
        RUNS.model,
        fc.record({
          user: signedInUser,
          method: fc.constant('GET' as const),
          path: pathSegment(modelNameValue()).map(
            name => `${BASE}/models/${name}`,
          ),
        }),
      );
    });
  });

  describe('actions (over HTTP, the body is the input)', () => {
    it('provision-team-namespace', async () => {
      await checkAll(
        RUNS.provisionTeamNamespaceAction,
        invoke('provision-team-namespace', {
          team: optional(stringField(teamValue), 8),
          ...teamNamespaceFields(),
        }),
      );
    });

    it('provision-project-namespace', async () => {
      await checkAll(
        RUNS.provisionProjectNamespaceAction,
        invoke('provision-project-namespace', {
          team: optional(stringField(teamValue), 8),
          ...projectFields(),
        }),
      );
    });

    it('get-team-overview', async () => {
      await checkAll(
        RUNS.teamOverviewAction,
        invoke('get-team-overview', {
          team: optional(stringField(teamValue), 8),
        }),
      );
    });

    it('get-ml-model', async () => {
      await checkAll(
        RUNS.modelAction,
        invoke('get-ml-model', {
          name: optional(stringField(modelNameValue()), 8),
        }),
      );
    });

    it('deploy-model-version', async () => {
      await checkAll(
        RUNS.deployAction,
        invoke('deploy-model-version', {
          namespace: optional(
            stringField(fc.constantFrom(fuzz, other, 'default')),
            8,
          ),
          ...deployFields(),
        }),
      );
    });

    it('search-mlflow-runs', async () => {
      await checkAll(
        RUNS.runSearchAction,
        invoke('search-mlflow-runs', runSearchFields({ withTeam: true })),
      );
    });
  });

  // Last: compares with what was there before the first request.
  it('leaves no object on the cluster and no experiment in MLflow that a refused request could have made', async () => {
    const after = await clusterSnapshot();
    const explained = (namespace: string) =>
      initial.namespaces.has(namespace) || created.has(namespace);
    expect({
      namespaces: [...after.namespaces].filter(name => !explained(name)),
      objects: [...after.objects].filter(
        key =>
          !initial.objects.has(key) &&
          !created.has(key.split('/')[0]) &&
          !created.has(key),
      ),
      reservations: (await ledgerEntries()).filter(
        name => !ledgerBefore.includes(name) && !created.has(name),
      ),
    }).toEqual({ namespaces: [], objects: [], reservations: [] });
    expect(await experimentCount()).toBe(experimentsBefore);
  });

  /** A deploy request: the fuzz team's model or others, versions, aliases, sizes, and a smuggled model URI. */
  function deployFields() {
    return {
      model: stringField(modelNameValue()),
      version: optional(
        stringField(fc.constantFrom('1', '2', '0', '01', '1e3', '-1', '')),
      ),
      alias: optional(stringField(fc.constantFrom('champion', 'x', ''))),
      name: stringField(dnsLabel),
      protocol: optional(stringField(fc.constantFrom('seldon', 'v2', 'grpc'))),
      replicas: optional(
        validOrHostile(fc.integer({ min: -1, max: 12 }).map(json)),
      ),
      cpu: optional(
        stringField(fc.constantFrom('100m', '1', '64', '-1', '1e999')),
      ),
      memory: optional(
        stringField(fc.constantFrom('256Mi', '1Gi', '10Mi', '1Ei')),
      ),
      autoscaling: optional(
        validOrHostile(
          fc
            .record({
              minReplicas: fc.integer({ min: 0, max: 4 }),
              maxReplicas: fc.integer({ min: 0, max: 12 }),
            })
            .map(json),
        ),
        1,
      ),
      modelUri: optional(stringField(fc.constant('s3://elsewhere/model')), 1),
      dryRun: optional(validOrHostile(fc.boolean().map(json))),
    };
  }

  /** Model names: the seeded model, one MLflow does not have, and hostile ones. */
  function modelNameValue() {
    return fc.constantFrom(
      modelName,
      `${other}-nothing`,
      'fraud/x',
      'a:b',
      `${modelName} `,
    );
  }

  /** The fields of a run search; the action also takes a team. */
  function runSearchFields({ withTeam }: { withTeam: boolean }) {
    const experimentIdValue = fc.constantFrom(
      experimentId,
      experimentId,
      '0',
      '1',
      '-1',
      '1_0',
      '9'.repeat(19),
      '9223372036854775807',
      '9223372036854775808',
      '-9223372036854775809',
      '9'.repeat(64),
      '9'.repeat(65),
      'abc',
      '_',
      '-',
      '00000000000000000001',
    );
    const experimentIds = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .array(stringField(experimentIdValue), { maxLength: 22 })
          .map(arrayText),
      },
      { weight: 1, arbitrary: hostileValueText },
    );
    return {
      ...(withTeam ? { team: optional(stringField(teamValue)) } : {}),
      experimentIds: withTeam ? optional(experimentIds) : experimentIds,
      filter: optional(stringField(filterValue)),
      orderBy: optional(
        validOrHostile(
          fc.array(stringField(orderByValue), { maxLength: 6 }).map(arrayText),
        ),
      ),
      maxResults: optional(
        validOrHostile(fc.integer({ min: -2, max: 1200 }).map(json)),
      ),
      pageToken: optional(stringField(pageTokenValue)),
    };
  }
});
