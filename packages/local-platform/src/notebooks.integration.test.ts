import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { eventually } from './__testUtils__/eventually.ts';
import { useTestNamespace } from './__testUtils__/testNamespace.ts';

/**
 * Kubeflow's notebook-controller, built from its pinned upstream source and
 * run by `up` as itself: a Notebook becomes a StatefulSet, a Service and a
 * pod (run by kwok), and the controller reports on it, stops and starts it,
 * and culls it when idle.
 */

jest.setTimeout(120_000);

const NOTEBOOKS = { group: 'kubeflow.org', version: 'v1', plural: 'notebooks' };
const STOPPED = 'kubeflow-resource-stopped';
const LAST_ACTIVITY = 'notebooks.kubeflow.org/last-activity';
const LAST_CHECK = 'notebooks.kubeflow.org/last_activity_check_timestamp';

type Notebook = {
  metadata: { name: string; annotations?: Record<string, string> };
  status?: { readyReplicas?: number; containerState?: { running?: unknown } };
};

describe('notebook-controller on the local platform', () => {
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let custom: CustomObjectsApi;
  const { namespace, kubeConfig } = useTestNamespace('lp-nb');

  const notebook = (name: string) =>
    custom.getNamespacedCustomObject({
      ...NOTEBOOKS,
      namespace,
      name,
    }) as Promise<Notebook>;

  const annotate = (name: string, annotations: Record<string, string | null>) =>
    custom.patchNamespacedCustomObject(
      {
        ...NOTEBOOKS,
        namespace,
        name,
        body: { metadata: { annotations } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );

  const podPhase = (name: string) =>
    core.readNamespacedPod({ name: `${name}-0`, namespace }).then(
      pod => pod.status?.phase,
      (error: { code?: number }) => {
        if (error.code === 404) {
          return 'gone';
        }
        throw error;
      },
    );

  const createNotebook = (name: string) =>
    custom.createNamespacedCustomObject({
      ...NOTEBOOKS,
      namespace,
      body: {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name,
                  image: 'kubeflownotebookswg/jupyter-scipy:v1.9.0',
                  resources: { requests: { cpu: '500m', memory: '1Gi' } },
                },
              ],
            },
          },
        },
      },
    });

  const readyNotebook = (name: string) =>
    eventually(async () => {
      const current = await notebook(name);
      return current.status?.readyReplicas === 1 ? current : undefined;
    }, `notebook ${name} with readyReplicas 1`);

  beforeAll(async () => {
    const kc = kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    custom = kc.makeApiClient(CustomObjectsApi);
  });

  it('turns a Notebook into a StatefulSet, a Service and a Running pod, and reports readyReplicas 1', async () => {
    await createNotebook('explore');
    const ready = await readyNotebook('explore');
    expect(ready.status?.containerState?.running).toBeTruthy();
    const sts = await apps.readNamespacedStatefulSet({
      name: 'explore',
      namespace,
    });
    expect(sts.spec?.replicas).toBe(1);
    const service = await core.readNamespacedService({
      name: 'explore',
      namespace,
    });
    expect(service.spec?.ports?.[0]).toMatchObject({
      name: 'http-explore',
      port: 80,
    });
    expect(service.spec?.selector).toEqual({ statefulset: 'explore' });
    const pod = await core.readNamespacedPod({ name: 'explore-0', namespace });
    expect(pod.status?.phase).toBe('Running');
    expect(pod.spec?.nodeName).toMatch(/^kwok-/);
  });

  it('stops the pod on kubeflow-resource-stopped and starts it again when it is removed', async () => {
    await annotate('explore', { [STOPPED]: new Date().toISOString() });
    await eventually(
      async () => ((await podPhase('explore')) === 'gone' ? true : undefined),
      'the stopped notebook pod gone',
    );
    const stopped = await apps.readNamespacedStatefulSet({
      name: 'explore',
      namespace,
    });
    expect(stopped.spec?.replicas).toBe(0);
    await annotate('explore', { [STOPPED]: null });
    await readyNotebook('explore');
    expect(await podPhase('explore')).toBe('Running');
  });

  it('culls a notebook idle for longer than the idle time', async () => {
    await createNotebook('idle');
    await readyNotebook('idle');
    // the culler could see no kernel activity for two days, and has not checked for as long
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    await eventually(
      async () =>
        (
          await notebook('idle')
        ).metadata.annotations?.[LAST_CHECK]
          ? true
          : undefined,
      'the culler to start tracking the notebook',
    );
    await annotate('idle', {
      [LAST_ACTIVITY]: twoDaysAgo,
      [LAST_CHECK]: twoDaysAgo,
    });
    const culled = await eventually(async () => {
      const current = await notebook('idle');
      return current.metadata.annotations?.[STOPPED] ? current : undefined;
    }, 'the culler to stop the idle notebook');
    expect(Date.parse(culled.metadata.annotations![STOPPED])).toBeGreaterThan(
      Date.now() - 120_000,
    );
    await eventually(
      async () => ((await podPhase('idle')) === 'gone' ? true : undefined),
      'the culled notebook pod gone',
    );
  });
});
