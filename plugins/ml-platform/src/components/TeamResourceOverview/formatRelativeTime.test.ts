import { formatRelativeTime } from './formatRelativeTime';

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
