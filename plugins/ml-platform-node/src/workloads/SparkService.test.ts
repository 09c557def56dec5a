import { mockCredentials } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  jobInputOfSpec,
  renderSparkCluster,
  renderSparkJob,
  sparkConnection,
} from './kinds/spark';
import { rerunName, SparkService } from './SparkService';
import type { SparkSettings } from './sparkSettings';
import {
  clusterInput,
  GATEWAY_URL,
  NAMESPACE,
  OWNER,
  pythonJob,
  scalaJob,
  scheduledSparkApplication,
  scheduleRun,
  SPARK_SETTINGS,
  sparkApplication,
  sparkConnect,
  sparkSettings,
  TARGET,
  USER,
} from './testUtils/sparkFixtures';
import type { WorkloadRead } from './WorkloadService';

const credentials = mockCredentials.user(USER);

const read = (
  object: Record<string, any>,
  target: WorkloadRead['target'] = OWNER,
): WorkloadRead => ({
  target,
  object,
  related: { pods: [], events: [] },
});

/**
 * A WorkloadService that renders with the kind's own render, applies the
 * transform it is given, and reads from `reads`; every call is recorded.
 */
function fakeService(
  render: (input: any, target: any, settings: SparkSettings) => unknown[],
  reads: WorkloadRead[] = [],
  settings: SparkSettings = SPARK_SETTINGS,
) {
  const find = (name: string) => {
    const found = reads.find(r => r.object.metadata?.name === name);
    if (!found) {
      throw new NotFoundError(`${name} not found`);
    }
    return found;
  };
  return {
    create: jest.fn(async (namespace: string, input: any, options: any) => {
      const rendered = render(
        input,
        { ...TARGET, namespace },
        settings,
      ) as KubernetesObject[];
      const objects = options.transform
        ? options.transform(rendered)
        : rendered;
      return {
        cluster: 'local',
        namespace,
        name: input.name,
        dryRun: options.dryRun ?? false,
        manifests: objects,
        applied: [],
        notes: [],
      };
    }),
    get: jest.fn(async (_namespace: string, name: string) => find(name)),
    listNamespace: jest.fn(async () => reads),
    listTeam: jest.fn(async () => reads),
    patch: jest.fn(async (_namespace: string, name: string, body: any) => {
      const found = find(name);
      found.object.spec = { ...found.object.spec, ...body.spec };
      return found;
    }),
    delete: jest.fn(async (_namespace: string, name: string) => ({
      deleted: [`${name}`],
      kept: [],
    })),
  };
}

function setup(
  reads: {
    jobs?: WorkloadRead[];
    schedules?: WorkloadRead[];
    clusters?: WorkloadRead[];
  } = {},
  settings: SparkSettings = SPARK_SETTINGS,
) {
  const jobs = fakeService(renderSparkJob, reads.jobs, settings);
  const schedules = fakeService(renderSparkJob, reads.schedules, settings);
  const clusters = fakeService(renderSparkCluster, reads.clusters, settings);
  const service = new SparkService(
    { jobs, schedules, clusters } as any,
    settings,
  );
  return { service, jobs, schedules, clusters };
}

describe('rerunName', () => {
  it('counts re-runs of the original, not of re-runs', () => {
    expect(rerunName('pi', new Set())).toBe('pi-rerun-1');
    expect(rerunName('pi', new Set(['pi-rerun-1', 'pi-rerun-2']))).toBe(
      'pi-rerun-3',
    );
    expect(rerunName('pi-rerun-1', new Set(['pi-rerun-1']))).toBe('pi-rerun-2');
  });

  it('stays within the 40 characters of a job name, without a dangling "-"', () => {
    const long = `${'a'.repeat(31)}-${'b'.repeat(8)}`;
    const name = rerunName(long, new Set());
    expect(name).toBe(`${'a'.repeat(31)}-rerun-1`);
    expect(name.length).toBeLessThanOrEqual(40);
    expect(rerunName('c'.repeat(40), new Set())).toBe(
      `${'c'.repeat(32)}-rerun-1`,
    );
  });
});

describe('SparkService', () => {
  describe('options', () => {
    it('offers what the settings allow', () => {
      const { service } = setup();
      expect(service.options()).toEqual({
        backend: 'kubeflow',
        versions: SPARK_SETTINGS.versions,
        applicationFilePrefixes: SPARK_SETTINGS.applicationFilePrefixes,
        allowedConfKeys: SPARK_SETTINGS.allowedConfKeys,
        types: ['Python', 'Scala', 'Java'],
        restartPolicies: ['Never', 'OnFailure', 'Always'],
        concurrencyPolicies: ['Allow', 'Forbid', 'Replace'],
        historyServerUrl: 'https://history.example.com',
      });
      expect(
        setup(
          {},
          sparkSettings({ historyServerUrl: undefined }),
        ).service.options(),
      ).not.toHaveProperty('historyServerUrl');
    });
  });

  describe('createJob', () => {
    it('makes a SparkApplication on the jobs path, with the UI’s gateway URL', async () => {
      const { service, jobs, schedules } = setup();
      const input = pythonJob();
      const result = await service.createJob(NAMESPACE, input, {
        credentials,
        dryRun: true,
      });
      expect(jobs.create).toHaveBeenCalledWith(NAMESPACE, input, {
        credentials,
        dryRun: true,
      });
      expect(schedules.create).not.toHaveBeenCalled();
      expect(result).toMatchObject({
        kind: 'SparkApplication',
        name: 'pi',
        dryRun: true,
        uiUrl: `${GATEWAY_URL}/spark/${NAMESPACE}/pi/`,
      });
      expect(result.manifests[0]).toMatchObject({ kind: 'SparkApplication' });
      expect(result).not.toHaveProperty('nextRuns');
    });

    it('has no UI URL without a gateway', async () => {
      const { service } = setup({}, sparkSettings({ gatewayUrl: undefined }));
      const result = await service.createJob(NAMESPACE, pythonJob(), {
        credentials,
      });
      expect(result).not.toHaveProperty('uiUrl');
    });

    it('makes a ScheduledSparkApplication on the schedules path, with the next runs', async () => {
      const { service, jobs, schedules } = setup();
      const input = pythonJob({
        name: 'nightly',
        schedule: { cron: '0 2 * * *', timeZone: 'Asia/Tokyo' },
      });
      const before = Date.now();
      const result = await service.createJob(NAMESPACE, input, {
        credentials,
      });
      expect(schedules.create).toHaveBeenCalledWith(NAMESPACE, input, {
        credentials,
      });
      expect(jobs.create).not.toHaveBeenCalled();
      expect(result.kind).toBe('ScheduledSparkApplication');
      expect(result.manifests[0]).toMatchObject({
        kind: 'ScheduledSparkApplication',
      });
      expect(result).not.toHaveProperty('uiUrl');
      // 02:00 in Tokyo (no daylight saving time) is 17:00 UTC, a day apart
      const runs = result.nextRuns ?? [];
      expect(runs).toHaveLength(3);
      for (const run of runs) {
        expect(run).toMatch(/T17:00:00\.000Z$/);
      }
      expect(Date.parse(runs[0])).toBeGreaterThan(before);
      expect(Date.parse(runs[1]) - Date.parse(runs[0])).toBe(86400000);
      expect(Date.parse(runs[2]) - Date.parse(runs[1])).toBe(86400000);
    });

    it('computes the next runs in UTC by default', async () => {
      const { service } = setup();
      const result = await service.createJob(
        NAMESPACE,
        pythonJob({ schedule: { cron: '30 4 * * *' } }),
        { credentials },
      );
      expect(result.nextRuns).toEqual([
        expect.stringMatching(/T04:30:00\.000Z$/),
        expect.stringMatching(/T04:30:00\.000Z$/),
        expect.stringMatching(/T04:30:00\.000Z$/),
      ]);
    });
  });

  describe('createCluster', () => {
    it('says where to connect to a SparkConnect', async () => {
      const { service, clusters } = setup();
      const result = await service.createCluster(NAMESPACE, clusterInput(), {
        credentials,
      });
      expect(clusters.create).toHaveBeenCalledWith(NAMESPACE, clusterInput(), {
        credentials,
      });
      expect(result.connection).toEqual(
        sparkConnection(NAMESPACE, 'x', 'x-server', SPARK_SETTINGS),
      );
      expect(result.connection?.inCluster).toBe(
        `sc://x-server.${NAMESPACE}.svc.cluster.local:15002`,
      );
    });

    it('has no Spark Connect address for Apache’s SparkCluster', async () => {
      const { service } = setup({}, sparkSettings({ backend: 'apache' }));
      const result = await service.createCluster(NAMESPACE, clusterInput(), {
        credentials,
      });
      expect(result.manifests[0]).toMatchObject({ kind: 'SparkCluster' });
      expect(result).not.toHaveProperty('connection');
    });
  });

  describe('rerunJob', () => {
    /** The original: a rendered Scala job, with a field the platform does not render. */
    const originalSpec = () => ({
      ...(
        renderSparkJob(scalaJob(), TARGET, SPARK_SETTINGS)[0] as unknown as {
          spec: Record<string, any>;
        }
      ).spec,
      sparkUIOptions: { serviceLabels: { team: 'fraud-detection' } },
    });
    const finished = (state: string, name = 'pi') =>
      read(
        sparkApplication({
          name,
          spec: originalSpec(),
          status: { applicationState: { state } },
        }),
      );

    it('refuses a job that is not finished, naming its state', async () => {
      const { service, jobs } = setup({ jobs: [finished('RUNNING')] });
      const rerun = service.rerunJob(NAMESPACE, 'pi', { credentials });
      await expect(rerun).rejects.toThrow(ConflictError);
      await expect(rerun).rejects.toThrow(
        'Spark job "pi" is RUNNING: only a finished job (COMPLETED, FAILED, SUBMISSION_FAILED) can be run again',
      );
      expect(jobs.create).not.toHaveBeenCalled();
    });

    it('runs a finished job again with its spec verbatim, marked as a re-run', async () => {
      const original = finished('COMPLETED');
      const { service, jobs } = setup({
        jobs: [original, finished('FAILED', 'pi-rerun-1')],
      });
      const result = await service.rerunJob(NAMESPACE, 'pi', {
        credentials,
        dryRun: true,
      });
      // checked and sized as a new job from the original's spec
      expect(jobs.create).toHaveBeenCalledTimes(1);
      const [namespace, input, options] = jobs.create.mock.calls[0];
      expect(namespace).toBe(NAMESPACE);
      expect(input).toEqual({
        ...jobInputOfSpec(original.object.spec),
        name: 'pi-rerun-2',
      });
      expect(options).toMatchObject({ credentials, dryRun: true });
      expect(options.transform).toEqual(expect.any(Function));
      const [made] = result.manifests as Array<Record<string, any>>;
      expect(made.spec).toEqual(original.object.spec);
      expect(made.metadata).toEqual({
        name: 'pi-rerun-2',
        namespace: NAMESPACE,
        labels: {
          'ml-platform.io/team': 'fraud-detection',
          'ml-platform.io/project': 'scoring',
        },
        annotations: {
          'ml-platform.io/created-by': USER,
          'ml-platform.io/rerun-of': 'pi',
        },
      });
      expect(result).toMatchObject({
        kind: 'SparkApplication',
        name: 'pi-rerun-2',
        uiUrl: `${GATEWAY_URL}/spark/${NAMESPACE}/pi-rerun-2/`,
      });
    });

    it('runs a failed run of a schedule again as a job of its own', async () => {
      const run = read(scheduleRun('nightly', '1760061600000000003', 'FAILED'));
      const { service } = setup({ jobs: [run] });
      const result = await service.rerunJob(
        NAMESPACE,
        'nightly-1760061600000000003',
        { credentials },
      );
      const [made] = result.manifests as Array<Record<string, any>>;
      expect(made.metadata.name).toBe('nightly-1760061600000000003-rerun-1');
      expect(made.metadata.labels).not.toHaveProperty(
        'sparkoperator.k8s.io/scheduled-app-name',
      );
      expect(made.metadata.annotations['ml-platform.io/rerun-of']).toBe(
        'nightly-1760061600000000003',
      );
    });

    it('takes a new name, unless a job has it', async () => {
      const { service, jobs } = setup({
        jobs: [finished('SUBMISSION_FAILED'), finished('COMPLETED', 'other')],
      });
      await expect(
        service.rerunJob(NAMESPACE, 'pi', { credentials, newName: 'other' }),
      ).rejects.toThrow(
        `Spark job "other" exists already in namespace "${NAMESPACE}": choose another name`,
      );
      expect(jobs.create).not.toHaveBeenCalled();
      const result = await service.rerunJob(NAMESPACE, 'pi', {
        credentials,
        newName: 'pi-again',
      });
      expect(result.name).toBe('pi-again');
    });
  });

  describe('setScheduleSuspended', () => {
    it('patches spec.suspend and answers with the schedule', async () => {
      const { service, schedules } = setup({
        schedules: [read(scheduledSparkApplication())],
      });
      const summary = await service.setScheduleSuspended(
        NAMESPACE,
        'nightly',
        true,
        credentials,
      );
      expect(schedules.patch).toHaveBeenCalledWith(
        NAMESPACE,
        'nightly',
        { spec: { suspend: true } },
        credentials,
      );
      expect(summary).toMatchObject({ suspended: true, state: 'Suspended' });
      expect(summary).not.toHaveProperty('nextRun');

      const resumed = await service.setScheduleSuspended(
        NAMESPACE,
        'nightly',
        false,
        credentials,
      );
      expect(schedules.patch).toHaveBeenLastCalledWith(
        NAMESPACE,
        'nightly',
        { spec: { suspend: false } },
        credentials,
      );
      expect(resumed).toMatchObject({ suspended: false, state: 'Scheduled' });
    });
  });

  describe('delete', () => {
    it('deletes on the group’s path, with a note for schedules', async () => {
      const { service, jobs, schedules, clusters } = setup();
      expect(
        await service.delete('schedules', NAMESPACE, 'nightly', credentials),
      ).toEqual({
        deleted: ['nightly'],
        kept: [],
        notes: [
          'The runs the schedule made go with it (the operator owns them).',
        ],
      });
      expect(schedules.delete).toHaveBeenCalledWith(
        NAMESPACE,
        'nightly',
        credentials,
        [],
      );
      expect(
        await service.delete('jobs', NAMESPACE, 'pi', credentials),
      ).toEqual({ deleted: ['pi'], kept: [], notes: [] });
      expect(jobs.delete).toHaveBeenCalledWith(
        NAMESPACE,
        'pi',
        credentials,
        [],
      );
      await service.delete('clusters', NAMESPACE, 'x', credentials);
      expect(clusters.delete).toHaveBeenCalledWith(
        NAMESPACE,
        'x',
        credentials,
        [],
      );
    });

    it('refuses a group it does not know, naming them', async () => {
      const { service } = setup();
      await expect(
        service.delete('notebooks' as any, NAMESPACE, 'x', credentials),
      ).rejects.toThrow(
        new InputError(
          'kind: "notebooks" is none of jobs, schedules, clusters',
        ),
      );
    });
  });

  describe('lists', () => {
    const withCreation = (object: Record<string, any>, time: string) => {
      object.metadata.creationTimestamp = time;
      return object;
    };
    const otherNamespace = { namespace: 'other', team: 'fraud-detection' };
    const reads = () => ({
      jobs: [
        read(
          withCreation(
            scheduleRun('nightly', '1759975200000000001', 'COMPLETED'),
            '2025-10-08T02:00:00Z',
          ),
        ),
        read(sparkApplication({ creationTimestamp: '2025-10-09T12:00:00Z' })),
        read(
          withCreation(
            scheduleRun('nightly', '1760061600000000003', 'RUNNING'),
            '2025-10-09T02:00:00Z',
          ),
        ),
        // a schedule of the same name in another namespace
        read(
          withCreation(
            scheduleRun('nightly', '1760061600000000009', 'FAILED'),
            '2025-10-09T03:00:00Z',
          ),
          otherNamespace,
        ),
      ],
      schedules: [
        read(
          scheduledSparkApplication({
            status: {
              lastRunName: 'nightly-1760061600000000003',
              pastSuccessfulRunNames: ['nightly-1759975200000000001'],
            },
          }),
        ),
      ],
      clusters: [read(sparkConnect())],
    });

    it('joins the runs of a schedule into its history, and lists jobs newest first', async () => {
      const { service, jobs, schedules, clusters } = setup(reads());
      const list = await service.listNamespace(NAMESPACE, credentials);
      for (const fake of [jobs, schedules, clusters]) {
        expect(fake.listNamespace).toHaveBeenCalledWith(NAMESPACE, credentials);
      }
      expect(list.jobs.map(job => `${job.namespace}/${job.name}`)).toEqual([
        `${NAMESPACE}/pi`,
        'other/nightly-1760061600000000009',
        `${NAMESPACE}/nightly-1760061600000000003`,
        `${NAMESPACE}/nightly-1759975200000000001`,
      ]);
      expect(list.schedules).toHaveLength(1);
      expect(list.schedules[0].history).toEqual([
        {
          name: 'nightly-1760061600000000003',
          outcome: 'Running',
          state: 'RUNNING',
          startedAt: '2025-10-09T02:00:05Z',
        },
        {
          name: 'nightly-1759975200000000001',
          outcome: 'Succeeded',
          state: 'COMPLETED',
          startedAt: '2025-10-09T02:00:05Z',
          endedAt: '2025-10-09T02:03:00Z',
        },
      ]);
      expect(list.clusters).toEqual([
        expect.objectContaining({ name: 'x', state: 'Ready' }),
      ]);
    });

    it('lists a team the same way', async () => {
      const { service, jobs, schedules, clusters } = setup(reads());
      const list = await service.listTeam('fraud-detection', credentials);
      for (const fake of [jobs, schedules, clusters]) {
        expect(fake.listTeam).toHaveBeenCalledWith(
          'fraud-detection',
          credentials,
        );
      }
      expect(list.schedules[0].history.map(run => run.outcome)).toEqual([
        'Running',
        'Succeeded',
      ]);
    });

    it('reads a schedule with the runs of that schedule only', async () => {
      const { service } = setup(reads());
      const schedule = await service.getSchedule(
        NAMESPACE,
        'nightly',
        credentials,
      );
      expect(schedule.history.map(run => run.state)).toEqual([
        'RUNNING',
        'COMPLETED',
      ]);
    });
  });

  describe('getJob and getCluster', () => {
    it('read a job with all its events as its detail', async () => {
      const { service, jobs } = setup({ jobs: [read(sparkApplication())] });
      const detail = await service.getJob(NAMESPACE, 'pi', credentials);
      expect(jobs.get).toHaveBeenCalledWith(NAMESPACE, 'pi', credentials, {
        allEvents: true,
      });
      expect(detail).toMatchObject({
        name: 'pi',
        state: 'RUNNING',
        arguments: [],
        timeline: [],
      });
    });

    it('read a cluster with where to connect', async () => {
      const { service } = setup({ clusters: [read(sparkConnect())] });
      const summary = await service.getCluster(NAMESPACE, 'x', credentials);
      expect(summary.connection?.inCluster).toBe(
        `sc://x-server.${NAMESPACE}.svc.cluster.local:15002`,
      );
    });
  });
});
