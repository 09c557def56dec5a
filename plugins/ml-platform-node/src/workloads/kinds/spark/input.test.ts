import { z } from 'zod/v3';
import {
  clusterInput,
  pythonJob,
  scalaJob,
  SPARK_SETTINGS,
  sparkSettings,
  TARGET,
} from '../../testUtils/sparkFixtures';
import {
  checkSparkClusterInput,
  checkSparkJobInput,
  imageOf,
  jobInputOfSpec,
  sparkClusterInputSchema,
  sparkJobInputSchema,
  type SparkClusterInput,
  type SparkJobInput,
} from './input';
import { renderSparkJob } from './render';
import { sparkQuotaRequests } from './size';

const checkJob = (
  overrides: Partial<SparkJobInput>,
  settings = SPARK_SETTINGS,
  base = pythonJob,
) => checkSparkJobInput(base(overrides), settings);

const checkCluster = (
  overrides: Partial<SparkClusterInput>,
  settings = SPARK_SETTINGS,
) => checkSparkClusterInput(clusterInput(overrides), settings);

const fields = (issues: Array<{ field: string }>) =>
  issues.map(issue => issue.field);

describe('sparkJobInputSchema', () => {
  const schema = sparkJobInputSchema(z);
  const pathsOf = (input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success
      ? []
      : parsed.error.issues.map(issue => issue.path.join('.'));
  };

  it('takes a full job with a schedule as it is', () => {
    const input = scalaJob({
      dynamicAllocation: { minExecutors: 1, maxExecutors: 4 },
      sparkConf: { 'spark.sql.shuffle.partitions': '8' },
      restartPolicy: {
        type: 'OnFailure',
        retries: 2,
        retryIntervalSeconds: 10,
      },
      timeToLiveSeconds: 3600,
      schedule: { cron: '0 2 * * *', timeZone: 'UTC' },
    });
    expect(schema.parse(input)).toEqual(input);
  });

  it('names the field of what is malformed', () => {
    expect(pathsOf({ ...pythonJob(), type: 'R' })).toEqual(['type']);
    expect(
      pathsOf({ ...pythonJob(), driver: { cores: 0, memory: '1g' } }),
    ).toEqual(['driver.cores']);
    expect(
      pathsOf({
        ...pythonJob(),
        executor: { instances: 1.5, cores: 1, memory: '1g' },
      }),
    ).toEqual(['executor.instances']);
    expect(
      pathsOf({
        ...pythonJob(),
        restartPolicy: { type: 'Never', retries: 21 },
      }),
    ).toEqual(['restartPolicy.retries']);
    expect(pathsOf({ ...pythonJob(), timeToLiveSeconds: 59 })).toEqual([
      'timeToLiveSeconds',
    ]);
    expect(
      pathsOf({
        ...pythonJob(),
        schedule: { cron: '@daily', concurrencyPolicy: 'Sometimes' },
      }),
    ).toEqual(['schedule.concurrencyPolicy']);
    expect(pathsOf({ ...pythonJob(), arguments: Array(65).fill('x') })).toEqual(
      ['arguments'],
    );
    expect(pathsOf({ ...pythonJob(), sparkConf: { a: 1 } })).toEqual([
      'sparkConf.a',
    ]);
  });
});

describe('sparkClusterInputSchema', () => {
  it('takes a cluster, and wants its server', () => {
    const schema = sparkClusterInputSchema(z);
    const input = clusterInput({
      dynamicAllocation: { minExecutors: 0, maxExecutors: 3 },
    });
    expect(schema.parse(input)).toEqual(input);
    const { server: _server, ...withoutServer } = input;
    const parsed = schema.safeParse(withoutServer);
    expect(parsed.success).toBe(false);
    expect(
      parsed.success ? [] : parsed.error.issues.map(i => i.path.join('.')),
    ).toEqual(['server']);
  });
});

describe('checkSparkJobInput', () => {
  it('accepts the example jobs', () => {
    expect(checkJob({})).toEqual([]);
    expect(checkJob({}, SPARK_SETTINGS, scalaJob)).toEqual([]);
    expect(
      checkJob(
        {
          type: 'Java',
          mainApplicationFile: 's3a://team-bucket/jobs/etl.jar',
          mainClass: 'com.example.Etl$Main',
        },
        SPARK_SETTINGS,
        scalaJob,
      ),
    ).toEqual([]);
    expect(
      checkJob({ mainApplicationFile: 's3a://team-bucket/jobs/deps.zip' }),
    ).toEqual([]);
  });

  describe('name', () => {
    it('is a DNS label', () => {
      expect(checkJob({ name: 'Pi' })).toEqual([
        {
          field: 'name',
          reason: expect.stringMatching(/lower case letters, digits and "-"/),
        },
      ]);
      expect(checkJob({ name: '' })).toEqual([
        { field: 'name', reason: 'is required' },
      ]);
    });

    it('starts with a letter', () => {
      expect(checkJob({ name: '1pi' })).toEqual([
        { field: 'name', reason: 'must start with a letter' },
      ]);
    });

    it('has at most 40 characters', () => {
      expect(checkJob({ name: 'a'.repeat(40) })).toEqual([]);
      expect(checkJob({ name: 'a'.repeat(41) })).toEqual([
        {
          field: 'name',
          reason:
            'must be at most 40 characters (Spark names its pods and services after it)',
        },
      ]);
    });
  });

  it('wants a configured Spark version, naming those there are', () => {
    expect(checkJob({ sparkVersion: '3.5.7' })).toEqual([]);
    expect(checkJob({ sparkVersion: '9.9' })).toEqual([
      {
        field: 'sparkVersion',
        reason: '"9.9" is not a configured Spark version (4.0.1, 3.5.7)',
      },
    ]);
  });

  describe('mainApplicationFile', () => {
    it.each([
      'file:///etc/passwd.py',
      'local:///opt/sparkling/pi.py',
      's3a://other-bucket/pi.py',
      'local:///opt/spark/../../etc/pi.py',
      'local:///opt/spark/my job.py',
      'local:///opt/spark/pi.py?x=1',
      'local:///opt/spark/pi.py#x',
    ])('refuses %s, naming the allowed locations', file => {
      expect(checkJob({ mainApplicationFile: file })).toEqual([
        {
          field: 'mainApplicationFile',
          reason: `"${file}" is not under an allowed location (local:///opt/spark/, s3a://team-bucket/), or it has spaces, "..", "?", "#" or "%"`,
        },
      ]);
    });

    it('is a .py, .zip or .egg for Python', () => {
      expect(
        checkJob({ mainApplicationFile: 'local:///opt/spark/jars/pi.jar' }),
      ).toEqual([
        {
          field: 'mainApplicationFile',
          reason: 'must be a .py file (or .zip, .egg) for a Python job',
        },
      ]);
    });

    it('is a .jar for Scala and Java', () => {
      expect(
        checkJob(
          { mainApplicationFile: 'local:///opt/spark/pi.py' },
          SPARK_SETTINGS,
          scalaJob,
        ),
      ).toEqual([
        {
          field: 'mainApplicationFile',
          reason: 'must be a .jar for a Scala job',
        },
      ]);
      expect(
        fields(
          checkJob(
            { type: 'Java', mainApplicationFile: 'local:///opt/spark/pi.py' },
            SPARK_SETTINGS,
            scalaJob,
          ),
        ),
      ).toEqual(['mainApplicationFile']);
    });
  });

  describe('mainClass', () => {
    it('is required for Scala and Java', () => {
      expect(
        checkJob({ mainClass: undefined }, SPARK_SETTINGS, scalaJob),
      ).toEqual([
        { field: 'mainClass', reason: 'is required for a Scala job' },
      ]);
      expect(
        checkJob({ type: 'Java', mainClass: '' }, SPARK_SETTINGS, scalaJob),
      ).toContainEqual({
        field: 'mainClass',
        reason: 'is required for a Java job',
      });
    });

    it('is a Java class name', () => {
      expect(
        checkJob({ mainClass: 'org..Main' }, SPARK_SETTINGS, scalaJob),
      ).toEqual([
        {
          field: 'mainClass',
          reason: 'is not a Java class name like org.example.Main',
        },
      ]);
      expect(
        checkJob({ mainClass: 'Main; rm -rf /' }, SPARK_SETTINGS, scalaJob),
      ).toEqual([
        expect.objectContaining({
          field: 'mainClass',
        }),
      ]);
    });
  });

  describe('sizes', () => {
    it('refuses memory that is not a Spark memory string, naming the pod', () => {
      expect(checkJob({ driver: { cores: 1, memory: '1Gi' } })).toEqual([
        {
          field: 'driver.memory',
          reason: '"1Gi" is not a Spark memory size like "512m" or "2g"',
        },
      ]);
      expect(
        fields(
          checkJob({ executor: { instances: 1, cores: 1, memory: '2 GB' } }),
        ),
      ).toEqual(['executor.memory']);
    });

    it('keeps each pod within maxMemoryMiB and maxCores', () => {
      expect(checkJob({ driver: { cores: 1, memory: '16g' } })).toEqual([]);
      expect(checkJob({ driver: { cores: 1, memory: '17g' } })).toEqual([
        {
          field: 'driver.memory',
          reason: 'is more than the 16384m one pod may have',
        },
      ]);
      expect(
        checkJob({ executor: { instances: 2, cores: 9, memory: '1g' } }),
      ).toEqual([
        {
          field: 'executor.cores',
          reason: 'is more than the 8 cores one pod may have',
        },
      ]);
    });

    it('keeps executors within maxExecutors', () => {
      expect(
        checkJob({ executor: { instances: 10, cores: 1, memory: '1g' } }),
      ).toEqual([]);
      expect(
        checkJob({ executor: { instances: 11, cores: 1, memory: '1g' } }),
      ).toEqual([
        {
          field: 'executor.instances',
          reason: 'is more than the 10 executors one job or cluster may have',
        },
      ]);
    });

    it('counts the maximum of dynamic allocation against maxExecutors', () => {
      expect(
        checkJob({ dynamicAllocation: { minExecutors: 1, maxExecutors: 11 } }),
      ).toEqual([
        {
          field: 'dynamicAllocation.maxExecutors',
          reason: 'is more than the 10 executors one job or cluster may have',
        },
      ]);
    });

    it('wants min at most max, and the initial count between them', () => {
      expect(
        checkJob({
          executor: { instances: 3, cores: 1, memory: '1g' },
          dynamicAllocation: { minExecutors: 5, maxExecutors: 3 },
        }),
      ).toEqual([
        {
          field: 'dynamicAllocation.minExecutors',
          reason: 'is more than maxExecutors (3)',
        },
        {
          field: 'executor.instances',
          reason:
            'is the initial count with dynamic allocation: it must be between minExecutors (5) and maxExecutors (3)',
        },
      ]);
      expect(
        checkJob({
          executor: { instances: 6, cores: 1, memory: '1g' },
          dynamicAllocation: { minExecutors: 1, maxExecutors: 4 },
        }),
      ).toEqual([
        {
          field: 'executor.instances',
          reason:
            'is the initial count with dynamic allocation: it must be between minExecutors (1) and maxExecutors (4)',
        },
      ]);
      expect(
        checkJob({
          executor: { instances: 1, cores: 1, memory: '1g' },
          dynamicAllocation: { minExecutors: 1, maxExecutors: 4 },
        }),
      ).toEqual([]);
    });
  });

  describe('sparkConf', () => {
    it('takes only the allowed keys, naming them', () => {
      expect(
        checkJob({ sparkConf: { 'spark.sql.shuffle.partitions': '64' } }),
      ).toEqual([]);
      expect(
        checkJob({
          sparkConf: {
            'spark.kubernetes.driver.podTemplateFile': '/tmp/evil.yaml',
          },
        }),
      ).toEqual([
        {
          field: 'sparkConf.spark.kubernetes.driver.podTemplateFile',
          reason:
            'is not an allowed Spark conf key (allowed: spark.sql.shuffle.partitions, spark.eventLog.enabled)',
        },
      ]);
      expect(
        checkJob(
          { sparkConf: { 'spark.eventLog.enabled': 'true' } },
          sparkSettings({ allowedConfKeys: [] }),
        ),
      ).toEqual([
        {
          field: 'sparkConf.spark.eventLog.enabled',
          reason: 'is not an allowed Spark conf key (allowed: none)',
        },
      ]);
    });

    it('takes one line of at most 1024 characters', () => {
      for (const value of ['8\nspark.x=y', 'x'.repeat(1025)]) {
        expect(
          checkJob({ sparkConf: { 'spark.sql.shuffle.partitions': value } }),
        ).toEqual([
          {
            field: 'sparkConf.spark.sql.shuffle.partitions',
            reason: 'must be one line of at most 1024 characters',
          },
        ]);
      }
    });
  });

  it('refuses retries with the restart policy Never', () => {
    expect(checkJob({ restartPolicy: { type: 'Never', retries: 2 } })).toEqual([
      {
        field: 'restartPolicy.retries',
        reason: 'applies only to OnFailure and Always',
      },
    ]);
    expect(
      checkJob({ restartPolicy: { type: 'OnFailure', retries: 2 } }),
    ).toEqual([]);
  });

  describe('schedule', () => {
    const schedule = (cron: string, timeZone?: string) =>
      checkJob({ schedule: { cron, ...(timeZone ? { timeZone } : {}) } });

    it('accepts five fields or a descriptor in a known time zone', () => {
      expect(schedule('0 2 * * *', 'Europe/Berlin')).toEqual([]);
      expect(schedule('@daily')).toEqual([]);
      expect(schedule('*/15 * * * 1-5', 'UTC')).toEqual([]);
    });

    it('names schedule.cron for problems of the cron expression', () => {
      expect(schedule('0 2 * *')).toEqual([
        {
          field: 'schedule.cron',
          reason: expect.stringMatching(/^has 4 fields: give five/),
        },
      ]);
      expect(schedule('99 2 * * *')).toEqual([
        {
          field: 'schedule.cron',
          reason: expect.stringMatching(/^is not a cron expression/),
        },
      ]);
      expect(schedule('@every 1m')).toEqual([
        {
          field: 'schedule.cron',
          reason: expect.stringMatching(/@every is not offered/),
        },
      ]);
      expect(schedule('')).toEqual([
        { field: 'schedule.cron', reason: expect.stringMatching(/^is empty/) },
      ]);
    });

    it('names schedule.cron for a time zone written into the cron expression', () => {
      // the fix is in the cron text: "schedule.cron sets its time zone inline"
      expect(schedule('CRON_TZ=Europe/Berlin 0 2 * * *')).toEqual([
        {
          field: 'schedule.cron',
          reason:
            'sets its time zone inline: give the time zone in timeZone instead',
        },
      ]);
    });

    it('names schedule.timeZone for an unknown time zone', () => {
      expect(schedule('0 2 * * *', 'Mars/Base')).toEqual([
        {
          field: 'schedule.timeZone',
          reason:
            'time zone "Mars/Base" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")',
        },
      ]);
      // the operator loads the time zone before it reads the cron: a descriptor fails too
      expect(schedule('@daily', 'Mars/Base')).toEqual([
        {
          field: 'schedule.timeZone',
          reason: expect.stringMatching(
            /"Mars\/Base" is not an IANA time zone/,
          ),
        },
      ]);
    });
  });

  it('lists every problem at once', () => {
    expect(
      fields(
        checkJob(
          {
            name: '1pi',
            sparkVersion: '1.0',
            mainClass: undefined,
            driver: { cores: 20, memory: 'lots' },
          },
          SPARK_SETTINGS,
          scalaJob,
        ),
      ),
    ).toEqual([
      'name',
      'sparkVersion',
      'mainClass',
      'driver.memory',
      'driver.cores',
    ]);
  });
});

describe('checkSparkClusterInput', () => {
  it('accepts the example cluster', () => {
    expect(checkCluster({})).toEqual([]);
  });

  it('allows 50 characters of name, and wants a letter first', () => {
    expect(checkCluster({ name: 'a'.repeat(50) })).toEqual([]);
    expect(checkCluster({ name: 'a'.repeat(51) })).toEqual([
      {
        field: 'name',
        reason:
          'must be at most 50 characters (Spark names its pods and services after it)',
      },
    ]);
    expect(checkCluster({ name: '9x' })).toEqual([
      { field: 'name', reason: 'must start with a letter' },
    ]);
  });

  it('names the server, the version, executors and conf keys', () => {
    expect(
      checkCluster({
        sparkVersion: '2.4',
        server: { cores: 9, memory: '20g' },
        executor: { instances: 12, cores: 1, memory: '1x' },
        sparkConf: { 'spark.master': 'local' },
      }),
    ).toEqual([
      expect.objectContaining({ field: 'sparkVersion' }),
      {
        field: 'server.memory',
        reason: 'is more than the 16384m one pod may have',
      },
      {
        field: 'server.cores',
        reason: 'is more than the 8 cores one pod may have',
      },
      {
        field: 'executor.memory',
        reason: '"1x" is not a Spark memory size like "512m" or "2g"',
      },
      {
        field: 'executor.instances',
        reason: 'is more than the 10 executors one job or cluster may have',
      },
      expect.objectContaining({ field: 'sparkConf.spark.master' }),
    ]);
  });

  it('checks dynamic allocation as for jobs', () => {
    expect(
      checkCluster({
        dynamicAllocation: { minExecutors: 3, maxExecutors: 1 },
      }),
    ).toEqual([
      expect.objectContaining({ field: 'dynamicAllocation.minExecutors' }),
      expect.objectContaining({ field: 'executor.instances' }),
    ]);
  });
});

describe('imageOf', () => {
  it('is the image of the version, or the first version’s', () => {
    expect(imageOf('3.5.7', SPARK_SETTINGS)).toBe(
      'docker.io/library/spark:3.5.7',
    );
    expect(imageOf('0.1', SPARK_SETTINGS)).toBe(
      'docker.io/library/spark:4.0.1',
    );
  });
});

describe('jobInputOfSpec', () => {
  const specOf = (input: SparkJobInput) =>
    (
      renderSparkJob(input, TARGET, SPARK_SETTINGS)[0] as {
        spec: Record<string, any>;
      }
    ).spec;

  it('gives back the input a rendered job was made from', () => {
    const input = scalaJob({
      arguments: ['1000', '--verbose'],
      dynamicAllocation: { minExecutors: 1, maxExecutors: 4 },
      sparkConf: { 'spark.sql.shuffle.partitions': '8' },
      restartPolicy: {
        type: 'OnFailure',
        retries: 2,
        retryIntervalSeconds: 15,
      },
      timeToLiveSeconds: 3600,
    });
    expect(jobInputOfSpec(specOf(input))).toEqual({ ...input, name: '' });
  });

  it('round-trips a Python job with the defaults filled in', () => {
    const input = pythonJob();
    expect(jobInputOfSpec(specOf(input))).toEqual({
      ...input,
      name: '',
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: SPARK_SETTINGS.defaultTimeToLiveSeconds,
    });
  });

  it('makes a re-run that passes the checks and is sized as the original', () => {
    for (const input of [
      pythonJob({ driver: { cores: 2, memory: '2g' } }),
      scalaJob({ dynamicAllocation: { minExecutors: 0, maxExecutors: 5 } }),
      scalaJob({ restartPolicy: { type: 'Always' } }),
    ]) {
      const again = { ...jobInputOfSpec(specOf(input)), name: 'pi-rerun-1' };
      expect(checkSparkJobInput(again, SPARK_SETTINGS)).toEqual([]);
      const most = (job: SparkJobInput) =>
        job.dynamicAllocation?.maxExecutors ?? job.executor.instances;
      expect(
        sparkQuotaRequests(
          again.driver,
          again.executor,
          most(again),
          again.type === 'Python',
        ),
      ).toEqual(
        sparkQuotaRequests(
          input.driver,
          input.executor,
          most(input),
          input.type === 'Python',
        ),
      );
    }
  });

  it('reads the run template of a schedule the same way', () => {
    const input = pythonJob({ schedule: { cron: '@daily' } });
    const [scheduled] = renderSparkJob(input, TARGET, SPARK_SETTINGS) as Array<{
      spec: Record<string, any>;
    }>;
    const { schedule: _schedule, ...job } = input;
    expect(jobInputOfSpec(scheduled.spec.template)).toEqual({
      ...job,
      name: '',
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: SPARK_SETTINGS.defaultTimeToLiveSeconds,
    });
  });
});
