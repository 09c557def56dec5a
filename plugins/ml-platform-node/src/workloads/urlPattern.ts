/** A configured URL pattern (Spark UI, Spark Connect, predictions) with `{gateway}`, `{namespace}` and `{name}` filled in (pure). */
export function fillPattern(
  pattern: string,
  values: { gateway?: string; namespace: string; name: string },
): string | undefined {
  if (pattern.includes('{gateway}') && !values.gateway) {
    return undefined;
  }
  return pattern
    .replaceAll('{gateway}', values.gateway ?? '')
    .replaceAll('{namespace}', values.namespace)
    .replaceAll('{name}', values.name);
}
