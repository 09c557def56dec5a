import { DEMO_PROJECT, renderDemoWorkloads } from './demoWorkloads.ts';
import { PROJECT_LABEL, TEAM_LABEL } from './teams.ts';

describe('renderDemoWorkloads', () => {
  const manifests = renderDemoWorkloads({
    version: '3',
    location: 'mlflow-artifacts:/1/models/m-abc/artifacts',
  });

  it("puts one of each workload kind in fraud-detection's project namespace, after the namespace itself", () => {
    expect(manifests[0]).toMatchObject({
      kind: 'Namespace',
      metadata: {
        name: DEMO_PROJECT.namespace,
        labels: {
          [TEAM_LABEL]: 'fraud-detection',
          [PROJECT_LABEL]: 'transaction-risk',
        },
      },
    });
    expect(
      manifests
        .filter(m => m.apiVersion.includes('.'))
        .filter(m => !m.apiVersion.startsWith('rbac.'))
        .map(m => m.kind),
    ).toEqual([
      'Notebook',
      'SparkApplication',
      'ScheduledSparkApplication',
      'SparkConnect',
      'SeldonDeployment',
    ]);
    for (const manifest of manifests.slice(1)) {
      expect(manifest.metadata.namespace).toBe(DEMO_PROJECT.namespace);
    }
  });

  it("serves the given model version with MLflow's server from the artifact store behind MLflow's proxy, as the portal deploys one, and bounds the project by a quota", () => {
    const seldon = manifests.find(m => m.kind === 'SeldonDeployment') as any;
    expect(seldon.spec.predictors[0]).toMatchObject({
      name: 'v3',
      traffic: 100,
      labels: { 'ml-platform.io/model-version': '3' },
    });
    expect(seldon.spec.predictors[0].graph).toEqual({
      name: 'classifier',
      implementation: 'MLFLOW_SERVER',
      modelUri: 's3://mlflow-artifacts/1/models/m-abc/artifacts',
      children: [],
    });
    expect(seldon.metadata.annotations).toMatchObject({
      'ml-platform.io/served-model': DEMO_PROJECT.model,
      'ml-platform.io/main-predictor': 'v3',
    });
    const quota = manifests.find(m => m.kind === 'ResourceQuota') as any;
    expect(quota.spec.hard['requests.cpu']).toBe('6');
  });

  it('lets the finished job finish soon and schedules the other nightly', () => {
    const job = manifests.find(m => m.kind === 'SparkApplication') as any;
    expect(job.spec.driver.annotations['kwok.ml-platform.io/run-for']).toBe(
      '5s',
    );
    const nightly = manifests.find(
      m => m.kind === 'ScheduledSparkApplication',
    ) as any;
    expect(nightly.spec.schedule).toBe('0 2 * * *');
  });
});
