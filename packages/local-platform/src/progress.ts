/** Progress lines of the CLI: elapsed time, component, message. */
export type Reporter = {
  (component: string, message: string): void;
  /** Milliseconds since the reporter was created. */
  elapsed(): number;
};

export function formatDuration(ms: number): string {
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)}s`;
  }
  // round once, so 5m59.6s reads 6m00s and never 5m60s
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

export function createReporter(
  write: (line: string) => void = line => process.stdout.write(`${line}\n`),
): Reporter {
  const started = Date.now();
  const report = ((component: string, message: string) => {
    const time = formatDuration(Date.now() - started).padStart(6);
    write(`[${time}] ${component.padEnd(23)} ${message}`);
  }) as Reporter;
  report.elapsed = () => Date.now() - started;
  return report;
}

/** A reporter that prints nothing (library use). */
export function silentReporter(): Reporter {
  return createReporter(() => {});
}
