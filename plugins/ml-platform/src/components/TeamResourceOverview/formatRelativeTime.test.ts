import { formatRelativeTime, formatTimeUntil } from './formatRelativeTime';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2025-03-01T11:59:30Z', 'just now'],
    ['2025-03-01T12:00:05Z', 'just now'],
    ['2025-03-01T11:55:00Z', '5 minutes ago'],
    ['2025-03-01T11:00:00Z', '1 hour ago'],
    ['2025-03-01T09:10:00Z', '2 hours ago'],
    ['2025-02-27T12:00:00Z', '2 days ago'],
  ])('says %s as "%s"', (timestamp, text) => {
    expect(formatRelativeTime(timestamp, now)).toBe(text);
  });

  it('says nothing for a missing or unreadable timestamp', () => {
    expect(formatRelativeTime(undefined, now)).toBeUndefined();
    expect(formatRelativeTime('yesterday-ish', now)).toBeUndefined();
  });
});

describe('formatTimeUntil', () => {
  it.each([
    ['2025-03-01T12:00:30Z', 'any moment now'],
    ['2025-03-01T11:59:00Z', 'any moment now'],
    ['2025-03-01T12:05:00Z', 'in 5 minutes'],
    ['2025-03-01T13:00:00Z', 'in 1 hour'],
    ['2025-03-01T17:30:00Z', 'in 5 hours'],
    ['2025-03-04T12:00:00Z', 'in 3 days'],
  ])('says %s as "%s"', (timestamp, text) => {
    expect(formatTimeUntil(timestamp, now)).toBe(text);
  });

  it('says nothing for a missing or unreadable timestamp', () => {
    expect(formatTimeUntil(undefined, now)).toBeUndefined();
    expect(formatTimeUntil('tomorrow', now)).toBeUndefined();
  });
});
