import {
  describeScheduleProblem,
  isKnownTimeZone,
  nextRunTimes,
} from './sparkSchedule';

describe('Spark schedules', () => {
  const from = new Date('2026-12-01T00:00:00Z');

  it('gives the next three runs in the schedule’s time zone', () => {
    expect(
      nextRunTimes('0 2 * * *', { timeZone: 'Europe/Berlin', from }),
    ).toEqual([
      '2026-12-01T01:00:00.000Z',
      '2026-12-02T01:00:00.000Z',
      '2026-12-03T01:00:00.000Z',
    ]);
    expect(
      nextRunTimes('*/15 * * * *', { timeZone: 'UTC', from, count: 2 }),
    ).toEqual(['2026-12-01T00:15:00.000Z', '2026-12-01T00:30:00.000Z']);
  });

  it('accepts the descriptors robfig/cron knows, and refuses @every', () => {
    expect(describeScheduleProblem('@daily')).toBeUndefined();
    expect(nextRunTimes('@hourly', { timeZone: 'UTC', from })[0]).toBe(
      '2026-12-01T01:00:00.000Z',
    );
    expect(describeScheduleProblem('@every 1m')).toMatch(
      /@every is not offered/,
    );
  });

  it('says why a schedule would not run', () => {
    expect(describeScheduleProblem('')).toMatch(/is empty/);
    expect(describeScheduleProblem('0 2 * *')).toMatch(
      /has 4 fields: give five/,
    );
    expect(describeScheduleProblem('0 0 2 * * *')).toMatch(/has 6 fields/);
    expect(describeScheduleProblem('99 2 * * *')).toMatch(
      /not a cron expression: .*0-59/,
    );
    expect(describeScheduleProblem('0 2 * * *', 'Mars/Base')).toMatch(
      /"Mars\/Base" is not an IANA time zone/,
    );
    expect(describeScheduleProblem('CRON_TZ=UTC 0 2 * * *')).toMatch(
      /time zone in timeZone/,
    );
    expect(nextRunTimes('0 2 * *')).toEqual([]);
  });

  it('knows IANA zones, UTC and Local', () => {
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Local')).toBe(true);
    expect(isKnownTimeZone('EST5EDT; rm -rf')).toBe(false);
  });
});
