import { notebook } from '../../testUtils/notebookFixtures';
import { millis, spansSeveralNamespaces, toNotebookRows } from './notebookRows';

const now = Date.parse('2025-03-01T12:00:00Z');

describe('toNotebookRows', () => {
  it('adds the pending action and the times in words', () => {
    const rows = toNotebookRows(
      [
        notebook({
          name: 'eda',
          createdAt: '2025-02-27T12:00:00Z',
          lastActivity: '2025-03-01T11:55:00Z',
        }),
        notebook({ name: 'idle', lastActivity: undefined }),
      ],
      { 'fraud-detection-transaction-risk/eda': 'stop' },
      now,
    );
    expect(rows[0]).toMatchObject({
      id: 'fraud-detection-transaction-risk/eda',
      pendingAction: 'stop',
      age: '2 days ago',
      lastActive: '5 minutes ago',
    });
    expect(rows[1].pendingAction).toBeUndefined();
    expect(rows[1].lastActive).toBeUndefined();
  });
});

describe('spansSeveralNamespaces', () => {
  it('is true only for notebooks of more than one namespace', () => {
    expect(spansSeveralNamespaces([])).toBe(false);
    expect(
      spansSeveralNamespaces([
        notebook({ name: 'a' }),
        notebook({ name: 'b' }),
      ]),
    ).toBe(false);
    expect(
      spansSeveralNamespaces([
        notebook({ namespace: 'team' }),
        notebook({ namespace: 'team-project' }),
      ]),
    ).toBe(true);
  });
});

describe('millis', () => {
  it('reads ISO timestamps, 0 when missing or unreadable', () => {
    expect(millis('1970-01-01T00:00:01Z')).toBe(1000);
    expect(millis(undefined)).toBe(0);
    expect(millis('soon')).toBe(0);
  });
});
