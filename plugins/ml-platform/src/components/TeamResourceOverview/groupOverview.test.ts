import type { NamespaceOverview } from '@ml-platform/backstage-plugin-ml-platform-common';
import { splitNamespaces, summarizeWorkloads } from './groupOverview';

function namespace(name: string, project?: string): NamespaceOverview {
  return { name, project, quotas: [], workloads: [], warnings: [] };
}

describe('splitNamespaces', () => {
  it('puts the team namespace apart and orders projects by name', () => {
    const team = namespace('fraud');
    const scoring = namespace('fraud-scoring', 'scoring');
    const anomalies = namespace('fraud-anomalies', 'anomalies');
    expect(splitNamespaces([scoring, team, anomalies])).toEqual({
      teamNamespace: team,
      projects: [anomalies, scoring],
    });
  });

  it('has no team namespace when every namespace belongs to a project', () => {
    const scoring = namespace('fraud-scoring', 'scoring');
    expect(splitNamespaces([scoring])).toEqual({
      teamNamespace: undefined,
      projects: [scoring],
    });
  });
});

describe('summarizeWorkloads', () => {
  it('lists kinds with objects, most frequent state first, and names the empty kinds', () => {
    expect(
      summarizeWorkloads([
        { kind: 'Pod', total: 4, states: { Pending: 1, Running: 3 } },
        { kind: 'Notebook', total: 0, states: {} },
        {
          kind: 'SparkApplication',
          total: 2,
          states: { FAILED: 1, COMPLETED: 1 },
        },
        { kind: 'SeldonDeployment', total: 0, states: {} },
      ]),
    ).toEqual({
      rows: [
        {
          kind: 'Pod',
          label: 'Pods',
          total: 4,
          states: [
            { state: 'Running', count: 3 },
            { state: 'Pending', count: 1 },
          ],
        },
        {
          kind: 'SparkApplication',
          label: 'Spark applications',
          total: 2,
          states: [
            { state: 'COMPLETED', count: 1 },
            { state: 'FAILED', count: 1 },
          ],
        },
      ],
      emptyKinds: ['Notebooks', 'Seldon deployments'],
    });
  });

  it('has no rows when nothing runs', () => {
    expect(summarizeWorkloads([]).rows).toEqual([]);
  });
});
