import {
  entityEnvelopeSchemaValidator,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { modelEntityName } from '@ml-platform/backstage-plugin-ml-platform-node';
import {
  isPrompt,
  modelEntityRef,
  modelUrl,
  registeredModelToEntity,
} from './modelEntity';

const options = {
  mlflowExternalUrl: 'http://127.0.0.1:15000',
  ownerTag: 'ml-platform.io/team',
  defaultOwner: 'group:default/platform-admins',
};

const validateEnvelope = entityEnvelopeSchemaValidator();

/** The catalog would accept it: envelope and Resource schema. */
async function expectValidResource(entity: Entity) {
  expect(validateEnvelope(entity)).toBe(entity);
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
    true,
  );
}

describe('registeredModelToEntity', () => {
  it('makes a Resource of type ml-model owned by the team named in the model tag', async () => {
    const entity = registeredModelToEntity(
      {
        name: 'fraud-risk-classifier',
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
        name: 'fraud-risk-classifier',
        title: 'fraud-risk-classifier',
        description: 'Flags card fraud',
        tags: ['mlflow', 'ml-model'],
        labels: { 'ml-platform.io/project': 'card-fraud' },
        annotations: {
          'backstage.io/managed-by-location':
            'url:http://127.0.0.1:15000/#/models/fraud-risk-classifier',
          'backstage.io/managed-by-origin-location':
            'url:http://127.0.0.1:15000/#/models/fraud-risk-classifier',
          'backstage.io/view-url':
            'http://127.0.0.1:15000/#/models/fraud-risk-classifier',
          'ml-platform.io/mlflow-registered-model': 'fraud-risk-classifier',
          'ml-platform.io/namespace': 'fraud-detection',
          'ml-platform.io/project': 'card-fraud',
          'grafana/dashboard-selector': "tags @> 'model:fraud-risk-classifier'",
        },
        links: [
          {
            url: 'http://127.0.0.1:15000/#/models/fraud-risk-classifier',
            title: 'Open in MLflow',
            icon: 'dashboard',
          },
        ],
      },
      spec: {
        type: 'ml-model',
        owner: 'group:default/fraud-detection',
      },
    });
    await expectValidResource(entity);
  });

  it('labels a model tagged visibility=public (any case, surrounding blanks) as public', () => {
    for (const value of ['public', ' Public ']) {
      const entity = registeredModelToEntity(
        {
          name: 'shared',
          tags: [
            { key: 'ml-platform.io/team', value: 'forecasting' },
            { key: 'ml-platform.io/visibility', value: value },
          ],
        },
        options,
      );
      expect(entity.metadata.labels).toEqual({
        'ml-platform.io/public': 'true',
      });
    }
  });

  it('gives no public label for any other visibility', () => {
    for (const value of ['private', 'team', '', 'publicly']) {
      const entity = registeredModelToEntity(
        {
          name: 'private',
          tags: [{ key: 'ml-platform.io/visibility', value }],
        },
        options,
      );
      expect(entity.metadata.labels).toBeUndefined();
    }
  });

  it('falls back to the default owner without a team tag', async () => {
    const entity = registeredModelToEntity({ name: 'untagged' }, options);
    expect(entity.spec?.owner).toBe('group:default/platform-admins');
    expect(entity.metadata.description).toBe(
      'MLflow registered model untagged',
    );
    expect(entity.metadata.annotations).not.toHaveProperty(
      'ml-platform.io/namespace',
    );
    await expectValidResource(entity);
  });

  it('falls back to the default owner when the tag names no valid team', async () => {
    for (const value of [
      'Fraud Detection',
      'user:default/alice',
      'group:other/fraud-detection',
      'a'.repeat(64),
    ]) {
      const entity = registeredModelToEntity(
        { name: 'm', tags: [{ key: 'ml-platform.io/team', value }] },
        options,
      );
      expect(entity.spec?.owner).toBe('group:default/platform-admins');
      expect(entity.metadata.annotations).not.toHaveProperty(
        'ml-platform.io/namespace',
      );
      await expectValidResource(entity);
    }
  });

  it('accepts a group ref in the team tag', () => {
    const entity = registeredModelToEntity(
      {
        name: 'm',
        tags: [
          { key: 'ml-platform.io/team', value: 'group:default/forecasting' },
        ],
      },
      options,
    );
    expect(entity.spec?.owner).toBe('group:default/forecasting');
    expect(entity.metadata.annotations?.['ml-platform.io/namespace']).toBe(
      'forecasting',
    );
  });

  it('reads the owner from the configured tag', () => {
    const entity = registeredModelToEntity(
      {
        name: 'm',
        tags: [
          { key: 'ml-platform.io/team', value: 'fraud-detection' },
          { key: 'owner', value: 'recommendations' },
        ],
      },
      { ...options, ownerTag: 'owner' },
    );
    expect(entity.spec?.owner).toBe('group:default/recommendations');
  });

  it('keeps a project that is no valid label value as an annotation only', async () => {
    const entity = registeredModelToEntity(
      {
        name: 'm',
        tags: [{ key: 'ml-platform.io/project', value: 'Card fraud (2026)' }],
      },
      options,
    );
    expect(entity.metadata.labels).toBeUndefined();
    expect(entity.metadata.annotations?.['ml-platform.io/project']).toBe(
      'Card fraud (2026)',
    );
    expect(entity.spec).not.toHaveProperty('system');
    await expectValidResource(entity);
  });

  it('maps a model name that is no catalog name to a valid, distinct entity', async () => {
    const entity = registeredModelToEntity(
      {
        name: "Prévision des ventes / région's",
        description: '  ',
      },
      options,
    );
    expect(entity.metadata.name).toMatch(/^Pr-vision-des-ventes-r-gion-s-/);
    expect(entity.metadata.title).toBe("Prévision des ventes / région's");
    expect(entity.metadata.annotations).toMatchObject({
      'ml-platform.io/mlflow-registered-model':
        "Prévision des ventes / région's",
      'grafana/dashboard-selector':
        "tags @> 'model:Prévision des ventes / régions'",
      'backstage.io/view-url':
        "http://127.0.0.1:15000/#/models/Pr%C3%A9vision%20des%20ventes%20%2F%20r%C3%A9gion's",
    });
    await expectValidResource(entity);
  });
});

describe('helpers', () => {
  it('names the entity with the shared modelEntityName (tested in ml-platform-node)', () => {
    for (const name of ['iris', 'My Model/v2', 'a'.repeat(70)]) {
      expect(registeredModelToEntity({ name }, options).metadata.name).toBe(
        modelEntityName(name),
      );
    }
  });

  it('modelEntityRef is the ref of the mapped entity (refs are lower case)', () => {
    expect(modelEntityRef('iris')).toBe('resource:default/iris');
    for (const name of ['ElasticnetWineModel', 'My Model']) {
      expect(modelEntityRef(name)).toBe(
        stringifyEntityRef(registeredModelToEntity({ name }, options)),
      );
    }
  });

  it('modelUrl encodes the name and drops trailing slashes of the base', () => {
    expect(modelUrl('https://mlflow.example.com/', 'a b')).toBe(
      'https://mlflow.example.com/#/models/a%20b',
    );
  });

  it('never puts credentials of the configured URL in links or annotations', () => {
    const entity = registeredModelToEntity(
      { name: 'iris' },
      {
        ...options,
        mlflowExternalUrl: 'http://bob:link-secret@127.0.0.1:15000/',
      },
    );
    expect(entity.metadata.links).toEqual([
      {
        url: 'http://127.0.0.1:15000/#/models/iris',
        title: 'Open in MLflow',
        icon: 'dashboard',
      },
    ]);
    expect(entity.metadata.annotations?.['backstage.io/view-url']).toBe(
      'http://127.0.0.1:15000/#/models/iris',
    );
    expect(JSON.stringify(entity)).not.toContain('link-secret');
    expect(JSON.stringify(entity)).not.toContain('bob');
  });

  it('isPrompt recognises MLflow 3 prompts', () => {
    expect(
      isPrompt({
        name: 'p',
        tags: [{ key: 'mlflow.prompt.is_prompt', value: 'true' }],
      }),
    ).toBe(true);
    expect(isPrompt({ name: 'm' })).toBe(false);
  });
});
