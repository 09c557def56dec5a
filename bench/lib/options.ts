/** A whole-number command-line option, at least `min`; the error names the option. */
export function countOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`--${name} must be an integer >= ${min}, got ${value}`);
  }
  return n;
}
