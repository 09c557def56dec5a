/** Progress and diagnostics go to stderr; stdout carries only the report. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
