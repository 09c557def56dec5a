import type { SparkVersionOption } from '@ml-platform/backstage-plugin-ml-platform-common';

/** The configured version a value names. */
export function findVersion(
  versions: SparkVersionOption[],
  value: string | undefined,
): SparkVersionOption | undefined {
  return value ? versions.find(option => option.version === value) : undefined;
}

/**
 * The value the field should hold once the versions are known: the first
 * configured version when there is no value yet, else the value as it is
 * (an unknown one is for the field to explain).
 */
export function normalizeVersion(
  versions: SparkVersionOption[],
  value: string | undefined,
): string | undefined {
  return value ? value : versions[0]?.version;
}

/** Why the backend would refuse a version, as it says it; undefined when it would take it. */
export function versionIssue(
  versions: SparkVersionOption[],
  value: string | undefined,
): string | undefined {
  if (!value || findVersion(versions, value)) {
    return undefined;
  }
  return `"${value}" is not a configured Spark version (${
    versions.map(option => option.version).join(', ') || 'none is configured'
  })`;
}

/** What an option of the select says: the version and its image. */
export function versionLabel(option: SparkVersionOption): string {
  return `${option.version} (${option.image})`;
}

/** The helper text under the select: the chosen version's image, or what is wrong. */
export function versionHelperText(
  versions: SparkVersionOption[],
  value: string | undefined,
): { text: string; error: boolean } {
  const issue = versionIssue(versions, value);
  if (issue) {
    return { text: issue, error: true };
  }
  if (versions.length === 0) {
    return {
      text: 'The platform offers no Spark version (mlPlatform.spark.versions)',
      error: true,
    };
  }
  const chosen = findVersion(versions, value);
  return chosen
    ? { text: `Image ${chosen.image}`, error: false }
    : { text: 'Pick one of the configured versions', error: false };
}
