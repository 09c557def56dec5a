import { registeredModelToEntity, toEntityName } from './modelEntity';

const options = {
  providerId: 'default',
  mlflowExternalUrl: 'http://127.0.0.1:15000',
  ownerTag: 'ml-platform.io/team',
  defaultOwner: 'group:default/platform-admins',
};

describe('registeredModelToEntity', () => {
  it('makes a Resource owned by the team named in the model tag', () => {
    const entity = registeredModelToEntity(
      {
        name: 'fraud classifier',
        description: 'Flags card fraud',
        tags: [
          { key: 'ml-platform.io/team', value: 'fraud-detection' },
          { key: 'ml-platform.io/project', value: 'card-fraud' },
        ],
      },
      options,
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'fraud-classifier',
        title: 'fraud classifier',
        description: 'Flags card fraud',
        tags: ['mlflow', 'ml-model'],
        annotations: {
          'backstage.io/managed-by-location':
            'url:http://127.0.0.1:15000/#/models/fraud%20classifier',
          'backstage.io/managed-by-origin-location':
            'url:http://127.0.0.1:15000/#/models/fraud%20classifier',
          'ml-platform.io/mlflow-registered-model': 'fraud classifier',
          'ml-platform.io/namespace': 'fraud-detection',
          'grafana/dashboard-selector': "tags @> 'model:fraud classifier'",
        },
        links: [
          {
            url: 'http://127.0.0.1:15000/#/models/fraud%20classifier',
            title: 'Open in MLflow',
            icon: 'dashboard',
          },
        ],
      },
      spec: {
        type: 'ml-model',
        owner: 'group:default/fraud-detection',
        system: 'card-fraud',
      },
    });
  });

  it('falls back to the default owner', () => {
    const entity = registeredModelToEntity({ name: 'untagged' }, options);
    expect(entity.spec?.owner).toBe('group:default/platform-admins');
    expect(entity.metadata.annotations).not.toHaveProperty(
      'ml-platform.io/namespace',
    );
  });
});

describe('toEntityName', () => {
  it.each([
    ['iris', 'iris'],
    ['My Model/v2', 'My-Model-v2'],
    ['__x__', 'x'],
    ['a'.repeat(70), 'a'.repeat(63)],
    ['***', 'model'],
  ])('%s -> %s', (input, output) => {
    expect(toEntityName(input)).toBe(output);
  });
});
