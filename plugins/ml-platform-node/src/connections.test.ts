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
      timeouts: { kubernetesMs: 10_000, prometheusMs: 10_000 },
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
      timeouts: { kubernetesMs: 10_000, prometheusMs: 10_000 },
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

describe('credentials in configured URLs', () => {
  const credentialed = {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'prod',
              url: 'https://admin:cluster-secret@k8s.example:6443/?token=query-secret',
            },
          ],
        },
      ],
    },
    mlPlatform: {
      mlflow: { baseUrl: 'http://bob:mlflow-secret@mlflow:5000/' },
      prometheus: {
        baseUrl: 'http://prom:prometheus-secret@prometheus:9090',
      },
    },
  };
  const secrets = [
    'cluster-secret',
    'query-secret',
    'mlflow-secret',
    'prometheus-secret',
  ];

  it('turns the user info of the MLflow URL into basic auth, out of every URL', () => {
    const { mlflow } = readPlatformConnections(new ConfigReader(credentialed));
    expect(mlflow).toEqual({
      baseUrl: 'http://mlflow:5000',
      externalUrl: 'http://mlflow:5000',
      auth: { type: 'basic', username: 'bob', password: 'mlflow-secret' },
    });
  });

  it('keeps configured MLflow auth and drops the user info then', () => {
    const { mlflow } = readPlatformConnections(
      new ConfigReader({
        mlPlatform: {
          mlflow: {
            baseUrl: 'http://bob:mlflow-secret@mlflow:5000',
            externalUrl: 'https://viewer:link-secret@mlflow.example?key=k',
            auth: { type: 'bearer', token: 't' },
          },
        },
      }),
    );
    expect(mlflow).toEqual({
      baseUrl: 'http://mlflow:5000',
      externalUrl: 'https://mlflow.example/?key=***',
      auth: { type: 'bearer', token: 't' },
    });
  });

  it('logs no credential of any connection', () => {
    const text = describeConnections(
      readPlatformConnections(new ConfigReader(credentialed)),
    );
    expect(text).toBe(
      'ML platform (configured): Kubernetes cluster "prod" at https://k8s.example:6443/?token=***, MLflow at http://mlflow:5000, Prometheus at http://prometheus:9090',
    );
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
  });
});
