import type { V1Namespace } from '@kubernetes/client-node';
import { ML_PROJECT_TYPE, projectNamespaceToEntity } from './projectEntity';

const projectNamespace: V1Namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'fraud-detection-scoring',
    labels: {
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'scoring',
      'app.kubernetes.io/managed-by': 'ml-platform',
      'kubernetes.io/metadata.name': 'fraud-detection-scoring',
    },
    annotations: {
      'ml-platform.io/description': 'Scores card transactions',
    },
  },
};

describe('projectNamespaceToEntity', () => {
  it('makes a project namespace a component of its team', () => {
    expect(projectNamespaceToEntity(projectNamespace, 'local')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'fraud-detection-scoring',
        title: 'scoring (fraud-detection)',
        description: 'Scores card transactions',
        tags: ['ml-project'],
        annotations: {
          'backstage.io/managed-by-location':
            'ml-platform-namespace:local/fraud-detection-scoring',
          'backstage.io/managed-by-origin-location':
            'ml-platform-namespace:local/fraud-detection-scoring',
          'ml-platform.io/namespace': 'fraud-detection-scoring',
          'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
          'backstage.io/kubernetes-label-selector':
            'ml-platform.io/project=scoring',
        },
      },
      spec: {
        type: 'ml-project',
        lifecycle: 'experimental',
        owner: 'group:default/fraud-detection',
      },
    });
    expect(ML_PROJECT_TYPE).toBe('ml-project');
  });

  it('names the cluster in the location', () => {
    const entity = projectNamespaceToEntity(projectNamespace, 'prod');
    expect(
      entity?.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe('ml-platform-namespace:prod/fraud-detection-scoring');
  });

  it('leaves the description out when the namespace has none', () => {
    const entity = projectNamespaceToEntity(
      {
        metadata: {
          name: projectNamespace.metadata!.name,
          labels: projectNamespace.metadata!.labels,
        },
      },
      'local',
    );
    expect(entity?.metadata.description).toBeUndefined();
    expect(entity?.spec?.owner).toBe('group:default/fraud-detection');
  });

  it('skips a team namespace, which has no project label', () => {
    expect(
      projectNamespaceToEntity(
        {
          metadata: {
            name: 'fraud-detection',
            labels: { 'ml-platform.io/team': 'fraud-detection' },
          },
        },
        'local',
      ),
    ).toBeUndefined();
  });

  it('skips namespaces that are not the suite’s', () => {
    expect(
      projectNamespaceToEntity({ metadata: { name: 'kube-system' } }, 'local'),
    ).toBeUndefined();
    expect(
      projectNamespaceToEntity(
        {
          metadata: {
            name: 'x',
            labels: { 'ml-platform.io/project': 'x' },
          },
        },
        'local',
      ),
    ).toBeUndefined();
    expect(projectNamespaceToEntity({}, 'local')).toBeUndefined();
  });

  it('links a published project to its repository, keeping owner and namespace from the cluster', () => {
    const entity = projectNamespaceToEntity(
      {
        metadata: {
          ...projectNamespace.metadata,
          annotations: {
            ...projectNamespace.metadata!.annotations,
            'ml-platform.io/source-location':
              'https://github.com/acme/fraud-detection-scoring/tree/main/',
          },
        },
      },
      'local',
    );
    expect(entity?.metadata.annotations).toMatchObject({
      'backstage.io/source-location':
        'url:https://github.com/acme/fraud-detection-scoring/tree/main/',
      'backstage.io/view-url':
        'https://github.com/acme/fraud-detection-scoring/tree/main/',
      'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
    });
    expect(entity?.spec?.owner).toBe('group:default/fraud-detection');
  });

  it("carries the project's MLflow experiment over to the component", () => {
    const entity = projectNamespaceToEntity(
      {
        metadata: {
          ...projectNamespace.metadata,
          annotations: {
            ...projectNamespace.metadata!.annotations,
            'ml-platform.io/mlflow-experiment': 'fraud-detection/scoring',
          },
        },
      },
      'local',
    );
    expect(
      entity?.metadata.annotations?.['ml-platform.io/mlflow-experiment'],
    ).toBe('fraud-detection/scoring');
  });
});
