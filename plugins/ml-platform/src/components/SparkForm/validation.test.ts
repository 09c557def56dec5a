import type { ApiHolder, ApiRef } from '@backstage/frontend-plugin-api';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { sparkOptions } from './testFixtures';
import {
  validateSparkConf,
  validateSparkSchedule,
  validateSparkVersion,
} from './validation';

function holder(api?: object): ApiHolder {
  return {
    get: <T>(ref: ApiRef<T>) =>
      (ref.id === mlPlatformApiRef.id ? api : undefined) as T | undefined,
  };
}

const withOptions = () =>
  fakeMlPlatformApi({ getSparkOptions: jest.fn(async () => sparkOptions()) });
const unreachable = () =>
  fakeMlPlatformApi({
    getSparkOptions: jest.fn(async () => {
      throw await responseError(503, 'Cluster local is unreachable');
    }),
  });

async function errorsOf(
  validator: (...args: any[]) => void | Promise<void>,
  value: unknown,
  context: { apiHolder?: ApiHolder; formData?: object; uiSchema?: object } = {},
) {
  const addError = jest.fn();
  await validator(value, { addError } as any, {
    apiHolder: context.apiHolder ?? holder(),
    formData: context.formData ?? {},
    schema: {},
    uiSchema: context.uiSchema,
  });
  return addError.mock.calls.map(call => call[0]);
}

describe('validateSparkVersion', () => {
  it('takes a configured version and refuses others', async () => {
    const api = withOptions();
    expect(
      await errorsOf(validateSparkVersion, '4.0.1', { apiHolder: holder(api) }),
    ).toEqual([]);
    expect(
      await errorsOf(validateSparkVersion, '2.4.8', { apiHolder: holder(api) }),
    ).toEqual(['"2.4.8" is not a configured Spark version (4.0.1, 3.5.7)']);
    expect(api.getSparkOptions).toHaveBeenCalled();
  });

  it('lets the value through when the options cannot be read', async () => {
    expect(
      await errorsOf(validateSparkVersion, '2.4.8', {
        apiHolder: holder(unreachable()),
      }),
    ).toEqual([]);
    expect(await errorsOf(validateSparkVersion, '2.4.8')).toEqual([]);
  });
});

describe('validateSparkSchedule', () => {
  const on = {
    formData: { scheduled: true },
    uiSchema: { 'ui:options': { scheduledBy: 'scheduled' } },
  };

  it('takes a valid schedule', async () => {
    expect(
      await errorsOf(
        validateSparkSchedule,
        { cron: '0 2 * * *', timeZone: 'Europe/Berlin' },
        on,
      ),
    ).toEqual([]);
  });

  it('refuses an invalid cron or time zone with the reason', async () => {
    expect(
      await errorsOf(
        validateSparkSchedule,
        { cron: '0 2 * *', timeZone: 'UTC' },
        on,
      ),
    ).toEqual([
      'The cron schedule has 4 fields: give five (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"',
    ]);
    expect(
      await errorsOf(
        validateSparkSchedule,
        { cron: '0 2 * * *', timeZone: 'Mars/Base' },
        on,
      ),
    ).toEqual([
      'The time zone "Mars/Base" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")',
    ]);
    expect(await errorsOf(validateSparkSchedule, {}, on)).toEqual([
      'Give a cron schedule, e.g. "0 2 * * *"',
    ]);
  });

  it('checks nothing while the schedule is off', async () => {
    expect(
      await errorsOf(
        validateSparkSchedule,
        { cron: 'nonsense' },
        { ...on, formData: { scheduled: false } },
      ),
    ).toEqual([]);
  });

  it('checks a schedule that stands alone', async () => {
    expect(await errorsOf(validateSparkSchedule, { cron: 'nonsense' })).toEqual(
      [expect.stringMatching(/^The cron schedule has 1 field/)],
    );
  });
});

describe('validateSparkConf', () => {
  it('refuses keys outside the allowed list', async () => {
    const apiHolder = holder(withOptions());
    expect(
      await errorsOf(
        validateSparkConf,
        { 'spark.sql.shuffle.partitions': '64', 'spark.master': 'local[*]' },
        { apiHolder },
      ),
    ).toEqual([
      '"spark.master" is not an allowed Spark conf key (allowed: spark.sql.shuffle.partitions, spark.sql.adaptive.enabled, spark.serializer)',
    ]);
    expect(await errorsOf(validateSparkConf, {}, { apiHolder })).toEqual([]);
  });

  it('checks only the values when the options cannot be read', async () => {
    const apiHolder = holder(unreachable());
    expect(
      await errorsOf(
        validateSparkConf,
        { 'spark.master': 'local[*]' },
        { apiHolder },
      ),
    ).toEqual([]);
    expect(
      await errorsOf(validateSparkConf, { 'spark.master': '' }, { apiHolder }),
    ).toEqual(['spark.master has no value: give one or remove the row']);
  });
});
