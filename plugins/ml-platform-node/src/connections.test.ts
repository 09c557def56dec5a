import { ConfigReader } from '@backstage/config';
import { describeConnections, readPlatformConnections } from './connections';

const clusters = {
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'local',
            url: 'https://127.0.0.1:16443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'secret-token',
            caData: 'Q0E=',
          },
          {
            name: 'prod',
            url: 'https://prod.example:6443',
            skipTLSVerify: true,
          },
        ],
      },
    ],
  },
};

describe('readPlatformConnections', () => {
  it('reuses the first cluster of the stock Kubernetes plugin config', () => {
    const connections = readPlatformConnections(
      new ConfigReader({
        ...clusters,
        mlPlatform: {
          environmentName: 'local platform',
          mlflow: { baseUrl: 'http://127.0.0.1:15000/' },
          prometheus: { baseUrl: 'http://127.0.0.1:19090' },
        },
      }),
    );
    expect(connections).toEqual({
      environmentName: 'local platform',
      cluster: {
        name: 'local',
        url: 'https://127.0.0.1:16443',
        token: 'secret-token',
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: false,
      },
      mlflow: {
        baseUrl: 'http://127.0.0.1:15000',
        externalUrl: 'http://127.0.0.1:15000',
      },
      prometheus: { baseUrl: 'http://127.0.0.1:19090' },
    });
  });

  it('selects the cluster named in mlPlatform.kubernetes.cluster', () => {
    const connections = readPlatformConnections(
      new ConfigReader({
        ...clusters,
        mlPlatform: { kubernetes: { cluster: 'prod' } },
      }),
    );
    expect(connections.cluster?.url).toBe('https://prod.example:6443');
    expect(connections.cluster?.skipTLSVerify).toBe(true);
  });

  it('names the missing cluster and the ones that exist', () => {
    expect(() =>
      readPlatformConnections(
        new ConfigReader({
          ...clusters,
          mlPlatform: { kubernetes: { cluster: 'staging' } },
        }),
      ),
    ).toThrow(
      'mlPlatform.kubernetes.cluster names "staging", but kubernetes.clusterLocatorMethods lists only: local, prod',
    );
  });

  it('works with nothing configured', () => {
    const connections = readPlatformConnections(new ConfigReader({}));
    expect(connections).toEqual({
      environmentName: 'configured',
      cluster: undefined,
      mlflow: undefined,
      prometheus: undefined,
    });
    expect(describeConnections(connections)).toBe(
      'ML platform (configured): no Kubernetes cluster configured, no MLflow configured, no Prometheus configured',
    );
  });
});

describe('describeConnections', () => {
  it('says which systems are used and never prints the token', () => {
    const text = describeConnections(
      readPlatformConnections(
        new ConfigReader({
          ...clusters,
          mlPlatform: {
            environmentName: 'local platform',
            mlflow: { baseUrl: 'http://127.0.0.1:15000' },
          },
        }),
      ),
    );
    expect(text).toBe(
      'ML platform (local platform): Kubernetes cluster "local" at https://127.0.0.1:16443, MLflow at http://127.0.0.1:15000, no Prometheus configured',
    );
    expect(text).not.toContain('secret-token');
  });
});
