import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  ensureLocalPlatform,
  type LocalPlatform,
} from '@ml-platform/local-platform';
import request from 'supertest';
import { startPlatformBackend } from './__testUtils__/platformBackend';
import { waitFor } from './__testUtils__/waitFor';

/**
 * Notebook servers through the suite's routes, against the local platform's
 * real apiserver, quota admission, scheduler, PV binding and Kubeflow
 * notebook-controller (its pods run on kwok nodes; kwok-gpu-1 has 2 GPUs).
 */

const SETUP_TIMEOUT = 30 * 60_000;
const run = Date.now().toString(36);
const team = `it-nb-${run}`;
const other = `it-nbo-${run}`;
const project = `${team}-lab`;
const organisation = {
  teams: [team, other],
  members: { alice: [team], carol: [team], bob: [other] } as Record<
    string,
    string[]
  >,
  admins: ['erin'],
};
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const NOTEBOOKS = { group: 'kubeflow.org', version: 'v1', plural: 'notebooks' };

/** Waits as long as the controllers may take on a busy machine. */
const eventually = <T>(what: string, read: () => Promise<T | undefined>) =>
  waitFor(what, read, 90_000);

jest.setTimeout(180_000);

describe('notebook servers on the workload path, against the local platform', () => {
  let platform: LocalPlatform;
  let server: any;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;

  const small = {
    image: 'JupyterLab (SciPy)',
    cpu: '500m',
    memory: '1Gi',
    workspace: { size: '1Gi' },
  };
  const create = (user: string, body: object, namespace = project) =>
    request(server)
      .post(`/api/ml-platform/namespaces/${namespace}/notebooks`)
      .set('Authorization', as(user))
      .send(body);
  const read = (user: string, name: string) =>
    request(server)
      .get(`/api/ml-platform/namespaces/${project}/notebooks/${name}`)
      .set('Authorization', as(user));
  const stateOf = (name: string, state: string) =>
    eventually(`notebook ${name} ${state}`, async () => {
      const response = await read('alice', name);
      return response.body.state === state ? response.body : undefined;
    });
  const exists = (lookup: () => Promise<unknown>) =>
    lookup().then(
      () => true,
      (error: any) => (error.code === 404 ? false : Promise.reject(error)),
    );
  const notebookExists = (name: string) =>
    exists(() =>
      custom.getNamespacedCustomObject({
        ...NOTEBOOKS,
        namespace: project,
        name,
      }),
    );
  const claimExists = (name: string) =>
    exists(() =>
      core.readNamespacedPersistentVolumeClaim({ namespace: project, name }),
    );

  beforeAll(async () => {
    platform = await ensureLocalPlatform({ seed: false });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(platform.kubeconfigPath);
    core = kubeConfig.makeApiClient(CoreV1Api);
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    ({ server } = await startPlatformBackend({
      platform,
      organisation,
      extraConfig: {
        notebooks: {
          gatewayUrl: 'http://gateway.test',
          culling: { enabled: true, idleMinutes: 1440 },
        },
      },
    }));
    for (const name of [team, other]) {
      const response = await request(server)
        .put(`/api/ml-platform/teams/${name}/namespace`)
        .set('Authorization', as('erin'))
        .send({ size: 'medium', quota: { gpu: 4 } });
      if (response.status !== 200) {
        throw new Error(
          `setup: ${response.status} ${JSON.stringify(response.body)}`,
        );
      }
    }
    const response = await request(server)
      .post(`/api/ml-platform/teams/${team}/projects`)
      .set('Authorization', as('alice'))
      .send({
        name: 'lab',
        size: 'small',
        quota: { cpu: '4', gpu: 4, storage: '10Gi' },
      });
    if (response.status !== 200) {
      throw new Error(
        `setup: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    // the quota controller has written what is used, which the headroom check reads
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

  it('a dry-run shows the exact Notebook and claim with the apiserver verdict, and stores nothing', async () => {
    const response = await create('alice', {
      ...small,
      name: 'preview',
      dryRun: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(true);
    expect(response.body.applied.map((a: any) => a.object)).toEqual([
      'PersistentVolumeClaim/preview-workspace',
      'Notebook/preview',
    ]);
    const notebook = response.body.manifests[1];
    expect(notebook.spec.template.spec.containers[0]).toMatchObject({
      image: 'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0',
      resources: {
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { cpu: '1000m', memory: '1Gi' },
      },
    });
    expect(notebook.metadata.annotations['ml-platform.io/created-by']).toBe(
      'user:default/alice',
    );
    expect(await notebookExists('preview')).toBe(false);
    expect(await claimExists('preview-workspace')).toBe(false);
  });

  it('creates a notebook that the controller runs; the list shows who, what, and where to open it', async () => {
    const response = await create('alice', { ...small, name: 'explore' });
    expect(response.status).toBe(200);
    const running = await stateOf('explore', 'Running');
    expect(running).toMatchObject({
      namespace: project,
      team,
      project: 'lab',
      createdBy: 'user:default/alice',
      cpu: '500m',
      memory: '1Gi',
      workspace: 'explore-workspace',
      url: `http://gateway.test/notebook/${project}/explore/`,
    });
    const claim = await core.readNamespacedPersistentVolumeClaim({
      namespace: project,
      name: 'explore-workspace',
    });
    expect(claim.status?.phase).toBe('Bound');
    const teamList = await request(server)
      .get(`/api/ml-platform/teams/${team}/notebooks`)
      .set('Authorization', as('alice'));
    expect(teamList.status).toBe(200);
    expect(teamList.body.items.map((n: any) => n.name)).toContain('explore');
    expect(teamList.body.culling).toEqual({ enabled: true, idleMinutes: 1440 });
    // a teammate's create of the same name does not overwrite it
    const clash = await create('carol', {
      ...small,
      name: 'explore',
      cpu: '1',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('exists already in namespace');
    expect(clash.body.error.message).toContain('created by alice');
    // the creator's own re-run applies again
    const again = await create('alice', { ...small, name: 'explore' });
    expect(again.status).toBe(200);
    expect(again.body.notes[0]).toContain('exists already: applied again');
  });

  it('stops and starts a notebook', async () => {
    const stop = await request(server)
      .post(`/api/ml-platform/namespaces/${project}/notebooks/explore/stop`)
      .set('Authorization', as('alice'));
    expect(stop.status).toBe(200);
    const stopped = await stateOf('explore', 'Stopped');
    expect(stopped.reason).toBe('stopped by alice');
    const start = await request(server)
      .post(`/api/ml-platform/namespaces/${project}/notebooks/explore/start`)
      .set('Authorization', as('alice'));
    expect(start.status).toBe(200);
    await stateOf('explore', 'Running');
  });

  it('refuses a notebook over the quota in plain words, before creating anything', async () => {
    const cpu = await create('alice', { ...small, name: 'too-big', cpu: '4' });
    expect(cpu.status).toBe(409);
    expect(cpu.body.error.message).toContain(
      `needs 4 CPU, ${project} has 3.5 of 4 CPU left`,
    );
    const storage = await create('alice', {
      ...small,
      name: 'too-big',
      workspace: { size: '20Gi' },
    });
    expect(storage.status).toBe(409);
    expect(storage.body.error.message).toContain(
      `needs 20Gi storage, ${project} has 9Gi of 10Gi storage left`,
    );
    expect(await notebookExists('too-big')).toBe(false);
    expect(await claimExists('too-big-workspace')).toBe(false);
  });

  it('refuses 3 GPUs as unschedulable: no node has that many', async () => {
    const response = await create('alice', {
      ...small,
      name: 'three-gpus',
      gpu: { count: 3 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'it asks for 3 nvidia.com/gpu, the largest node has 2',
    );
    expect(await notebookExists('three-gpus')).toBe(false);
    expect(await claimExists('three-gpus-workspace')).toBe(false);
  });

  it('says why a notebook is Pending when the GPU pool is full', async () => {
    expect(
      (await create('alice', { ...small, name: 'gpu-two', gpu: { count: 2 } }))
        .status,
    ).toBe(200);
    await stateOf('gpu-two', 'Running');
    expect(
      (await create('alice', { ...small, name: 'gpu-one', gpu: { count: 1 } }))
        .status,
    ).toBe(200);
    const pending = await stateOf('gpu-one', 'Pending');
    expect(pending.reason).toContain('no node has enough free nvidia.com/gpu');
    for (const name of ['gpu-one', 'gpu-two']) {
      await request(server)
        .delete(
          `/api/ml-platform/namespaces/${project}/notebooks/${name}?deleteWorkspace=true`,
        )
        .set('Authorization', as('alice'));
    }
  });

  it("refuses another team's member on every route, and creates nothing", async () => {
    const list = await request(server)
      .get(`/api/ml-platform/namespaces/${project}/notebooks`)
      .set('Authorization', as('bob'));
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain(`not a member of team "${team}"`);
    expect(
      (
        await request(server)
          .get(`/api/ml-platform/teams/${team}/notebooks`)
          .set('Authorization', as('bob'))
      ).status,
    ).toBe(403);
    // a team that is no group name is refused before anything is read
    const malformed = await request(server)
      .get(`/api/ml-platform/teams/${encodeURIComponent('x,y=z')}/notebooks`)
      .set('Authorization', as('erin'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('team');
    expect((await create('bob', { ...small, name: 'intruder' })).status).toBe(
      403,
    );
    for (const verb of ['stop', 'start']) {
      const response = await request(server)
        .post(
          `/api/ml-platform/namespaces/${project}/notebooks/explore/${verb}`,
        )
        .set('Authorization', as('bob'));
      expect(response.status).toBe(403);
    }
    const remove = await request(server)
      .delete(`/api/ml-platform/namespaces/${project}/notebooks/explore`)
      .set('Authorization', as('bob'));
    expect(remove.status).toBe(403);
    expect(await notebookExists('intruder')).toBe(false);
    expect(await notebookExists('explore')).toBe(true);
  });

  it('shows a notebook the culler stopped as Culled, with its last activity', async () => {
    await stateOf('explore', 'Running');
    // the culler records the last kernel activity it saw; the list shows it
    const tracked = await eventually(
      'the culler to track the notebook',
      async () => {
        const response = await read('alice', 'explore');
        return response.body.lastActivity ? response.body : undefined;
      },
    );
    expect(Date.parse(tracked.lastActivity)).toBeGreaterThan(
      Date.now() - 600_000,
    );
    // what the culler sees of a server without kernel activity for two days
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    await custom.patchNamespacedCustomObject(
      {
        ...NOTEBOOKS,
        namespace: project,
        name: 'explore',
        body: {
          metadata: {
            annotations: {
              'notebooks.kubeflow.org/last-activity': twoDaysAgo,
              'notebooks.kubeflow.org/last_activity_check_timestamp':
                twoDaysAgo,
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const culled = await stateOf('explore', 'Culled');
    expect(culled.reason).toMatch(
      /^stopped by the culler at \S+ after 1440 minutes without kernel activity/,
    );
    expect(Date.parse(culled.stoppedAt)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('deletes a notebook, keeping its workspace unless asked', async () => {
    const kept = await request(server)
      .delete(`/api/ml-platform/namespaces/${project}/notebooks/explore`)
      .set('Authorization', as('alice'));
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      deleted: ['Notebook/explore'],
      kept: ['PersistentVolumeClaim/explore-workspace'],
    });
    expect(kept.body.notes[0]).toContain(
      'Kept PersistentVolumeClaim/explore-workspace',
    );
    expect(await claimExists('explore-workspace')).toBe(true);
    // the kept workspace serves a new notebook
    const again = await create('alice', {
      ...small,
      name: 'explore',
      workspace: { existingClaim: 'explore-workspace' },
    });
    expect(again.status).toBe(200);
    expect(again.body.applied.map((a: any) => a.object)).toEqual([
      'Notebook/explore',
    ]);
    const gone = await request(server)
      .delete(
        `/api/ml-platform/namespaces/${project}/notebooks/explore?deleteWorkspace=true`,
      )
      .set('Authorization', as('alice'));
    expect(gone.body.deleted).toEqual([
      'Notebook/explore',
      'PersistentVolumeClaim/explore-workspace',
    ]);
    await eventually('the workspace claim gone', async () =>
      (await claimExists('explore-workspace')) ? undefined : true,
    );
  });
});
