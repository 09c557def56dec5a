import { mockCredentials } from '@backstage/backend-test-utils';
import {
  MlflowClient,
  type MlflowMetric,
} from '@ml-platform/backstage-plugin-ml-platform-node';
import type {
  ModelDetails,
  RunSearchResponse,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import request from 'supertest';
import { startPlatformBackend } from './__testUtils__/platformBackend';

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
const fraud = `it-mlf-fraud-${run}`;
const recs = `it-mlf-recs-${run}`;
const organisation = {
  teams: [fraud, recs],
  members: { alice: [fraud], bob: [recs] } as Record<string, string[]>,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const TEAM_TAG = 'ml-platform.io/team';

jest.setTimeout(60_000);

/** Three runs of a team's experiment: accuracy grows per step, the last run is best. */
const candidates = [
  { name: 'sgd', params: { model_type: 'sgd', alpha: '0.01' }, acc: 0.71 },
  { name: 'forest', params: { model_type: 'forest', alpha: '0.1' }, acc: 0.84 },
  { name: 'boost', params: { model_type: 'boost', alpha: '0.5' }, acc: 0.93 },
];

describe('MLflow routes against the local MLflow, with the real permission backend', () => {
  let platform: LocalPlatform;
  let mlflow: MlflowClient;
  let server: any;
  const experimentIds: Record<string, string> = {};
  const runIds: Record<string, string> = {};
  const models: string[] = [];

  async function seedTeam(team: string) {
    const experimentId = await mlflow.createExperiment(`${team}/scoring`, {
      [TEAM_TAG]: team,
      'ml-platform.io/project': 'scoring',
      'mlflow.note.content': `Scoring models of ${team}`,
    });
    experimentIds[team] = experimentId;
    for (const candidate of candidates) {
      const created = await mlflow.createRun({
        experimentId,
        runName: candidate.name,
        tags: { [TEAM_TAG]: team },
      });
      const id = created.info.run_id;
      runIds[`${team}/${candidate.name}`] = id;
      const now = Date.now();
      const history: MlflowMetric[] = [1, 2, 3].map(step => ({
        key: 'val_accuracy',
        value: candidate.acc - (3 - step) * 0.1,
        timestamp: now + step,
        step,
      }));
      await mlflow.logBatch(id, {
        metrics: [
          ...history,
          {
            key: 'train_loss',
            value: 1 - candidate.acc,
            timestamp: now,
            step: 3,
          },
        ],
        params: Object.entries(candidate.params).map(([key, value]) => ({
          key,
          value,
        })),
      });
    }
  }

  async function registerModel(
    name: string,
    tags: Record<string, string>,
    fromRuns: string[],
  ) {
    await mlflow.createRegisteredModel(name, {
      description: `Model ${name}`,
      tags,
    });
    models.push(name);
    for (const runKey of fromRuns) {
      await mlflow.createModelVersion({
        name,
        source: `runs:/${runIds[runKey]}/model`,
        runId: runIds[runKey],
      });
    }
  }

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    mlflow = new MlflowClient({ baseUrl: platform.mlflowUrl });
    await seedTeam(fraud);
    await seedTeam(recs);
    await registerModel(`${fraud}-scorer`, { [TEAM_TAG]: fraud }, [
      `${fraud}/sgd`,
      `${fraud}/forest`,
      `${fraud}/boost`,
    ]);
    await mlflow.setRegisteredModelAlias(`${fraud}-scorer`, 'champion', '3');
    await mlflow.setRegisteredModelAlias(`${fraud}-scorer`, 'challenger', '2');
    await registerModel(`${recs}-private`, { [TEAM_TAG]: recs }, [
      `${recs}/boost`,
    ]);
    await registerModel(
      `${recs}-shared`,
      { [TEAM_TAG]: recs, 'ml-platform.io/visibility': 'public' },
      [`${recs}/forest`],
    );
    await registerModel(`${run}-untagged`, {}, []);
    await registerModel(`${fraud}-empty`, { [TEAM_TAG]: fraud }, []);
    ({ server } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: { mlflow: { baseUrl: platform.mlflowUrl } },
    }));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const name of models) {
      await mlflow?.deleteRegisteredModel(name).catch(() => undefined);
    }
    for (const id of Object.values(experimentIds)) {
      await mlflow?.deleteExperiment(id).catch(() => undefined);
    }
  });

  describe('experiments', () => {
    it("lists a team's experiments to its members", async () => {
      const res = await request(server)
        .get(`/api/ml-platform/teams/${fraud}/experiments`)
        .set('Authorization', as('alice'));
      expect(res.status).toBe(200);
      expect(res.body.experiments).toEqual([
        expect.objectContaining({
          id: experimentIds[fraud],
          name: `${fraud}/scoring`,
          team: fraud,
          project: 'scoring',
          description: `Scoring models of ${fraud}`,
          lifecycleStage: 'active',
          mlflowUrl: `${platform.mlflowUrl}/#/experiments/${experimentIds[fraud]}`,
        }),
      ]);
    });

    it("refuses another team's experiments, an unknown team and a malformed one", async () => {
      const other = await request(server)
        .get(`/api/ml-platform/teams/${recs}/experiments`)
        .set('Authorization', as('alice'));
      expect(other.status).toBe(403);
      expect(other.body.error.message).toContain(
        `belongs to team "${recs}" and you are not a member`,
      );
      const unknown = await request(server)
        .get(`/api/ml-platform/teams/nobody-${run}/experiments`)
        .set('Authorization', as('alice'));
      expect(unknown.status).toBe(404);
      const malformed = await request(server)
        .get('/api/ml-platform/teams/Not_A_Team/experiments')
        .set('Authorization', as('alice'));
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/^team /);
    });

    it('finds an experiment by name for its team only', async () => {
      const own = await request(server)
        .get('/api/ml-platform/experiments')
        .query({ name: `${fraud}/scoring` })
        .set('Authorization', as('alice'));
      expect(own.status).toBe(200);
      expect(own.body.experiments.map((e: any) => e.id)).toEqual([
        experimentIds[fraud],
      ]);
      const missing = await request(server)
        .get('/api/ml-platform/experiments')
        .query({ name: `${fraud}/nothing-here` })
        .set('Authorization', as('alice'));
      expect(missing.status).toBe(200);
      expect(missing.body.experiments).toEqual([]);
      const other = await request(server)
        .get('/api/ml-platform/experiments')
        .query({ name: `${recs}/scoring` })
        .set('Authorization', as('alice'));
      expect(other.status).toBe(403);
    });
  });

  describe('runs', () => {
    const search = (user: string, body: object) =>
      request(server)
        .post('/api/ml-platform/runs/search')
        .set('Authorization', as(user))
        .send(body);

    it('returns the runs with metrics and params, sorted as asked', async () => {
      const res = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        orderBy: ['metrics.val_accuracy DESC'],
      });
      expect(res.status).toBe(200);
      const body = res.body as RunSearchResponse;
      expect(body.runs.map(r => r.name)).toEqual(['boost', 'forest', 'sgd']);
      expect(body.runs[0]).toMatchObject({
        id: runIds[`${fraud}/boost`],
        experimentId: experimentIds[fraud],
        status: 'RUNNING',
        metrics: { val_accuracy: 0.93, train_loss: expect.any(Number) },
        params: { model_type: 'boost', alpha: '0.5' },
        tags: { [TEAM_TAG]: fraud },
        mlflowUrl: `${platform.mlflowUrl}/#/experiments/${
          experimentIds[fraud]
        }/runs/${runIds[`${fraud}/boost`]}`,
      });
      expect(body.metricKeys).toEqual(['train_loss', 'val_accuracy']);
      expect(body.paramKeys).toEqual(['alpha', 'model_type']);
      expect(body.nextPageToken).toBeUndefined();
    });

    it("filters in MLflow's syntax and pages with a token", async () => {
      const filtered = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        filter: "metrics.val_accuracy > 0.8 and params.model_type != 'boost'",
      });
      expect(filtered.status).toBe(200);
      expect(filtered.body.runs.map((r: any) => r.name)).toEqual(['forest']);

      const first = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        orderBy: ['params.alpha ASC'],
        maxResults: 2,
      });
      expect(first.body.runs.map((r: any) => r.name)).toEqual([
        'sgd',
        'forest',
      ]);
      expect(first.body.nextPageToken).toEqual(expect.any(String));
      const second = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        orderBy: ['params.alpha ASC'],
        maxResults: 2,
        pageToken: first.body.nextPageToken,
      });
      expect(second.body.runs.map((r: any) => r.name)).toEqual(['boost']);
    });

    it("answers a filter MLflow rejects with 400 and MLflow's reason, naming the filter", async () => {
      const res = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        filter: 'metrics.val_accuracy >>> 0.8',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(
        'rejected the search with filter "metrics.val_accuracy >>> 0.8"',
      );
    });

    it('rejects bad input before asking MLflow, naming the field', async () => {
      const badOrder = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        orderBy: ['val_accuracy; drop table runs'],
      });
      expect(badOrder.status).toBe(400);
      expect(badOrder.body.error.message).toMatch(/^orderBy\[0\] /);
      const noExperiment = await search('alice', { experimentIds: [] });
      expect(noExperiment.status).toBe(400);
      const extra = await search('alice', {
        experimentIds: [experimentIds[fraud]],
        sql: 'select 1',
      });
      expect(extra.status).toBe(400);
    });

    it("refuses another team's experiment, even next to one's own, and says whose", async () => {
      const res = await search('alice', {
        experimentIds: [experimentIds[fraud], experimentIds[recs]],
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        `experiment "${recs}/scoring" of team "${recs}"`,
      );
      const admin = await search('erin', {
        experimentIds: [experimentIds[fraud], experimentIds[recs]],
      });
      expect(admin.status).toBe(200);
      expect(admin.body.runs).toHaveLength(6);
    });

    it('answers 404 for an experiment MLflow does not have', async () => {
      const res = await search('alice', { experimentIds: ['987654321'] });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('987654321');
    });

    it('gives the metric history by step, for the run’s team only', async () => {
      const runId = runIds[`${fraud}/forest`];
      const res = await request(server)
        .get(`/api/ml-platform/runs/${runId}/metric-history`)
        .query('keys=val_accuracy&keys=train_loss')
        .set('Authorization', as('alice'));
      expect(res.status).toBe(200);
      expect(res.body.runId).toBe(runId);
      expect(
        res.body.metrics.val_accuracy.map((p: any) => [p.step, p.value]),
      ).toEqual([
        [1, expect.closeTo(0.64)],
        [2, expect.closeTo(0.74)],
        [3, expect.closeTo(0.84)],
      ]);
      expect(res.body.metrics.train_loss).toHaveLength(1);
      const denied = await request(server)
        .get(`/api/ml-platform/runs/${runId}/metric-history`)
        .query({ keys: 'val_accuracy' })
        .set('Authorization', as('bob'));
      expect(denied.status).toBe(403);
      const missing = await request(server)
        .get(`/api/ml-platform/runs/${'0'.repeat(32)}/metric-history`)
        .query({ keys: 'val_accuracy' })
        .set('Authorization', as('alice'));
      expect(missing.status).toBe(404);
    });
  });

  describe('models', () => {
    const model = (user: string, name: string) =>
      request(server)
        .get(`/api/ml-platform/models/${encodeURIComponent(name)}`)
        .set('Authorization', as(user));

    it('shows a model with its versions, aliases and source runs (lineage)', async () => {
      const res = await model('alice', `${fraud}-scorer`);
      expect(res.status).toBe(200);
      const body = res.body as ModelDetails;
      expect(body).toMatchObject({
        name: `${fraud}-scorer`,
        description: `Model ${fraud}-scorer`,
        team: fraud,
        public: false,
        aliases: [
          { alias: 'challenger', version: '2' },
          { alias: 'champion', version: '3' },
        ],
        mlflowUrl: `${platform.mlflowUrl}/#/models/${fraud}-scorer`,
        metricKeys: ['train_loss', 'val_accuracy'],
      });
      expect(body.versions.map(v => [v.version, v.aliases])).toEqual([
        ['3', ['champion']],
        ['2', ['challenger']],
        ['1', []],
      ]);
      const newest = body.versions[0];
      expect(newest).toMatchObject({
        status: 'READY',
        source: `runs:/${runIds[`${fraud}/boost`]}/model`,
        mlflowUrl: `${platform.mlflowUrl}/#/models/${fraud}-scorer/versions/3`,
        run: {
          id: runIds[`${fraud}/boost`],
          name: 'boost',
          experimentId: experimentIds[fraud],
          experimentName: `${fraud}/scoring`,
          metrics: { val_accuracy: 0.93 },
          params: { model_type: 'boost', alpha: '0.5' },
          experimentUrl: `${platform.mlflowUrl}/#/experiments/${experimentIds[fraud]}`,
        },
      });
      expect(newest.stage).toBeUndefined();
      expect(newest.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it("refuses another team's model and says why", async () => {
      const res = await model('alice', `${recs}-private`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        `belongs to team "${recs}" and you are not a member`,
      );
      expect(res.body.error.message).toContain(
        'ml-platform.io/visibility=public',
      );
      expect((await model('bob', `${recs}-private`)).status).toBe(200);
    });

    it("shows a public model to everyone, but not another team's run behind it", async () => {
      const res = await model('alice', `${recs}-shared`);
      expect(res.status).toBe(200);
      expect(res.body.public).toBe(true);
      expect(res.body.versions[0].run).toBeUndefined();
      expect(res.body.versions[0].runUnavailable).toContain(
        `experiment "${recs}/scoring" of team "${recs}"`,
      );
      const owner = await model('bob', `${recs}-shared`);
      expect(owner.body.versions[0].run.name).toBe('forest');
    });

    it('keeps a model without a team tag to the platform admins', async () => {
      expect((await model('alice', `${run}-untagged`)).status).toBe(403);
      const admin = await model('erin', `${run}-untagged`);
      expect(admin.status).toBe(200);
      expect(admin.body.team).toBeUndefined();
    });

    it('answers a model without versions, and one MLflow does not have', async () => {
      const empty = await model('alice', `${fraud}-empty`);
      expect(empty.status).toBe(200);
      expect(empty.body.versions).toEqual([]);
      expect(empty.body.metricKeys).toEqual([]);
      const missing = await model('alice', `no-such-model-${run}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain(`no-such-model-${run}`);
    });

    it('says that MLflow is down, naming its URL', async () => {
      const down = await startPlatformBackend({
        platform,
        organisation,
        // nothing listens on port 1 of the loopback
        extraConfig: { mlflow: { baseUrl: 'http://127.0.0.1:1' } },
      });
      const res = await request(down.server)
        .get(`/api/ml-platform/models/${fraud}-scorer`)
        .set('Authorization', as('alice'));
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain(
        'MLflow at http://127.0.0.1:1 is unreachable',
      );
      await down.stop();
    });
  });
});
