import { ConfigReader } from '@backstage/config';
import { readPlatformConnections } from '../connections';
import { MlflowClient } from './MlflowClient';

function connections(mlflow: object) {
  return readPlatformConnections(new ConfigReader({ mlPlatform: { mlflow } }));
}

describe('mlPlatform.mlflow auth config', () => {
  it('reads no auth when none is configured', () => {
    expect(connections({ baseUrl: 'http://m:5000/' }).mlflow).toEqual({
      baseUrl: 'http://m:5000',
      externalUrl: 'http://m:5000',
    });
  });

  it('reads basic and bearer credentials and the timeout', () => {
    expect(
      connections({
        baseUrl: 'http://m:5000',
        auth: { type: 'basic', username: 'u', password: 'p' },
        timeoutMs: 3000,
      }).mlflow,
    ).toMatchObject({
      auth: { type: 'basic', username: 'u', password: 'p' },
      timeoutMs: 3000,
    });
    expect(
      connections({
        baseUrl: 'http://m:5000',
        auth: { type: 'bearer', token: 't' },
      }).mlflow?.auth,
    ).toEqual({ type: 'bearer', token: 't' });
  });

  it('refuses an unknown auth type', () => {
    expect(() =>
      connections({ baseUrl: 'http://m:5000', auth: { type: 'oauth' } }),
    ).toThrow('mlPlatform.mlflow.auth.type must be none, basic or bearer');
  });

  it('builds a client from the connection', () => {
    const mlflow = connections({
      baseUrl: 'http://m:5000',
      auth: { type: 'bearer', token: 'secret-token' },
    }).mlflow!;
    const client = new MlflowClient(mlflow);
    expect(client.baseUrl).toBe('http://m:5000');
    expect(JSON.stringify(client)).not.toContain('secret-token');
  });

  it('builds a client from a credentialed URL that sends them as basic auth and shows them nowhere', async () => {
    const mlflow = connections({
      baseUrl: 'http://bob:hunter2@m:5000',
    }).mlflow!;
    const requests: Array<{ url: string; authorization?: string }> = [];
    const client = new MlflowClient({
      ...mlflow,
      retries: 0,
      fetch: (async (input: URL | string, init: RequestInit = {}) => {
        requests.push({
          url: String(input),
          authorization: (init.headers as Record<string, string>).Authorization,
        });
        return new Response('{"error_code":"INTERNAL_ERROR"}', {
          status: 500,
        });
      }) as typeof fetch,
    });
    const error = await client.getExperiment('1').catch(e => e);
    expect(requests).toEqual([
      {
        url: 'http://m:5000/api/2.0/mlflow/experiments/get?experiment_id=1',
        authorization: `Basic ${Buffer.from('bob:hunter2').toString('base64')}`,
      },
    ]);
    expect(error.message).toContain('MLflow at http://m:5000 failed');
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(client)).not.toContain('hunter2');
  });
});
