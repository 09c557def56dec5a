import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { modelEntityName, modelEntityRefOf } from './modelEntityName';

describe('modelEntityName', () => {
  it.each([
    ['iris', 'iris'],
    ['ElasticnetWineModel', 'ElasticnetWineModel'],
    ['fraud_model.v2', 'fraud_model.v2'],
    ['a'.repeat(63), 'a'.repeat(63)],
  ])('keeps the valid name %s', (input, output) => {
    expect(modelEntityName(input)).toBe(output);
  });

  it.each([
    ['My Model/v2', /^My-Model-v2-[0-9a-f]{8}$/],
    ['__x__', /^x-[0-9a-f]{8}$/],
    ['***', /^model-[0-9a-f]{8}$/],
    ['a'.repeat(70), /^a{54}-[0-9a-f]{8}$/],
    [
      "Prévision des ventes / région's",
      /^Pr-vision-des-ventes-r-gion-s-[0-9a-f]{8}$/,
    ],
  ])('reduces %s and adds a hash', (input, pattern) => {
    const name = modelEntityName(input);
    expect(name).toMatch(pattern);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
  });

  it('suffixes the first 8 hex digits of the SHA-256 of the full name', () => {
    // sha256("fraud model") = 8ddd6434…
    expect(modelEntityName('fraud model')).toBe('fraud-model-8ddd6434');
  });

  it('is stable, and distinct for names that reduce to the same text', () => {
    expect(modelEntityName('fraud model')).toBe(modelEntityName('fraud model'));
    const names = new Set(
      [
        'fraud model',
        'fraud/model',
        'fraud  model',
        `${'a'.repeat(70)}1`,
        `${'a'.repeat(70)}2`,
      ].map(modelEntityName),
    );
    expect(names.size).toBe(5);
  });
});

describe('modelEntityRefOf', () => {
  it('is the ref of the model entity (refs are lower case)', () => {
    expect(modelEntityRefOf('iris')).toBe('resource:default/iris');
    expect(modelEntityRefOf('ElasticnetWineModel')).toBe(
      'resource:default/elasticnetwinemodel',
    );
    expect(modelEntityRefOf('My Model')).toBe(
      `resource:default/${modelEntityName('My Model').toLocaleLowerCase()}`,
    );
  });
});
