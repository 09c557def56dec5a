import {
  describeScheduleProblem,
  isKnownTimeZone,
  nextRunTimes,
  type SparkConcurrencyPolicy,
} from '@ml-platform/backstage-plugin-ml-platform-common';

/**
 * The value of `ui:field: SparkSchedulePicker`: the schedule the job step
 * passes on, and `nextRuns`, the next three run times the form shows (and
 * the review lists), which the step leaves out.
 */
export type SparkScheduleValue = {
  cron: string;
  timeZone?: string;
  concurrencyPolicy?: SparkConcurrencyPolicy;
  /** ISO timestamps of the next three runs; [] while the schedule is not valid. */
  nextRuns?: string[];
};

/** What a new schedule starts with: 02:00 every day, no overlapping runs. */
export const DEFAULT_CRON = '0 2 * * *';
export const DEFAULT_CONCURRENCY_POLICY: SparkConcurrencyPolicy = 'Forbid';
/** How many run times the field previews. */
export const PREVIEWED_RUNS = 3;

/** The concurrency policies in words (the template's enumNames say the same, for the review). */
export const CONCURRENCY_POLICY_LABELS: Record<SparkConcurrencyPolicy, string> =
  {
    Allow: 'Allow (runs may overlap)',
    Forbid: 'Forbid (no new run while the last one runs)',
    Replace: 'Replace (stop the last run and start the new one)',
  };

/** The browser's time zone, when the operator would know it; else UTC. */
export function browserTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

let knownZones: string[] | undefined;

/**
 * The time zones the field offers: UTC and the IANA zones of the browser
 * that the operator knows too, plus `current` when it is none of them (so
 * a value given to the form still shows).
 */
export function timeZoneOptions(current?: string): string[] {
  if (!knownZones) {
    const supported =
      typeof Intl.supportedValuesOf === 'function'
        ? Intl.supportedValuesOf('timeZone')
        : [];
    knownZones = [
      'UTC',
      ...supported.filter(zone => zone !== 'UTC' && isKnownTimeZone(zone)),
    ];
  }
  return current && !knownZones.includes(current)
    ? [current, ...knownZones]
    : knownZones;
}

/** What is wrong with a schedule, and which input it is about. */
export type ScheduleProblem = { field: 'cron' | 'timeZone'; message: string };

/**
 * Why the operator would not run a schedule, in a sentence, or undefined
 * when it would. The cron check is describeScheduleProblem's (the
 * backend's); the time zone is checked for descriptors too.
 */
export function scheduleProblem(
  cron: string | undefined,
  timeZone: string | undefined,
): ScheduleProblem | undefined {
  const problem =
    describeScheduleProblem(cron ?? '', timeZone) ??
    (timeZone !== undefined && !isKnownTimeZone(timeZone)
      ? `time zone "${timeZone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`
      : undefined);
  if (!problem) {
    return undefined;
  }
  return problem.startsWith('time zone ')
    ? { field: 'timeZone', message: `The ${problem}` }
    : { field: 'cron', message: `The cron schedule ${problem}` };
}

/**
 * The value the field should hold: the given schedule with defaults for
 * what it lacks (the cron, `timeZone` the browser's zone, the policy) and
 * its next runs after `from`.
 */
export function normalizeSchedule(
  value: Partial<SparkScheduleValue> | undefined,
  defaults: { timeZone: string; from?: Date },
): SparkScheduleValue {
  const cron = value?.cron ?? DEFAULT_CRON;
  const timeZone = value?.timeZone ?? defaults.timeZone;
  const concurrencyPolicy =
    value?.concurrencyPolicy ?? DEFAULT_CONCURRENCY_POLICY;
  const nextRuns = scheduleProblem(cron, timeZone)
    ? []
    : nextRunTimes(cron, {
        timeZone,
        count: PREVIEWED_RUNS,
        from: defaults.from,
      });
  return { cron, timeZone, concurrencyPolicy, nextRuns };
}

/** Whether two values hold the same schedule and the same preview. */
export function sameSchedule(
  a: Partial<SparkScheduleValue> | undefined,
  b: SparkScheduleValue,
): boolean {
  return (
    a?.cron === b.cron &&
    a?.timeZone === b.timeZone &&
    a?.concurrencyPolicy === b.concurrencyPolicy &&
    (a?.nextRuns ?? []).join() === (b.nextRuns ?? []).join()
  );
}

/** A value without a schedule: the field holds `{}` while scheduling is off. */
export function isEmptySchedule(value: object | undefined): boolean {
  return !value || Object.keys(value).length === 0;
}

/**
 * Whether the form asks for a schedule: the boolean named by `scheduledBy`
 * (ui:options) is on in the form's data, or the field stands alone (no
 * `scheduledBy`, or no form data to read it from).
 */
export function isScheduleOn(
  formData: Record<string, unknown> | undefined,
  scheduledBy: string | undefined,
): boolean {
  return scheduledBy && formData ? formData[scheduledBy] === true : true;
}

const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long until an ISO timestamp, e.g. "in 5 hours"; "in less than a minute" when it is due. */
export function timeUntil(iso: string, now: number): string {
  const remaining = Date.parse(iso) - now;
  if (remaining < MINUTE) {
    return 'in less than a minute';
  }
  if (remaining < HOUR) {
    return relativeTime.format(Math.floor(remaining / MINUTE), 'minute');
  }
  if (remaining < DAY) {
    return relativeTime.format(Math.floor(remaining / HOUR), 'hour');
  }
  return relativeTime.format(Math.floor(remaining / DAY), 'day');
}

/** One run as the field shows it: in the schedule's time zone, and how long until then. */
export function describeRun(
  iso: string,
  timeZone: string | undefined,
  now: number,
): { when: string; relative: string } {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone && timeZone !== 'Local' ? timeZone : undefined,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return {
    when: format.format(new Date(iso)),
    relative: timeUntil(iso, now),
  };
}
