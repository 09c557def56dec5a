const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago an ISO timestamp was, e.g. "5 minutes ago"; undefined when the
 * timestamp is missing or unreadable.
 */
export function formatRelativeTime(
  isoTimestamp: string | undefined,
  now: number,
): string | undefined {
  if (!isoTimestamp) {
    return undefined;
  }
  const then = Date.parse(isoTimestamp);
  if (Number.isNaN(then)) {
    return undefined;
  }
  // Clocks of the cluster and the browser differ a little; a timestamp just
  // ahead of the browser's clock still happened "just now".
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) {
    return 'just now';
  }
  if (elapsed < HOUR) {
    return relativeTime.format(-Math.floor(elapsed / MINUTE), 'minute');
  }
  if (elapsed < DAY) {
    return relativeTime.format(-Math.floor(elapsed / HOUR), 'hour');
  }
  return relativeTime.format(-Math.floor(elapsed / DAY), 'day');
}

/**
 * How long until an ISO timestamp, e.g. "in 5 hours"; "any moment now"
 * when it is due (or just past, as clocks differ); undefined when the
 * timestamp is missing or unreadable.
 */
export function formatTimeUntil(
  isoTimestamp: string | undefined,
  now: number,
): string | undefined {
  if (!isoTimestamp) {
    return undefined;
  }
  const then = Date.parse(isoTimestamp);
  if (Number.isNaN(then)) {
    return undefined;
  }
  const remaining = then - now;
  if (remaining < MINUTE) {
    return 'any moment now';
  }
  if (remaining < HOUR) {
    return relativeTime.format(Math.floor(remaining / MINUTE), 'minute');
  }
  if (remaining < DAY) {
    return relativeTime.format(Math.floor(remaining / HOUR), 'hour');
  }
  return relativeTime.format(Math.floor(remaining / DAY), 'day');
}
