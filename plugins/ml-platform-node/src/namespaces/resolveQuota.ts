import {
  ownValue,
  parseQuantity,
  validateQuantity,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  QUOTA_COUNT_KEYS,
  QUOTA_QUANTITY_KEYS,
  quotaHard,
  type QuotaSpec,
} from './quota';
import type { NamespaceSettings, QuotaMaxima } from './settings';

/** Explicit quota values of a request; each overrides the size preset's. @public */
export type QuotaOverrides = Partial<
  Record<keyof QuotaSpec, string | number | undefined>
>;

const QUANTITY_FIELDS: readonly string[] = QUOTA_QUANTITY_KEYS;
const COUNT_FIELDS: readonly string[] = QUOTA_COUNT_KEYS;

function validateCount(field: string, value: unknown): ValidationIssue[] {
  const number = typeof value === 'string' ? Number(value) : value;
  if (
    typeof number !== 'number' ||
    !Number.isInteger(number) ||
    number < 0 ||
    (typeof value === 'string' && value.trim() === '')
  ) {
    return [{ field, reason: `must be a whole number of 0 or more` }];
  }
  return [];
}

function validateOverrides(overrides: QuotaOverrides): ValidationIssue[] {
  return Object.entries(overrides).flatMap(([key, value]) => {
    if (value === undefined || value === '') {
      return [];
    }
    const field = `quota.${key}`;
    if (QUANTITY_FIELDS.includes(key)) {
      return validateQuantity(field, value);
    }
    if (COUNT_FIELDS.includes(key)) {
      return validateCount(field, value);
    }
    return [{ field, reason: 'is not a quota setting' }];
  });
}

function applyOverrides(base: QuotaSpec, overrides: QuotaOverrides): QuotaSpec {
  const spec: QuotaSpec = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || value === '') {
      continue;
    }
    if (COUNT_FIELDS.includes(key)) {
      (spec as Record<string, unknown>)[key] = Number(value);
    } else {
      (spec as Record<string, unknown>)[key] = String(value);
    }
  }
  return spec;
}

const MAXIMA_CHECKS: Array<{ key: keyof QuotaMaxima; unit: string }> = [
  { key: 'cpu', unit: 'CPU' },
  { key: 'memory', unit: 'memory' },
  { key: 'gpu', unit: 'GPUs' },
  { key: 'storage', unit: 'storage' },
  { key: 'persistentVolumeClaims', unit: 'volume claims' },
  { key: 'pods', unit: 'pods' },
];

/** Checks a complete quota against the admin-configured maxima of one namespace. */
export function checkMaxima(
  spec: QuotaSpec,
  maxima: QuotaMaxima,
  fieldOf: (key: keyof QuotaSpec) => string,
): ValidationIssue[] {
  return MAXIMA_CHECKS.flatMap(({ key, unit }) => {
    const value = parseQuantity(String(spec[key]));
    const maximum = parseQuantity(String(maxima[key]));
    if (value === undefined || maximum === undefined || value <= maximum) {
      return [];
    }
    return [
      {
        field: fieldOf(key),
        reason: `${spec[key]} is above the maximum of ${maxima[key]} ${unit} a namespace may have`,
      },
    ];
  });
}

/**
 * Checks the limits a quota would get: never below the requests, and at most
 * twice the requests' maxima (CPU limits default to twice the requests).
 */
export function checkLimits(
  spec: QuotaSpec,
  maxima: QuotaMaxima,
  fieldOf: (key: keyof QuotaSpec) => string,
): ValidationIssue[] {
  const hard = quotaHard(spec);
  const pairs: Array<{
    key: keyof QuotaSpec;
    limit: string;
    request: string;
    maximum: string;
    unit: string;
  }> = [
    {
      key: 'cpuLimit',
      limit: hard['limits.cpu'],
      request: hard['requests.cpu'],
      maximum: String(maxima.cpu),
      unit: 'CPU',
    },
    {
      key: 'memoryLimit',
      limit: hard['limits.memory'],
      request: hard['requests.memory'],
      maximum: maxima.memory,
      unit: 'memory',
    },
  ];
  return pairs.flatMap(({ key, limit, request, maximum, unit }) => {
    const limitValue = parseQuantity(limit) ?? 0;
    const requestValue = parseQuantity(request) ?? 0;
    const maximumValue = (parseQuantity(maximum) ?? Infinity) * 2;
    if (limitValue < requestValue) {
      return [
        {
          field: fieldOf(key),
          reason: `${limit} is below the ${unit} requests of ${request}`,
        },
      ];
    }
    if (limitValue > maximumValue) {
      return [
        {
          field: fieldOf(key),
          reason: `${limit} is above the maximum of twice ${maximum} ${unit} a namespace's limits may have`,
        },
      ];
    }
    return [];
  });
}

/** The quota a request asks for, or the reasons it cannot have it. @public */
export type ResolvedQuota =
  | { spec: QuotaSpec; issues: [] }
  | { spec?: undefined; issues: ValidationIssue[] };

/**
 * Turns a request's `size` and explicit `quota` values into a complete quota:
 * the preset (the first configured one when no size is given) with the
 * explicit values on top, every value parsed and within the maxima.
 * @public
 */
export function resolveQuota(
  size: string | undefined,
  overrides: QuotaOverrides | undefined,
  settings: Pick<NamespaceSettings, 'sizes' | 'maxima'>,
): ResolvedQuota {
  const sizeNames = Object.keys(settings.sizes);
  const chosen = size || sizeNames[0];
  const preset =
    typeof chosen === 'string' ? ownValue(settings.sizes, chosen) : undefined;
  if (!preset) {
    return {
      issues: [
        {
          field: 'size',
          // not String(size): a size parsed from JSON may be an object whose toString is no function
          reason: `${JSON.stringify(
            size,
          )} is not a size preset (choose one of ${sizeNames.join(', ')})`,
        },
      ],
    };
  }
  const explicit = overrides ?? {};
  const issues = validateOverrides(explicit);
  if (issues.length > 0) {
    return { issues };
  }
  const spec = applyOverrides(preset, explicit);
  const isExplicit = (key: keyof QuotaSpec) =>
    explicit[key] !== undefined && explicit[key] !== '';
  const fieldOf = (key: keyof QuotaSpec) =>
    isExplicit(key) ? `quota.${key}` : 'size';
  const requestIssues = checkMaxima(spec, settings.maxima, fieldOf);
  // Limits derived from requests above the maxima would repeat that issue.
  const maximaIssues =
    requestIssues.length > 0
      ? requestIssues
      : checkLimits(spec, settings.maxima, fieldOf);
  return maximaIssues.length > 0
    ? { issues: maximaIssues }
    : { spec, issues: [] };
}
