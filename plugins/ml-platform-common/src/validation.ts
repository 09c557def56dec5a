/**
 * Input validation shared by the frontend, the REST routes and the scaffolder
 * actions, so every entry point rejects the same input with the same words.
 */

/** A rejected input: which field and why. @public */
export type ValidationIssue = {
  field: string;
  reason: string;
};

/** Longest DNS-1123 label (namespace names, label values). @public */
export const DNS1123_LABEL_MAX_LENGTH = 63;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Checks a DNS-1123 label, the format of Kubernetes namespace names.
 * Returns the issues found, empty when the value is valid.
 * @public
 */
export function validateDnsLabel(
  field: string,
  value: unknown,
  maxLength: number = DNS1123_LABEL_MAX_LENGTH,
): ValidationIssue[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [{ field, reason: 'is required' }];
  }
  const issues: ValidationIssue[] = [];
  if (value.length > maxLength) {
    issues.push({
      field,
      reason: `must be at most ${maxLength} characters (it has ${value.length})`,
    });
  }
  if (!DNS1123_LABEL.test(value)) {
    issues.push({
      field,
      reason:
        'must consist of lower case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)',
    });
  }
  return issues;
}

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// Exponents have at most three digits: Kubernetes reads an exponent as a
// 32-bit integer and wraps longer ones ("1e-4294967266" would be 0 here but
// 1e30 on the cluster) or refuses them after other objects were applied.
const QUANTITY =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d{1,3}))?$/;

/**
 * Parses a Kubernetes resource quantity ("500m", "2", "4Gi", "1e3") into its
 * value in base units (cores, bytes, counts). Returns undefined when the text
 * is not a quantity Kubernetes would accept.
 * @public
 */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match || text.trim() !== text) {
    return undefined;
  }
  const [, number, suffix, exponent] = match;
  const base = Number(number);
  if (exponent !== undefined) {
    // 0 * 10 ** 999 would be NaN (0 times Infinity)
    return base === 0 ? 0 : base * 10 ** Number(exponent);
  }
  if (suffix === undefined) {
    return base;
  }
  return base * (BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix]);
}

/**
 * Checks that a value is a non-negative Kubernetes quantity.
 * @public
 */
export function validateQuantity(
  field: string,
  value: unknown,
): ValidationIssue[] {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return [{ field, reason: 'is required' }];
  }
  const parsed = parseQuantity(String(value));
  if (parsed === undefined) {
    return [
      {
        field,
        reason: `"${value}" is not a Kubernetes quantity (examples: 500m, 2, 4Gi)`,
      },
    ];
  }
  if (parsed < 0) {
    return [{ field, reason: 'must not be negative' }];
  }
  return [];
}

/**
 * One sentence naming every rejected field, for error messages.
 * @public
 */
export function describeIssues(issues: ValidationIssue[]): string {
  return issues.map(issue => `${issue.field} ${issue.reason}`).join('; ');
}

/**
 * The value a user-given key names in a lookup table, only if the table
 * itself holds it: `__proto__`, `constructor` and other inherited names
 * find nothing, so they are refused like any unknown key.
 * @public
 */
export function ownValue<T>(
  table: Readonly<Record<string, T>>,
  key: string,
): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
