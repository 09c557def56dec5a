import { fakeMlPlatformApi } from '../../testUtils/overviewFixtures';
import { sparkCluster, sparkList } from '../../testUtils/sparkFixtures';
import {
  isEmptySparkList,
  listSpark,
  newSparkClusterPath,
  newSparkJobPath,
} from './sparkScope';

describe('Spark scopes', () => {
  it("lists a team's or a namespace's Spark workloads", async () => {
    const api = fakeMlPlatformApi();
    await listSpark(api, { kind: 'team', team: 'fraud-detection' });
    await listSpark(api, {
      kind: 'namespace',
      namespace: 'fraud-detection-scoring',
      team: 'fraud-detection',
    });
    expect(api.listTeamSpark).toHaveBeenCalledWith('fraud-detection');
    expect(api.listNamespaceSpark).toHaveBeenCalledWith(
      'fraud-detection-scoring',
    );
  });

  it('opens the spark-job and spark-cluster templates, with the project filled in for a project', () => {
    const team = { kind: 'team', team: 'fraud-detection' } as const;
    expect(newSparkJobPath(team)).toBe('/create/templates/default/spark-job');
    expect(newSparkClusterPath(team)).toBe(
      '/create/templates/default/spark-cluster',
    );

    const project = {
      kind: 'namespace',
      namespace: 'fraud-detection-scoring',
    } as const;
    for (const [path, template] of [
      [newSparkJobPath(project), 'spark-job'],
      [newSparkClusterPath(project), 'spark-cluster'],
    ]) {
      const [base, query] = path.split('?');
      expect(base).toBe(`/create/templates/default/${template}`);
      expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual({
        project: 'component:default/fraud-detection-scoring',
      });
    }
  });

  it('is empty only without clusters, jobs and schedules', () => {
    expect(isEmptySparkList(sparkList())).toBe(true);
    expect(isEmptySparkList(sparkList({ clusters: [sparkCluster()] }))).toBe(
      false,
    );
  });
});
