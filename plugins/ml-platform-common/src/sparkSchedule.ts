/**
 * Cron schedules as the Spark operator reads them (robfig/cron's
 * ParseStandard: five fields or a descriptor, in a time zone), checked and
 * previewed the same way by the backend and the form.
 */
import { CronExpressionParser } from 'cron-parser';

const DESCRIPTORS = [
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
];

/** Whether a time zone is one the operator's `time.LoadLocation` knows (IANA names, UTC, Local). */
/** @public */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === 'Local' || timeZone === 'UTC') {
    return true;
  }
  try {
    // throws a RangeError for a zone the runtime does not know
    const known = new Intl.DateTimeFormat('en-US', { timeZone });
    return (
      known.resolvedOptions().timeZone !== undefined &&
      /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(timeZone)
    );
  } catch {
    return false;
  }
}

/**
 * Why a schedule would not run, in plain words, or undefined when it is
 * fine. `field` prefixes the reason's subject in messages.
 * @public
 */
export function describeScheduleProblem(
  cron: string,
  timeZone?: string,
): string | undefined {
  const trimmed = cron.trim();
  if (trimmed === '') {
    return 'is empty: give five fields (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"';
  }
  if (/^(CRON_)?TZ=/.test(trimmed)) {
    return 'sets its time zone inline: give the time zone in timeZone instead';
  }
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
    return `time zone "${timeZone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`;
  }
  if (trimmed.startsWith('@')) {
    return DESCRIPTORS.includes(trimmed)
      ? undefined
      : `"${trimmed}" is not a descriptor the operator knows (${DESCRIPTORS.join(
          ', ',
        )}); @every is not offered, write it as five fields`;
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) {
    return `has ${fields.length} field${
      fields.length === 1 ? '' : 's'
    }: give five (minute hour day-of-month month day-of-week), e.g. "0 2 * * *"`;
  }
  try {
    CronExpressionParser.parse(trimmed, {
      tz: timeZone && timeZone !== 'Local' ? timeZone : undefined,
    }).next();
    return undefined;
  } catch (error) {
    return `is not a cron expression: ${String(
      (error as Error).message ?? error,
    ).toLocaleLowerCase('en-US')}`;
  }
}

/**
 * The next `count` run times of a valid schedule after `from`, as ISO
 * timestamps; [] when the schedule is not valid.
 * @public
 */
export function nextRunTimes(
  cron: string,
  options: { timeZone?: string; count?: number; from?: Date } = {},
): string[] {
  if (describeScheduleProblem(cron, options.timeZone) !== undefined) {
    return [];
  }
  const expression = CronExpressionParser.parse(cron.trim(), {
    tz:
      options.timeZone && options.timeZone !== 'Local'
        ? options.timeZone
        : undefined,
    currentDate: options.from ?? new Date(),
  });
  return expression
    .take(options.count ?? 3)
    .map(date => date.toISOString() ?? '');
}
