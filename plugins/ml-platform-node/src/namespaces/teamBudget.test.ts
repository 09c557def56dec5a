import { checkBudgetCoversProjects, checkTeamBudget } from './teamBudget';

const budget = {
  'requests.cpu': '10',
  'requests.memory': '40Gi',
  'requests.nvidia.com/gpu': '2',
  'requests.storage': '500Gi',
  persistentvolumeclaims: '20',
  pods: '100',
};

const others = [
  {
    'requests.cpu': '4',
    'requests.memory': '16Gi',
    'requests.nvidia.com/gpu': '1',
    'requests.storage': '200Gi',
    persistentvolumeclaims: '10',
    pods: '50',
  },
];

describe('checkTeamBudget', () => {
  const check = (requested: Record<string, string>, overrides = {}) =>
    checkTeamBudget({
      team: 'fraud-detection',
      budget,
      others,
      requested,
      field: 'quota',
      ...overrides,
    });

  it('accepts projects that use the budget exactly', () => {
    expect(
      check({
        'requests.cpu': '6000m',
        'requests.memory': '24Gi',
        'requests.nvidia.com/gpu': '1',
        'requests.storage': '300Gi',
        persistentvolumeclaims: '10',
        pods: '50',
      }),
    ).toEqual([]);
  });

  it('does not trip over floating point sums', () => {
    expect(
      checkTeamBudget({
        team: 't',
        budget: { 'requests.cpu': '300m' },
        others: [{ 'requests.cpu': '100m' }],
        requested: { 'requests.cpu': '200m' },
        field: 'quota',
      }),
    ).toEqual([]);
  });

  it('names the team, the total, the budget and the other projects in CPU cores', () => {
    expect(check({ 'requests.cpu': '6500m' })).toEqual([
      {
        field: 'quota',
        reason:
          'the projects of team "fraud-detection" would get 10.5 CPU in total, more than the team\'s budget of 10 (its other projects have 4)',
      },
    ]);
  });

  it('gives memory and storage in Gi', () => {
    expect(
      check({ 'requests.memory': '25Gi', 'requests.storage': '301Gi' }),
    ).toEqual([
      {
        field: 'quota',
        reason:
          'the projects of team "fraud-detection" would get 41Gi memory in total, more than the team\'s budget of 40Gi (its other projects have 16Gi)',
      },
      {
        field: 'quota',
        reason:
          'the projects of team "fraud-detection" would get 501Gi storage in total, more than the team\'s budget of 500Gi (its other projects have 200Gi)',
      },
    ]);
    expect(
      checkTeamBudget({
        team: 't',
        budget: { 'requests.memory': '1Gi' },
        others: [],
        requested: { 'requests.memory': '1536Mi' },
        field: 'size',
      }),
    ).toEqual([
      {
        field: 'size',
        reason:
          'the projects of team "t" would get 1.5Gi memory in total, more than the team\'s budget of 1Gi (its other projects have 0Gi)',
      },
    ]);
  });

  it('reports each exceeded key: GPUs, volume claims and pods', () => {
    const issues = check({
      'requests.nvidia.com/gpu': '2',
      persistentvolumeclaims: '11',
      pods: '51',
    });
    expect(issues.map(issue => issue.reason)).toEqual([
      'the projects of team "fraud-detection" would get 3 GPUs in total, more than the team\'s budget of 2 (its other projects have 1)',
      'the projects of team "fraud-detection" would get 21 volume claims in total, more than the team\'s budget of 20 (its other projects have 10)',
      'the projects of team "fraud-detection" would get 101 pods in total, more than the team\'s budget of 100 (its other projects have 50)',
    ]);
  });

  it('ignores keys the budget does not limit', () => {
    expect(
      checkTeamBudget({
        team: 't',
        budget: { 'requests.cpu': '10' },
        others: [{ 'requests.memory': '1Ti', 'requests.nvidia.com/gpu': '8' }],
        requested: { 'requests.cpu': '2', 'requests.nvidia.com/gpu': '100' },
        field: 'quota',
      }),
    ).toEqual([]);
  });

  it('counts keys a project does not set as 0', () => {
    expect(
      checkTeamBudget({
        team: 't',
        budget,
        others: [{}, { pods: '10' }],
        requested: {},
        field: 'quota',
      }),
    ).toEqual([]);
  });
});

describe('checkBudgetCoversProjects', () => {
  it('accepts a budget that covers the projects exactly', () => {
    expect(
      checkBudgetCoversProjects({
        team: 'fraud-detection',
        budget: { 'requests.cpu': '8', 'requests.memory': '32Gi' },
        projects: [
          { 'requests.cpu': '4', 'requests.memory': '16Gi' },
          { 'requests.cpu': '4000m', 'requests.memory': '16384Mi' },
        ],
        field: 'quota',
      }),
    ).toEqual([]);
  });

  it('names what the projects already have per exceeded key', () => {
    expect(
      checkBudgetCoversProjects({
        team: 'fraud-detection',
        budget: { 'requests.cpu': '10', 'requests.memory': '8Gi', pods: '100' },
        projects: [
          { 'requests.cpu': '8', 'requests.memory': '6Gi', pods: '10' },
          { 'requests.cpu': '4', 'requests.memory': '4Gi', pods: '10' },
        ],
        field: 'quota',
      }),
    ).toEqual([
      {
        field: 'quota',
        reason:
          'the projects of team "fraud-detection" already have 12 CPU, more than the new budget of 10',
      },
      {
        field: 'quota',
        reason:
          'the projects of team "fraud-detection" already have 10Gi memory, more than the new budget of 8Gi',
      },
    ]);
  });

  it('ignores keys the budget does not limit', () => {
    expect(
      checkBudgetCoversProjects({
        team: 't',
        budget: {},
        projects: [{ 'requests.cpu': '1000', pods: '5000' }],
        field: 'quota',
      }),
    ).toEqual([]);
  });
});
