/**
 * fast-check arbitraries of hostile request parts for the generative input
 * tests: strings, numbers and JSON bodies as they arrive on the wire. Bodies
 * are built as JSON text, not objects, so they can hold what no object
 * serializes to: own `__proto__` keys, duplicate keys, `1e999`, broken JSON.
 */
import fc from 'fast-check';

/** Names every JavaScript object inherits (or treats specially). */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** The JSON text of a value; `undefined` and functions become `null`. */
export const json = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** A JSON object from keys and values that are already JSON text. */
export const objectText = (
  entries: ReadonlyArray<readonly [string, string]>,
): string =>
  `{${entries.map(([key, value]) => `${json(key)}:${value}`).join(',')}}`;

/** A JSON array from items that are already JSON text. */
export const arrayText = (items: readonly string[]): string =>
  `[${items.join(',')}]`;

export const prototypeKey = fc.constantFrom(...PROTOTYPE_KEYS);

/** 5,000 to 20,000 characters (at most about 80 kB of UTF-8, below the 100 kB body limit). */
const longText = fc
  .tuple(
    fc.constantFrom('a', '9', '-', 'é', '\u0000', '😀', '../', '%2F'),
    fc.integer({ min: 5000, max: 20000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/**
 * 5,000 to 8,000 URL-safe characters: long path segments and query values
 * that still fit Node's 16 kB limit of a request head (beyond it Node itself
 * answers 431, before any route).
 */
const longUrlText = fc
  .tuple(
    fc.constantFrom('a', '9', '-', '_'),
    fc.integer({ min: 5000, max: 8000 }),
  )
  .map(([unit, length]) => unit.repeat(length));

const controlText = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0, max: 0x1f })
      .map(code => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 12,
  }),
  fc.constantFrom(
    '\u007f',
    'a\nb',
    'a\r\nX-Injected: 1',
    '\u2028',
    '\u202eevil',
    '\ufeff',
    'a\u0000b',
  ),
);

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  // lone surrogates: no valid UTF-8 exists for them
  fc.constantFrom(
    '\ud800',
    'a\udfffb',
    '😀\ud83d',
    'ｆｒａｕｄ',
    'ﬁ',
    'İ',
    'ß',
  ),
);

const traversalText = fc.constantFrom(
  '..',
  '.',
  '../',
  '../../etc/passwd',
  'a/../b',
  '..\\..\\windows',
  '/',
  '//',
  '%2e%2e%2f',
  '..%2F..%2F',
  '%2F',
  '%00',
  '%252e%252e%252f',
  'a?b=c',
  'a#b',
  'a;b',
  '*',
  '~',
);

/** Numbers, and what is nearly a number, written as strings. */
export const numericText = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '-0',
  '0',
  '1e309',
  '1e1000',
  '1e-999',
  '1e-4294967266',
  '1e-99999999999999999999',
  '9'.repeat(40),
  '9223372036854775808',
  '0x10',
  '0b11',
  '+1',
  '.5',
  '5.',
  '1_000',
  ' 1',
  '1 ',
  '١٢٣',
  '１',
);

/** Strings of every hostile kind; may be empty. */
export const hostileString = fc.oneof(
  prototypeKey,
  longText,
  controlText,
  unicodeText,
  traversalText,
  numericText,
  fc.constant(''),
  fc.string({ maxLength: 40 }),
);

/** Like {@link hostileString}, never empty, and short enough for a URL. */
export const hostileUrlString = fc
  .oneof(
    prototypeKey,
    longUrlText,
    controlText,
    unicodeText,
    traversalText,
    numericText,
    fc.string({ minLength: 1, maxLength: 40 }),
  )
  .filter(text => text.length > 0);

const weirdNumber = fc.oneof(
  fc.constantFrom(
    -1,
    -0,
    0,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e21,
    -1e21,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double(),
  fc.integer(),
);

/** Number literals JSON.parse reads, but no number serializes to. */
const rawNumberText = fc.constantFrom(
  '1e999',
  '-1e999',
  '-0',
  '1e-999',
  '123456789012345678901234567890',
  '0.1e1',
  '1E+2',
  '-0.0',
);

/** Any JSON value as text, of the wrong type for most fields. */
export const hostileValueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(json) },
  { weight: 2, arbitrary: weirdNumber.map(json) },
  { weight: 1, arbitrary: rawNumberText },
  {
    weight: 1,
    arbitrary: fc.constantFrom('null', 'true', 'false', '[]', '{}'),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(prototypeKey, hostileString.map(json)), {
        minLength: 1,
        maxLength: 3,
      })
      .map(objectText),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 50, max: 1000 }))
      .map(([open, depth]) =>
        open === '['
          ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : `${open.repeat(depth)}1${'}'.repeat(depth)}`,
      ),
  },
);

/** Mostly valid values (to get past the first checks), often hostile ones. */
export const validOrHostile = (valid: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: hostileValueText },
  );

/** A string field: valid strings, hostile strings, or other JSON values. */
export const stringField = (valid: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid.map(json) },
    { weight: 3, arbitrary: hostileString.map(json) },
    { weight: 1, arbitrary: hostileValueText },
  );

/** A key of an object in a request: a known one, a prototype name or anything. */
export const keyOf = (known: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: prototypeKey },
    { weight: 1, arbitrary: hostileString },
  );

/** Bodies that are no JSON object at all, or too large to be read. */
const hostileBodyText = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '[',
    'null',
    '"text"',
    '1',
    'true',
    '[]',
    '{"a":1,}',
    "{'a':1}",
    '{"__proto__":{"isAdmin":true}}',
    `{"x":"${'a'.repeat(120_000)}"}`,
  ),
  hostileValueText,
);

/** The text of a field left out of a body (no JSON value is empty). */
const OMITTED = '';

/** A field given as `field` generates it, or leaves it out (one time in `1 + weight`). */
export const optional = (field: fc.Arbitrary<string>, weight = 2) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(OMITTED) },
    { weight, arbitrary: field },
  );

/**
 * A JSON request body of `fields` (each an arbitrary of the field's JSON
 * text, see {@link optional}), sometimes with extra hostile keys or a key
 * given twice, or a body that is no such object at all.
 */
export function bodyText(
  fields: Record<string, fc.Arbitrary<string>>,
): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const someFields = fc
    .record(fields)
    .map(record =>
      Object.entries(record).filter(([, value]) => value !== OMITTED),
    );
  return fc.oneof(
    { weight: 12, arbitrary: someFields.map(objectText) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          someFields,
          fc.array(fc.tuple(keyOf(PROTOTYPE_KEYS), hostileValueText), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([known, extra]) => objectText([...known, ...extra])),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(someFields, fc.constantFrom(...names), hostileValueText)
        .map(([known, name, value]) => objectText([...known, [name, value]])),
    },
    { weight: 2, arbitrary: hostileBodyText },
  );
}

/**
 * A path segment: a value percent-encoded as a client would (whole-dot
 * segments too, which a client would otherwise resolve), or raw text with
 * broken or encoded separators.
 */
export const pathSegment = (valid: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid.map(encodeSegment) },
    { weight: 4, arbitrary: hostileUrlString.map(encodeSegment) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%zz',
        '%C0%AF',
        '%ED%A0%80',
        '..%2F..',
        '%2e%2e',
        'a%2Fb',
        'a%5Cb',
        'a%00b',
      ),
    },
  );

/** A query string value, percent-encoded. */
export const queryValue = (text: string) => encodeSegment(text);

/**
 * Percent-encodes a path segment or query value; lone surrogates (no UTF-8
 * exists for them) are sent as the bytes a naive encoder would produce.
 */
export function encodeSegment(text: string): string {
  if (/^\.+$/.test(text)) {
    return text.replaceAll('.', '%2E');
  }
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')).concat(
      '%ED%A0%80',
    );
  }
}

/** Content types a client may send a JSON body with, mostly the right one. */
export const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'application/xml',
    ),
  },
);
