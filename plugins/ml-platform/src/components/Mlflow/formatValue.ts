const metricFormat = new Intl.NumberFormat('en', {
  maximumSignificantDigits: 4,
});

/** A metric value for a table cell or a chart tick: at most 4 significant digits. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined || value === null) {
    return '–';
  }
  if (!Number.isFinite(value)) {
    return String(value);
  }
  return metricFormat.format(value);
}

/** A timestamp as the browser's local date and time; undefined when unreadable. */
export function formatTimestamp(iso: string | undefined): string | undefined {
  if (!iso) {
    return undefined;
  }
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) {
    return undefined;
  }
  return new Date(millis).toLocaleString();
}

/** A run's duration in people's units, e.g. "42 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number | undefined): string | undefined {
  if (ms === undefined || ms < 0 || !Number.isFinite(ms)) {
    return undefined;
  }
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
