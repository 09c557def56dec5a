/**
 * An example request body for a deployment, shaped from the model's
 * signature in its MLmodel file when it has one (pure).
 */
import YAML from 'yaml';
import type { ServingProtocol } from '@ml-platform/backstage-plugin-ml-platform-common';
import { defaultPayload } from './status';

type Column = { name?: string; type?: string };

const V2_TYPES: Record<string, string> = {
  double: 'FP64',
  float: 'FP32',
  long: 'INT64',
  integer: 'INT32',
  boolean: 'BOOL',
  string: 'BYTES',
  binary: 'BYTES',
};

const EXAMPLE_VALUES: Record<string, unknown> = {
  string: 'text',
  boolean: false,
};

const exampleValue = (type: string | undefined) =>
  (type && EXAMPLE_VALUES[type]) ?? 0;

/** The input columns of an MLmodel file's signature, or none (pure). */
export function signatureColumns(mlmodel: string): Column[] {
  try {
    const parsed = YAML.parse(mlmodel) as {
      signature?: { inputs?: string };
    } | null;
    const inputs = parsed?.signature?.inputs;
    const columns = typeof inputs === 'string' ? JSON.parse(inputs) : [];
    return Array.isArray(columns)
      ? columns.filter(column => column && typeof column === 'object')
      : [];
  } catch {
    return [];
  }
}

/** A one-row request in the protocol's format for these columns (pure). @public */
export function examplePayload(
  protocol: ServingProtocol,
  columns: Column[],
): unknown {
  if (columns.length === 0) {
    return defaultPayload(protocol);
  }
  if (protocol === 'v2') {
    return {
      inputs: columns.map((column, index) => ({
        name: column.name ?? `input-${index}`,
        shape: [1],
        datatype: V2_TYPES[column.type ?? ''] ?? 'FP64',
        data: [exampleValue(column.type)],
      })),
    };
  }
  return {
    data: {
      names: columns.map((column, index) => column.name ?? `input-${index}`),
      ndarray: [columns.map(column => exampleValue(column.type))],
    },
  };
}
