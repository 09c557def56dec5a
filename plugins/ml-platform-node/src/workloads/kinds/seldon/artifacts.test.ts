import { proxiedArtifactPath, storageLocationOf } from './artifacts';

const settings = {
  artifactStores: [
    {
      prefix: 'mlflow-artifacts:/',
      uri: 's3://mlflow/',
      envSecretRefName: 'mlflow-s3',
    },
  ],
  storageSchemes: ['s3', 'gs'],
};

describe('storageLocationOf', () => {
  it("maps MLflow's proxied locations to the artifact store, with its credentials", () => {
    expect(
      storageLocationOf('mlflow-artifacts:/1/models/m-abc/artifacts', settings),
    ).toEqual({
      uri: 's3://mlflow/1/models/m-abc/artifacts',
      envSecretRefName: 'mlflow-s3',
    });
  });

  it('keeps a location the storage initializer reads as it is', () => {
    expect(storageLocationOf('gs://models/fraud/3', settings)).toEqual({
      uri: 'gs://models/fraud/3',
    });
  });

  it.each([
    ['dbfs:/databricks/models/x', /cannot read/],
    ['file:///tmp/mlruns/1/model', /cannot read/],
    ['/var/mlflow/model', /cannot read/],
    ['models:/m-abc', /MLflow URI/],
    ['runs:/abc/model', /MLflow URI/],
    ['', /no location/],
  ])('refuses %s, saying why', (location, why) => {
    const result = storageLocationOf(location, settings);
    expect(result).toEqual({ problem: expect.stringMatching(why) });
  });

  it('says how to fix it: which schemes are read and which prefixes are mapped', () => {
    expect(
      storageLocationOf('dbfs:/x', { ...settings, artifactStores: [] }),
    ).toEqual({
      problem: expect.stringContaining('no artifact store is mapped'),
    });
    expect(storageLocationOf('dbfs:/x', settings)).toEqual({
      problem: expect.stringContaining('s3:, gs:'),
    });
  });
});

describe('proxiedArtifactPath', () => {
  it('is the path behind mlflow-artifacts:, with or without an authority', () => {
    expect(proxiedArtifactPath('mlflow-artifacts:/1/m/artifacts')).toBe(
      '/1/m/artifacts',
    );
    expect(proxiedArtifactPath('mlflow-artifacts://host:5000/1/m')).toBe(
      '/1/m',
    );
    expect(proxiedArtifactPath('s3://b/1/m')).toBeUndefined();
  });
});
