import {
  componentEntityV1alpha1Validator,
  entityEnvelopeSchemaValidator,
  KubernetesValidatorFunctions,
  type Entity,
} from '@backstage/catalog-model';
import {
  modelDeploymentToEntity,
  type SeldonDeploymentObject,
} from './deploymentEntity';

/** A SeldonDeployment as the suite renders it: one predictor, in a project namespace. */
const deployment: SeldonDeploymentObject = {
  apiVersion: 'machinelearning.seldon.io/v1',
  kind: 'SeldonDeployment',
  metadata: {
    name: 'scorer',
    namespace: 'fraud-detection-scoring',
    labels: {
      'ml-platform.io/team': 'fraud-detection',
      'ml-platform.io/project': 'scoring',
    },
    annotations: {
      'ml-platform.io/created-by': 'user:default/alice',
      'ml-platform.io/served-model': 'fraud-risk-classifier',
      'ml-platform.io/main-predictor': 'v3',
    },
  },
  spec: {
    predictors: [
      {
        name: 'v3',
        traffic: 100,
        labels: {
          'ml-platform.io/team': 'fraud-detection',
          'ml-platform.io/project': 'scoring',
          'ml-platform.io/model-version': '3',
        },
      },
    ],
  },
};

function withPredictors(
  predictors: NonNullable<SeldonDeploymentObject['spec']>['predictors'],
): SeldonDeploymentObject {
  return { ...deployment, spec: { predictors } };
}

const version = (v: string) => ({ 'ml-platform.io/model-version': v });

const validateEnvelope = entityEnvelopeSchemaValidator();

/** The catalog would accept it: envelope and Component schema. */
async function expectValidComponent(entity: Entity | undefined) {
  expect(entity).toBeDefined();
  expect(validateEnvelope(entity)).toBe(entity);
  await expect(componentEntityV1alpha1Validator.check(entity!)).resolves.toBe(
    true,
  );
}

describe('modelDeploymentToEntity', () => {
  it('makes a deployment a component of its team, depending on the model and part of the project', async () => {
    const entity = modelDeploymentToEntity(deployment, 'local');
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'fraud-detection-scoring.scorer',
        title: 'scorer (fraud-detection-scoring)',
        description: 'Serves fraud-risk-classifier version 3 with Seldon Core',
        tags: ['model-deployment', 'seldon'],
        annotations: {
          'backstage.io/managed-by-location':
            'ml-platform-seldon:local/fraud-detection-scoring/scorer',
          'backstage.io/managed-by-origin-location':
            'ml-platform-seldon:local/fraud-detection-scoring/scorer',
          'ml-platform.io/seldon-deployment': 'fraud-detection-scoring/scorer',
          'backstage.io/kubernetes-namespace': 'fraud-detection-scoring',
          'backstage.io/kubernetes-label-selector':
            'seldon-deployment-id=scorer',
          'ml-platform.io/mlflow-registered-model': 'fraud-risk-classifier',
        },
      },
      spec: {
        type: 'model-deployment',
        lifecycle: 'production',
        owner: 'group:default/fraud-detection',
        dependsOn: ['resource:default/fraud-risk-classifier'],
        subcomponentOf: 'component:default/fraud-detection-scoring',
      },
    });
    await expectValidComponent(entity);
  });

  it('names the cluster in the location', () => {
    const entity = modelDeploymentToEntity(deployment, 'prod');
    expect(
      entity?.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe('ml-platform-seldon:prod/fraud-detection-scoring/scorer');
  });

  it('is no subcomponent of a project for a deployment in the team namespace', async () => {
    const entity = modelDeploymentToEntity(
      {
        ...deployment,
        metadata: {
          ...deployment.metadata,
          namespace: 'fraud-detection',
          labels: { 'ml-platform.io/team': 'fraud-detection' },
        },
      },
      'local',
    );
    expect(entity?.metadata.name).toBe('fraud-detection.scorer');
    expect(entity?.spec).not.toHaveProperty('subcomponentOf');
    expect(entity?.spec?.owner).toBe('group:default/fraud-detection');
    await expectValidComponent(entity);
  });

  it('depends on the entity of the model, named as the MLflow module names it', async () => {
    const entity = modelDeploymentToEntity(
      {
        ...deployment,
        metadata: {
          ...deployment.metadata,
          annotations: { 'ml-platform.io/served-model': 'Fraud Model/v2' },
        },
      },
      'local',
    );
    expect(entity?.spec?.dependsOn).toEqual([
      expect.stringMatching(/^resource:default\/fraud-model-v2-[0-9a-f]{8}$/),
    ]);
    expect(
      entity?.metadata.annotations?.['ml-platform.io/mlflow-registered-model'],
    ).toBe('Fraud Model/v2');
    expect(entity?.metadata.description).toBe(
      'Serves Fraud Model/v2 version 3 with Seldon Core',
    );
    await expectValidComponent(entity);
  });

  it('describes a canary with its shares and a shadow', () => {
    const entity = modelDeploymentToEntity(
      withPredictors([
        { name: 'v3', traffic: 90, labels: version('3') },
        { name: 'v4', traffic: 10, labels: version('4') },
        { name: 'v5', shadow: true, labels: version('5') },
      ]),
      'local',
    );
    expect(entity?.metadata.description).toBe(
      'Serves fraud-risk-classifier versions 3 (90%), 4 (10%) and 5 (shadow) with Seldon Core',
    );
  });

  it('gives no share when only one predictor takes traffic', () => {
    const entity = modelDeploymentToEntity(
      withPredictors([
        { name: 'v3', traffic: 100, labels: version('3') },
        { name: 'v4', shadow: true, labels: version('4') },
      ]),
      'local',
    );
    expect(entity?.metadata.description).toBe(
      'Serves fraud-risk-classifier versions 3 and 4 (shadow) with Seldon Core',
    );
  });

  it('reads the version from the predictor name without the label, and leaves out what it cannot read', () => {
    expect(
      modelDeploymentToEntity(
        withPredictors([{ name: 'v7' }, { name: 'default' }]),
        'local',
      )?.metadata.description,
    ).toBe('Serves fraud-risk-classifier version 7 with Seldon Core');
    expect(
      modelDeploymentToEntity(withPredictors([]), 'local')?.metadata
        .description,
    ).toBe('Serves fraud-risk-classifier with Seldon Core');
    expect(
      modelDeploymentToEntity({ metadata: deployment.metadata }, 'local')
        ?.metadata.description,
    ).toBe('Serves fraud-risk-classifier with Seldon Core');
  });

  it('shortens a name over 63 characters with a hash, distinct per deployment', async () => {
    const named = (name: string) =>
      modelDeploymentToEntity(
        { ...deployment, metadata: { ...deployment.metadata, name } },
        'local',
      );
    const long = `scorer-${'x'.repeat(50)}`;
    const a = named(`${long}-a`);
    const b = named(`${long}-b`);
    for (const entity of [a, b]) {
      expect(entity?.metadata.name).toMatch(
        /^fraud-detection-scoring\.scorer-x+-[0-9a-f]{8}$/,
      );
      expect(entity?.metadata.name.length).toBeLessThanOrEqual(63);
      expect(
        KubernetesValidatorFunctions.isValidObjectName(entity!.metadata.name),
      ).toBe(true);
      await expectValidComponent(entity);
    }
    expect(a?.metadata.name).not.toBe(b?.metadata.name);
    expect(a?.metadata.title).toBe(`${long}-a (fraud-detection-scoring)`);
    expect(
      a?.metadata.annotations?.['backstage.io/kubernetes-label-selector'],
    ).toBe(`seldon-deployment-id=${long}-a`);
    // exactly 63 characters is kept
    const exact = 'y'.repeat(63 - 'fraud-detection-scoring.'.length);
    expect(named(exact)?.metadata.name).toBe(
      `fraud-detection-scoring.${exact}`,
    );
  });

  it('skips a deployment without the team label or the served model', () => {
    expect(
      modelDeploymentToEntity(
        {
          ...deployment,
          metadata: {
            ...deployment.metadata,
            labels: { 'ml-platform.io/project': 'scoring' },
          },
        },
        'local',
      ),
    ).toBeUndefined();
    expect(
      modelDeploymentToEntity(
        {
          ...deployment,
          metadata: { ...deployment.metadata, annotations: {} },
        },
        'local',
      ),
    ).toBeUndefined();
    expect(
      modelDeploymentToEntity(
        { metadata: { name: 'x', namespace: 'y' } },
        'local',
      ),
    ).toBeUndefined();
    expect(modelDeploymentToEntity({}, 'local')).toBeUndefined();
  });
});
