/**
 * Property tests of the pure input validators the routes and actions rely
 * on: whatever JSON-like input they get, they never throw, and they either
 * accept it with a valid result or give issues that name a field.
 */
import {
  ownValue,
  parseQuantity,
  validateDnsLabel,
  validateQuantity,
  validateRunSearchRequest,
  type ValidationIssue,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import fc from 'fast-check';
import {
  DEFAULT_SIZE_PRESETS,
  QUOTA_COUNT_KEYS,
  QUOTA_QUANTITY_KEYS,
  quotaHard,
  type QuotaSpec,
} from './quota';
import { resolveQuota, type QuotaOverrides } from './resolveQuota';
import { DEFAULT_QUOTA_MAXIMA, type QuotaMaxima } from './settings';

const RUNS = { numRuns: 1000 };

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];
const QUOTA_KEYS = [...QUOTA_QUANTITY_KEYS, ...QUOTA_COUNT_KEYS];

/** The pattern of a quantity in Kubernetes' OpenAPI schema, independent of parseQuantity. */
const KUBERNETES_QUANTITY =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const hostileString = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.string(),
  fc.string({ unit: 'binary' }),
  // the alphabet of quantities, names and numbers, shuffled
  fc.string({
    unit: fc.constantFrom(
      '1',
      '0',
      '.',
      '-',
      '+',
      'e',
      'E',
      'i',
      'K',
      'm',
      'a',
      '_',
      ' ',
      '\u0000',
    ),
  }),
  fc.stringMatching(/^[a-z0-9-]{1,70}$/),
  fc.constantFrom(
    '',
    '1e-4294967266',
    '1e999',
    '0e999',
    '-0e999',
    '1e+21',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
    '١٢٣',
    '9'.repeat(400),
    'a'.repeat(63),
    'a'.repeat(64),
  ),
  fc.integer({ min: 5000, max: 6000 }).map(length => 'a'.repeat(length)),
);

/** Objects as JSON.parse makes them: prototype names become own keys. */
const parsedObject = (value: fc.Arbitrary<unknown>) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...PROTOTYPE_KEYS, ...QUOTA_KEYS),
          fc.string(),
        ),
        value,
      ),
      { maxLength: 5 },
    )
    .map(entries =>
      JSON.parse(
        `{${entries
          .map(
            ([key, v]) =>
              `${JSON.stringify(key)}:${JSON.stringify(v) ?? 'null'}`,
          )
          .join(',')}}`,
      ),
    );

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  parsedObject(fc.jsonValue({ maxDepth: 1 })),
);

const field = fc.constantFrom('team', 'name', 'quota.cpu', 'size');

/** Every issue names a field `isField` accepts, and gives a reason. */
const namesFields = (
  issues: ValidationIssue[],
  isField: (name: string) => boolean,
) =>
  issues.length > 0 &&
  issues.every(
    issue =>
      isField(issue.field) &&
      typeof issue.reason === 'string' &&
      issue.reason.trim() !== '',
  );

const isDnsLabel = (value: unknown) =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= 63 &&
  [...value].every(c => /[a-z0-9-]/.test(c)) &&
  !value.startsWith('-') &&
  !value.endsWith('-');

/** A text Kubernetes reads as a quantity, and that is not negative. */
const isQuantity = (text: string) =>
  KUBERNETES_QUANTITY.test(text) && (parseQuantity(text) ?? -1) >= 0;

const within = (value: string | number, maximum: string | number) =>
  (parseQuantity(String(value)) ?? Infinity) <=
  (parseQuantity(String(maximum)) ?? -Infinity);

// The properties assert through fc.assert: a false predicate fails the test
// with the smallest counterexample.
/* eslint-disable jest/expect-expect */

describe('validateDnsLabel', () => {
  it('accepts only DNS-1123 labels and otherwise names the field', () => {
    fc.assert(
      fc.property(field, anyValue, (name, value) => {
        const issues = validateDnsLabel(name, value);
        return issues.length === 0
          ? isDnsLabel(value)
          : namesFields(issues, f => f === name);
      }),
      RUNS,
    );
  });
});

describe('validateQuantity', () => {
  it('accepts only non-negative Kubernetes quantities and otherwise names the field', () => {
    fc.assert(
      fc.property(field, anyValue, (name, value) => {
        const issues = validateQuantity(name, value);
        return issues.length === 0
          ? (typeof value === 'string' || typeof value === 'number') &&
              isQuantity(String(value))
          : namesFields(issues, f => f === name);
      }),
      RUNS,
    );
  });
});

describe('ownValue', () => {
  it("finds only a table's own entries, never inherited ones", () => {
    const tables = fc.oneof(
      fc.constant(DEFAULT_SIZE_PRESETS as Record<string, unknown>),
      parsedObject(fc.integer()),
    );
    fc.assert(
      fc.property(tables, hostileString, (table, key) => {
        const expected = Object.hasOwn(table, key) ? table[key] : undefined;
        return ownValue(table, key) === expected;
      }),
      RUNS,
    );
  });
});

describe('resolveQuota', () => {
  const settings = {
    sizes: DEFAULT_SIZE_PRESETS,
    maxima: DEFAULT_QUOTA_MAXIMA,
  };
  const size = fc.oneof(
    fc.constantFrom('small', 'medium', 'large', undefined),
    anyValue,
  );
  const quantityValue = fc.oneof(
    fc.constantFrom('100m', '1', '2', '0', '1Gi', '512Mi', '64', '65', 1, 3),
    anyValue,
  );
  const overrides = fc.oneof(
    parsedObject(quantityValue),
    fc.dictionary(fc.constantFrom(...QUOTA_KEYS), quantityValue),
    anyValue,
  );

  /** Every value of the quota is a Kubernetes quantity, the requests within the maxima, the counts whole. */
  const isValidQuota = (spec: QuotaSpec) =>
    Object.values(quotaHard(spec)).every(isQuantity) &&
    (Object.keys(settings.maxima) as Array<keyof QuotaMaxima>).every(key =>
      within(spec[key], settings.maxima[key]),
    ) &&
    [spec.gpu, spec.persistentVolumeClaims, spec.pods].every(Number.isInteger);

  it('gives a quota of Kubernetes quantities within the maxima, or issues naming size or a quota field', () => {
    fc.assert(
      fc.property(size, overrides, (sizeInput, overridesInput) => {
        const result = resolveQuota(
          sizeInput as string | undefined,
          overridesInput as QuotaOverrides | undefined,
          settings,
        );
        return result.spec
          ? result.issues.length === 0 && isValidQuota(result.spec)
          : namesFields(
              result.issues,
              f => f === 'size' || f.startsWith('quota.'),
            );
      }),
      RUNS,
    );
  });
});

describe('validateRunSearchRequest', () => {
  const MAX_INT64 = 2n ** 63n - 1n;
  const id = fc.oneof(
    fc.constantFrom(
      '1',
      '9223372036854775807',
      '9223372036854775808',
      '-9223372036854775809',
      '9_223_372_036_854_775_808',
      '1_0',
    ),
    fc.stringMatching(/^-?[0-9_]{1,30}$/),
    hostileString,
  );
  const request = fc.record(
    {
      experimentIds: fc.array(id, { maxLength: 22 }),
      filter: fc.oneof(
        hostileString,
        fc.bigInt().map(n => `attributes.start_time > ${n}`),
      ),
      orderBy: fc.array(hostileString, { maxLength: 6 }),
      maxResults: fc.oneof(fc.integer(), fc.double()),
      pageToken: hostileString,
    },
    { requiredKeys: ['experimentIds'] },
  );
  /** An id MLflow's SQL store can look up: Python's int() of it fits 64 bits, if it reads as an integer. */
  const storable = (experimentId: string) => {
    if (!/^-?\d+(_\d+)*$/.test(experimentId)) {
      return true;
    }
    const value = BigInt(experimentId.replaceAll('_', ''));
    return value <= MAX_INT64 && value >= -MAX_INT64 - 1n;
  };
  const knownField = (name: string) =>
    /^(experimentIds(\[\d+\])?|filter|orderBy(\[\d+\])?|maxResults|pageToken)$/.test(
      name,
    );

  it('never throws, names the fields, and lets through no number MLflow cannot store', () => {
    fc.assert(
      fc.property(request, search => {
        const issues = validateRunSearchRequest(search);
        return issues.length > 0
          ? namesFields(issues, knownField)
          : search.experimentIds.every(storable) &&
              /^[\x21-\x7e]*$/.test(search.pageToken ?? '');
      }),
      RUNS,
    );
  });
});
