import {
  browserTimeZone,
  CONCURRENCY_POLICY_LABELS,
  describeRun,
  isEmptySchedule,
  isScheduleOn,
  normalizeSchedule,
  sameSchedule,
  scheduleProblem,
  timeUntil,
  timeZoneOptions,
} from './schedulePreview';

const from = new Date('2026-12-01T00:00:00Z');

describe('scheduleProblem', () => {
  it('takes schedules the operator runs', () => {
    expect(scheduleProblem('0 2 * * *', 'Europe/Berlin')).toBeUndefined();
    expect(scheduleProblem('@daily', 'UTC')).toBeUndefined();
    expect(scheduleProblem('*/15 * * * 1-5', undefined)).toBeUndefined();
  });

  it("says what is wrong with the cron, in the backend's words", () => {
    expect(scheduleProblem('0 2 * *', 'UTC')).toEqual({
      field: 'cron',
      message:
        'The cron schedule has 4 fields: give five (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"',
    });
    expect(scheduleProblem('', 'UTC')?.message).toMatch(
      /^The cron schedule is empty/,
    );
    expect(scheduleProblem(undefined, 'UTC')?.field).toBe('cron');
    expect(scheduleProblem('99 2 * * *', 'UTC')?.message).toMatch(
      /^The cron schedule is not a cron expression/,
    );
    expect(scheduleProblem('@every 1h', 'UTC')?.message).toMatch(
      /@every is not offered/,
    );
  });

  it('says what is wrong with the time zone, for descriptors too', () => {
    expect(scheduleProblem('0 2 * * *', 'Mars/Base')).toEqual({
      field: 'timeZone',
      message:
        'The time zone "Mars/Base" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")',
    });
    expect(scheduleProblem('@daily', 'Mars/Base')?.field).toBe('timeZone');
  });
});

describe('normalizeSchedule', () => {
  it('fills in a new schedule: 02:00 daily in the given zone, no overlaps', () => {
    expect(
      normalizeSchedule(undefined, { timeZone: 'Europe/Berlin', from }),
    ).toEqual({
      cron: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      nextRuns: [
        '2026-12-01T01:00:00.000Z',
        '2026-12-02T01:00:00.000Z',
        '2026-12-03T01:00:00.000Z',
      ],
    });
  });

  it('keeps what the value has and previews its runs', () => {
    expect(
      normalizeSchedule(
        { cron: '30 6 * * 1', timeZone: 'UTC', concurrencyPolicy: 'Replace' },
        { timeZone: 'Europe/Berlin', from },
      ),
    ).toEqual({
      cron: '30 6 * * 1',
      timeZone: 'UTC',
      concurrencyPolicy: 'Replace',
      nextRuns: [
        '2026-12-07T06:30:00.000Z',
        '2026-12-14T06:30:00.000Z',
        '2026-12-21T06:30:00.000Z',
      ],
    });
  });

  it('previews no runs of an invalid schedule', () => {
    expect(
      normalizeSchedule({ cron: '0 2 * *' }, { timeZone: 'UTC', from })
        .nextRuns,
    ).toEqual([]);
    expect(
      normalizeSchedule(
        { cron: '@daily', timeZone: 'Mars/Base' },
        { timeZone: 'UTC', from },
      ).nextRuns,
    ).toEqual([]);
  });
});

describe('sameSchedule, isEmptySchedule and isScheduleOn', () => {
  const schedule = normalizeSchedule(undefined, { timeZone: 'UTC', from });

  it('compare schedules with their preview', () => {
    expect(sameSchedule({ ...schedule }, schedule)).toBe(true);
    expect(sameSchedule({ ...schedule, nextRuns: [] }, schedule)).toBe(false);
    expect(
      sameSchedule({ ...schedule, timeZone: 'Europe/Berlin' }, schedule),
    ).toBe(false);
    expect(sameSchedule(undefined, schedule)).toBe(false);
  });

  it('know an empty value', () => {
    expect(isEmptySchedule(undefined)).toBe(true);
    expect(isEmptySchedule({})).toBe(true);
    expect(isEmptySchedule(schedule)).toBe(false);
  });

  it('read the boolean that turns the schedule on', () => {
    expect(isScheduleOn({ scheduled: true }, 'scheduled')).toBe(true);
    expect(isScheduleOn({ scheduled: false }, 'scheduled')).toBe(false);
    expect(isScheduleOn({}, 'scheduled')).toBe(false);
    // standing alone, or without form data to read: shown
    expect(isScheduleOn({ scheduled: false }, undefined)).toBe(true);
    expect(isScheduleOn(undefined, 'scheduled')).toBe(true);
  });
});

describe('time zones', () => {
  it('offers UTC first and IANA zones', () => {
    const zones = timeZoneOptions();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('America/New_York');
    expect(zones.filter(zone => zone === 'UTC')).toHaveLength(1);
  });

  it('keeps a value it does not offer, so it shows', () => {
    expect(timeZoneOptions('Mars/Base')[0]).toBe('Mars/Base');
    expect(timeZoneOptions('Europe/Berlin')).toBe(timeZoneOptions());
  });

  it("defaults to the browser's zone", () => {
    expect(timeZoneOptions()).toContain(browserTimeZone());
  });
});

describe('describeRun', () => {
  it("shows a run in the schedule's zone and how long until it", () => {
    const now = Date.parse('2026-11-30T20:00:00Z');
    const run = describeRun('2026-12-01T01:00:00.000Z', 'Europe/Berlin', now);
    expect(run.when).toMatch(/1 Dec 2026,? 02:00 CET/);
    expect(run.relative).toBe('in 5 hours');
    expect(
      describeRun('2026-12-01T01:00:00.000Z', 'America/New_York', now).when,
    ).toMatch(/30 Nov 2026,? 20:00 GMT-5/);
  });
});

describe('timeUntil', () => {
  it('says how long until a run, in the largest whole unit', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(timeUntil('2026-12-01T00:00:30Z', now)).toBe(
      'in less than a minute',
    );
    expect(timeUntil('2026-12-01T00:15:00Z', now)).toBe('in 15 minutes');
    expect(timeUntil('2026-12-01T01:00:00Z', now)).toBe('in 1 hour');
    expect(timeUntil('2026-12-03T12:00:00Z', now)).toBe('in 2 days');
  });
});

describe('CONCURRENCY_POLICY_LABELS', () => {
  it('says what each policy does', () => {
    expect(Object.keys(CONCURRENCY_POLICY_LABELS)).toEqual([
      'Allow',
      'Forbid',
      'Replace',
    ]);
  });
});
