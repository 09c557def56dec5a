/**
 * Picks the keys (metrics or params) most worth a column out of a set of
 * records, e.g. the metrics of some runs: a key every record has ranks above
 * one only some have, and a key whose values differ between records ranks
 * above one that is the same everywhere (a constant tells nothing when
 * comparing). Ties go alphabetically.
 */
export function rankKeys(
  records: Record<string, unknown>[],
  max: number,
): string[] {
  if (records.length === 0 || max <= 0) {
    return [];
  }
  const keys = [...new Set(records.flatMap(r => Object.keys(r)))];
  const score = (key: string): number => {
    const values = records
      .map(r => r[key])
      .filter(value => value !== undefined);
    const coverage = values.length / records.length;
    const varies = new Set(values.map(v => String(v))).size > 1;
    return coverage + (varies ? 1 : 0);
  };
  const scores = new Map(keys.map(key => [key, score(key)]));
  return keys
    .sort((a, b) => scores.get(b)! - scores.get(a)! || a.localeCompare(b))
    .slice(0, max);
}
