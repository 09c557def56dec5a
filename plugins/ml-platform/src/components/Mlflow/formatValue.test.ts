import { formatDuration, formatMetric, formatTimestamp } from './formatValue';

describe('formatMetric', () => {
  it('keeps four significant digits', () => {
    expect(formatMetric(0.97777777)).toBe('0.9778');
    expect(formatMetric(1)).toBe('1');
    expect(formatMetric(52.34567)).toBe('52.35');
    expect(formatMetric(0.000123456)).toBe('0.0001235');
  });

  it('says a missing value with a dash and keeps non-finite ones readable', () => {
    expect(formatMetric(undefined)).toBe('–');
    expect(formatMetric(Number.NaN)).toBe('NaN');
    expect(formatMetric(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('formatTimestamp', () => {
  it('gives undefined for missing or unreadable timestamps', () => {
    expect(formatTimestamp(undefined)).toBeUndefined();
    expect(formatTimestamp('yesterday')).toBeUndefined();
    expect(formatTimestamp('2025-05-01T10:00:00.000Z')).toEqual(
      new Date('2025-05-01T10:00:00.000Z').toLocaleString(),
    );
  });
});

describe('formatDuration', () => {
  it('uses seconds, minutes and hours', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(undefined)).toBeUndefined();
    expect(formatDuration(-1)).toBeUndefined();
  });
});
