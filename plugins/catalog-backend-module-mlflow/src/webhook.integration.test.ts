import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  type CatalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { MlflowClient } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import { modelEntityRef } from './modelEntity';
import { catalogModuleMlflow } from './module';
import { eventsModuleMlflowWebhook } from './webhook/module';
import { mlflowSignature } from './webhook/signature';

const SETUP_TIMEOUT = 30 * 60_000;
const unique = `${Date.now().toString(36)}${Math.random()
  .toString(36)
  .slice(2, 6)}`;
const PREFIX = `it-mlflow-webhook-${unique}`;
const MODEL = `${PREFIX}-model`;
const FORGED_MODEL = `${PREFIX}-forged`;
const SECRET = `it-webhook-secret-${unique}`;
const TEAM = 'forecasting';

/** The mutations the catalog would have received, with when they came. */
const mutations: Array<{ at: number; mutation: EntityProviderMutation }> = [];

/**
 * Stands in for the catalog backend: offers the processing extension point
 * (what the MLflow module registers its provider with) and connects the
 * providers when it starts, capturing their mutations.
 */
const catalogCapture = createBackendPlugin({
  pluginId: 'catalog',
  register(env) {
    const providers: EntityProvider[] = [];
    const processing: Partial<CatalogProcessingExtensionPoint> = {
      addEntityProvider: (...added) => {
        providers.push(...added.flat());
      },
      addProcessor: () => {},
    };
    env.registerExtensionPoint(
      catalogProcessingExtensionPoint,
      processing as CatalogProcessingExtensionPoint,
    );
    env.registerInit({
      deps: {},
      async init() {
        for (const provider of providers) {
          await provider.connect({
            applyMutation: async mutation => {
              mutations.push({ at: Date.now(), mutation });
            },
            refresh: async () => {},
          });
        }
      },
    });
  },
});

/** Deltas that add the named model's entity. */
function deltasAdding(name: string) {
  return mutations.filter(
    ({ mutation }) =>
      mutation.type === 'delta' &&
      mutation.added.some(
        ({ entity }) =>
          entity.metadata.annotations?.[
            'ml-platform.io/mlflow-registered-model'
          ] === name,
      ),
  );
}

/** Mutations that mention the named model at all (added or removed). */
function mutationsAbout(name: string) {
  const ref = modelEntityRef(name);
  return mutations.filter(
    ({ mutation }) =>
      mutation.type === 'delta' &&
      (mutation.added.some(({ entity }) => entity.metadata.title === name) ||
        mutation.removed.some(
          item => 'entityRef' in item && item.entityRef === ref,
        )),
  );
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = check();
    if (result) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** MLflow's webhook REST API (`/api/2.0/mlflow/webhooks`). */
async function mlflowApi(
  platform: LocalPlatform,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const response = await fetch(
    `${platform.mlflowUrl}/api/2.0/mlflow/webhooks${path}`,
    {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} webhooks${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : {};
}

describe('MLflow webhooks through the events backend, against the local MLflow', () => {
  let platform: LocalPlatform;
  let mlflow: MlflowClient;
  let backend: TestBackend;
  let ingressUrl: string;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    mlflow = new MlflowClient({ baseUrl: platform.mlflowUrl });
    backend = await startTestBackend({
      features: [
        // the backend's events service (one in-process bus for all plugins),
        // not the test backend's default per-plugin mock
        eventsServiceFactory,
        eventsPlugin,
        eventsModuleMlflowWebhook,
        catalogModuleMlflow,
        catalogCapture,
        mockServices.rootConfig.factory({
          data: {
            // the in-process bus only: one backend instance needs no
            // event bus in the database (whose long polls slow the stop)
            events: { useEventBus: 'never' },
            mlPlatform: { mlflow: { baseUrl: platform.mlflowUrl } },
            catalog: {
              providers: {
                mlflow: {
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 5 },
                  },
                  deltaSchedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                  webhook: { secret: SECRET },
                },
              },
            },
          },
        }),
      ],
    });
    ingressUrl = `http://127.0.0.1:${backend.server.port()}/api/events/http/mlflow.model-registry`;
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const step of cleanup.reverse()) {
      await step().catch(() => undefined);
    }
    await backend?.stop();
  }, 60_000);

  it('ran the full sync when the backend started', () => {
    expect(mutations[0]?.mutation.type).toBe('full');
  });

  it('refuses unsigned, forged, stale and replayed calls, which change nothing', async () => {
    const body = JSON.stringify({
      entity: 'model_version',
      action: 'created',
      timestamp: new Date().toISOString(),
      data: { name: FORGED_MODEL, version: '1' },
    });
    const deliveryId = 'c0ffee00-0000-4000-8000-000000000001';
    const now = String(Math.floor(Date.now() / 1000));
    const post = (headers: Record<string, string>) =>
      fetch(ingressUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });

    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).error.message).toContain(
      'unsigned call refused',
    );

    const forged = await post({
      'x-mlflow-delivery-id': deliveryId,
      'x-mlflow-timestamp': now,
      'x-mlflow-signature': mlflowSignature(
        'not-the-configured-secret',
        deliveryId,
        now,
        Buffer.from(body),
      ),
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.message).toContain(
      'forged call refused',
    );

    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const replayed = await post({
      'x-mlflow-delivery-id': deliveryId,
      'x-mlflow-timestamp': stale,
      'x-mlflow-signature': mlflowSignature(
        SECRET,
        deliveryId,
        stale,
        Buffer.from(body),
      ),
    });
    expect(replayed.status).toBe(403);
    expect((await replayed.json()).error.message).toContain(
      'stale call refused',
    );

    // a correctly signed call of the same body is accepted and acted on:
    // the model does not exist, so its (absent) entity is removed
    const signedHeaders = {
      'x-mlflow-delivery-id': deliveryId,
      'x-mlflow-timestamp': now,
      'x-mlflow-signature': mlflowSignature(
        SECRET,
        deliveryId,
        now,
        Buffer.from(body),
      ),
    };
    const signed = await post(signedHeaders);
    expect(signed.status).toBe(202);
    // the same delivery once more: a replay, refused and acted on by no one
    const again = await post(signedHeaders);
    expect(again.status).toBe(403);
    expect((await again.json()).error.message).toContain(
      'replayed call refused',
    );
    const [removal] = await waitFor('the signed call to be acted on', () => {
      const found = mutationsAbout(FORGED_MODEL);
      return found.length > 0 ? found : undefined;
    });
    expect(removal.mutation).toEqual({
      type: 'delta',
      added: [],
      removed: [
        {
          entityRef: modelEntityRef(FORGED_MODEL),
          locationKey: 'mlflow-models:default',
        },
      ],
    });
    // and the four refused ones did nothing
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(mutationsAbout(FORGED_MODEL)).toHaveLength(1);
  }, 30_000);

  it('refreshes a model within seconds of MLflow calling the webhook', async () => {
    const { webhook } = await mlflowApi(platform, 'POST', '', {
      name: `${PREFIX}-hook`,
      description: 'catalog-backend-module-mlflow integration test',
      url: ingressUrl,
      events: [
        { entity: 'REGISTERED_MODEL', action: 'CREATED' },
        { entity: 'MODEL_VERSION', action: 'CREATED' },
        { entity: 'MODEL_VERSION_TAG', action: 'SET' },
        { entity: 'MODEL_VERSION_TAG', action: 'DELETED' },
        { entity: 'MODEL_VERSION_ALIAS', action: 'CREATED' },
        { entity: 'MODEL_VERSION_ALIAS', action: 'DELETED' },
      ],
      secret: SECRET,
      status: 'ACTIVE',
    });
    cleanup.push(() => mlflowApi(platform, 'DELETE', `/${webhook.webhook_id}`));
    expect(webhook).toMatchObject({ status: 'ACTIVE', url: ingressUrl });
    expect(webhook).not.toHaveProperty('secret');

    // MLflow's own test delivery (an example payload) passes the signature check
    const { result } = await mlflowApi(
      platform,
      'POST',
      `/${webhook.webhook_id}/test`,
      { event: { entity: 'MODEL_VERSION', action: 'CREATED' } },
    );
    expect(result).toMatchObject({ success: true, response_status: 202 });
    // MLflow caches the webhooks of each event for MLFLOW_WEBHOOK_CACHE_TTL
    // (1 s on the local platform)
    await new Promise(resolve => setTimeout(resolve, 1500));

    // registered_model.created
    let started = Date.now();
    await mlflow.createRegisteredModel(MODEL, {
      tags: {
        'ml-platform.io/team': TEAM,
        'ml-platform.io/visibility': 'public',
      },
    });
    cleanup.push(() => mlflow.deleteRegisteredModel(MODEL));
    const [created] = await waitFor(
      'the delta of registered_model.created',
      () => {
        const found = deltasAdding(MODEL);
        return found.length > 0 ? found : undefined;
      },
      5_000,
    );
    const createdMs = created.at - started;
    const entity =
      created.mutation.type === 'delta'
        ? created.mutation.added[0].entity
        : undefined;
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: MODEL,
        labels: { 'ml-platform.io/public': 'true' },
        annotations: { 'ml-platform.io/namespace': TEAM },
      },
      spec: { type: 'ml-model', owner: `group:default/${TEAM}` },
    });

    // model_version.created, for a version of a real run
    const experimentId = await mlflow.createExperiment(`${PREFIX}-experiment`);
    cleanup.push(() => mlflow.deleteExperiment(experimentId));
    const run = await mlflow.createRun({ experimentId, runName: 'train' });
    started = Date.now();
    const before = deltasAdding(MODEL).length;
    await mlflow.createModelVersion({
      name: MODEL,
      source: `${run.info.artifact_uri}/model`,
      runId: run.info.run_id,
    });
    const versionDelta = await waitFor(
      'the delta of model_version.created',
      () => deltasAdding(MODEL)[before],
      5_000,
    );
    const versionMs = versionDelta.at - started;

    // model_version_alias.created
    started = Date.now();
    const beforeAlias = deltasAdding(MODEL).length;
    await mlflow.setRegisteredModelAlias(MODEL, 'champion', '1');
    const aliasDelta = await waitFor(
      'the delta of model_version_alias.created',
      () => deltasAdding(MODEL)[beforeAlias],
      5_000,
    );
    const aliasMs = aliasDelta.at - started;

    process.stderr.write(
      `webhook to delta: registered_model.created ${createdMs} ms, model_version.created ${versionMs} ms, model_version_alias.created ${aliasMs} ms\n`,
    );
  }, 60_000);
});
