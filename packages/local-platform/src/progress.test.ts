import { createReporter, formatDuration } from './progress.ts';

describe('formatDuration', () => {
  it('shows tenths under a minute and whole seconds above', () => {
    expect(formatDuration(0)).toBe('0.0s');
    expect(formatDuration(12_345)).toBe('12.3s');
    expect(formatDuration(61_000)).toBe('1m01s');
  });

  it('carries rounded seconds into the minutes', () => {
    expect(formatDuration(359_600)).toBe('6m00s');
    expect(formatDuration(119_499)).toBe('1m59s');
  });
});

describe('createReporter', () => {
  it('prefixes each line with the elapsed time and the padded component', () => {
    const lines: string[] = [];
    const report = createReporter(line => lines.push(line));
    report('etcd', 'ready');
    expect(lines).toEqual([
      expect.stringMatching(/^\[ +\d+\.\ds\] etcd {19} ready$/),
    ]);
  });
});
