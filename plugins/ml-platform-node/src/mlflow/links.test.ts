import { mlflowLinks } from './links';

describe('mlflowLinks', () => {
  it('links into the MLflow UI, encoding names', () => {
    const links = mlflowLinks('https://mlflow.example.com/');
    expect(links.experiment('7')).toBe(
      'https://mlflow.example.com/#/experiments/7',
    );
    expect(links.run('7', 'r1')).toBe(
      'https://mlflow.example.com/#/experiments/7/runs/r1',
    );
    expect(links.modelVersion('a b', '2')).toBe(
      'https://mlflow.example.com/#/models/a%20b/versions/2',
    );
  });

  it('never carries the credentials of the configured URL', () => {
    const links = mlflowLinks('https://viewer:link-secret@mlflow.example.com');
    expect(links.model('iris')).toBe(
      'https://mlflow.example.com/#/models/iris',
    );
    expect(links.run('7', 'r1')).not.toContain('link-secret');
  });
});
