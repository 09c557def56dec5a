/** One row of the Spark conf editor; a row without a key is not in the value yet. */
export type ConfRow = { key: string; value: string };

/** The most a value may be, as the backend checks it. */
export const MAX_CONF_VALUE_LENGTH = 1024;

/** The rows of a conf value, in its order. */
export function rowsOf(conf: Record<string, string> | undefined): ConfRow[] {
  return Object.entries(conf ?? {}).map(([key, value]) => ({
    key,
    value: String(value),
  }));
}

/** The value of the rows: every row with a key (the editor keeps keys unique). */
export function confOf(rows: ConfRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.filter(row => row.key !== '').map(row => [row.key, row.value]),
  );
}

/** Whether two conf values have the same entries, in the same order. */
export function sameConf(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  return (
    JSON.stringify(Object.entries(a ?? {})) ===
    JSON.stringify(Object.entries(b ?? {}))
  );
}

/**
 * The keys row `index` may pick: its own key (first, also when it is not
 * allowed, so the select shows it), then the allowed keys no other row has.
 */
export function keyChoices(
  allowedKeys: string[],
  rows: ConfRow[],
  index: number,
): string[] {
  const own = rows[index]?.key ?? '';
  const taken = new Set(rows.filter((_, i) => i !== index).map(row => row.key));
  const free = allowedKeys.filter(key => key !== own && !taken.has(key));
  return own ? [own, ...free] : free;
}

/**
 * Why the backend would refuse a key, or undefined. Without `allowedKeys`
 * (the options could not be read) every key passes here.
 */
export function keyIssue(
  key: string,
  allowedKeys: string[] | undefined,
): string | undefined {
  return allowedKeys && !allowedKeys.includes(key)
    ? `"${key}" is not an allowed Spark conf key (allowed: ${
        allowedKeys.join(', ') || 'none'
      })`
    : undefined;
}

/** What is wrong with the value of a key, or undefined. */
export function valueIssue(key: string, value: string): string | undefined {
  if (value.trim() === '') {
    return `${key} has no value: give one or remove the row`;
  }
  if (value.length > MAX_CONF_VALUE_LENGTH || /[\n\r]/.test(value)) {
    return `The value of ${key} must be one line of at most ${MAX_CONF_VALUE_LENGTH} characters`;
  }
  return undefined;
}

/** What is wrong with one entry: its key, else its value; undefined when nothing. */
export function entryIssue(
  key: string,
  value: string,
  allowedKeys: string[] | undefined,
): string | undefined {
  return keyIssue(key, allowedKeys) ?? valueIssue(key, value);
}

/** Every problem of a conf value, one sentence each. */
export function confIssues(
  conf: Record<string, string> | undefined,
  allowedKeys: string[] | undefined,
): string[] {
  return Object.entries(conf ?? {}).flatMap(([key, value]) => {
    const issue = entryIssue(key, String(value), allowedKeys);
    return issue ? [issue] : [];
  });
}
