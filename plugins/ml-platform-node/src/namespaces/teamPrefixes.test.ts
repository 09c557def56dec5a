import { otherTeamNamesWithin } from './teamPrefixes';

describe('otherTeamNamesWithin', () => {
  it('gives every longer team name the namespace starts with, and the whole name', () => {
    expect(otherTeamNamesWithin('fraud', 'fraud-detection-x')).toEqual([
      'fraud-detection',
      'fraud-detection-x',
    ]);
    expect(otherTeamNamesWithin('fraud', 'fraud-a-b-c')).toEqual([
      'fraud-a',
      'fraud-a-b',
      'fraud-a-b-c',
    ]);
  });

  it('never gives the team itself', () => {
    expect(
      otherTeamNamesWithin('fraud-detection', 'fraud-detection-x'),
    ).toEqual(['fraud-detection-x']);
  });
});
