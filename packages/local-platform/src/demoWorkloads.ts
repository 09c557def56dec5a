import {
  PROJECT_LABEL,
  TEAM_LABEL,
  teamEditBinding,
  type Manifest,
} from './teams.ts';

/**
 * What the seed runs for the demo teams, so the portal's first run shows
 * workloads: in fraud-detection's project transaction-risk, a notebook
 * server, a finished and a scheduled Spark job, a Spark Connect cluster and
 * a SeldonDeployment of the seeded model's latest version. Their controllers
 * (not the seed) make the pods, and kwok runs them.
 */
export const DEMO_PROJECT = {
  team: 'fraud-detection',
  project: 'transaction-risk',
  namespace: 'fraud-detection-transaction-risk',
  /** The registered model the SeldonDeployment serves (seed_mlflow.py registers it). */
  model: 'fraud-risk-classifier',
} as const;

const SPARK_IMAGE = 'docker.io/library/spark:4.0.1';

/** The project's namespace, as the ML project template makes one: quota, defaults, the team's edit role. */
function projectNamespace(): Manifest[] {
  const { team, project, namespace } = DEMO_PROJECT;
  const labels = {
    [TEAM_LABEL]: team,
    [PROJECT_LABEL]: project,
    'app.kubernetes.io/managed-by': 'ml-platform',
  };
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels,
        annotations: {
          'ml-platform.io/description':
            'Scores card transactions for fraud risk (demo data)',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'ml-platform-quota', namespace, labels },
      spec: {
        hard: {
          // what the workloads below request, with room for the nightly run
          // and a few Spark jobs of a driver and an executor each
          'requests.cpu': '6',
          'requests.memory': '6Gi',
          'limits.cpu': '8',
          'limits.memory': '12Gi',
          'requests.nvidia.com/gpu': '0',
          'requests.storage': '20Gi',
          persistentvolumeclaims: '5',
          pods: '20',
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'ml-platform-defaults', namespace, labels },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: '250m', memory: '512Mi' },
            default: { cpu: '1', memory: '2Gi' },
          },
        ],
      },
    },
    teamEditBinding(namespace, team, labels),
    // the identity of the Spark drivers
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'spark', namespace, labels },
    },
  ];
}

function sparkPi(runFor: string) {
  return {
    type: 'Scala',
    mode: 'cluster',
    image: SPARK_IMAGE,
    mainClass: 'org.apache.spark.examples.SparkPi',
    mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
    arguments: ['1000'],
    sparkVersion: '4.0.1',
    driver: {
      cores: 1,
      coreRequest: '500m',
      memory: '512m',
      serviceAccount: 'spark',
      annotations: { 'kwok.ml-platform.io/run-for': runFor },
    },
    executor: { instances: 1, cores: 1, coreRequest: '500m', memory: '512m' },
  };
}

/**
 * Where Seldon's storage initializer reads MLflow's proxied artifacts: the
 * store behind them, as app-config.yaml maps it (mlPlatform.serving.artifactStores).
 */
const ARTIFACT_STORE = {
  prefix: 'mlflow-artifacts:/',
  uri: 's3://mlflow-artifacts/',
};

/** A location in MLflow's proxy as the storage initializer reads it (pure). */
export const storeUri = (location: string) =>
  location.startsWith(ARTIFACT_STORE.prefix)
    ? `${ARTIFACT_STORE.uri}${location
        .slice(ARTIFACT_STORE.prefix.length)
        .replace(/^\/+/, '')}`
    : location;

/** The workloads, given the model version to serve and where MLflow keeps its files (pure). */
export function renderDemoWorkloads(served: {
  version: string;
  location: string;
}): Manifest[] {
  const { namespace } = DEMO_PROJECT;
  const predictor = `v${served.version}`;
  return [
    ...projectNamespace(),
    {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Notebook',
      metadata: { name: 'explore-transactions', namespace },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'explore-transactions',
                image: 'kubeflownotebookswg/jupyter-scipy:v1.9.0',
                resources: {
                  requests: { cpu: '250m', memory: '1Gi' },
                  limits: { cpu: '1', memory: '2Gi' },
                },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata: { name: 'daily-features', namespace },
      spec: sparkPi('5s'),
    },
    {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'ScheduledSparkApplication',
      metadata: { name: 'nightly-features', namespace },
      spec: {
        schedule: '0 2 * * *',
        concurrencyPolicy: 'Forbid',
        template: sparkPi('60s'),
      },
    },
    {
      apiVersion: 'sparkoperator.k8s.io/v1alpha1',
      kind: 'SparkConnect',
      metadata: { name: 'analysts', namespace },
      spec: {
        sparkVersion: '4.0.1',
        image: SPARK_IMAGE,
        server: { cores: 1, memory: '1g' },
        executor: { instances: 1, cores: 1, memory: '1g' },
      },
    },
    {
      // as the portal's "Deploy this version" makes one (ServingService)
      apiVersion: 'machinelearning.seldon.io/v1',
      kind: 'SeldonDeployment',
      metadata: {
        name: DEMO_PROJECT.model,
        namespace,
        labels: {
          [TEAM_LABEL]: DEMO_PROJECT.team,
          [PROJECT_LABEL]: DEMO_PROJECT.project,
        },
        annotations: {
          'ml-platform.io/served-model': DEMO_PROJECT.model,
          'ml-platform.io/main-predictor': predictor,
          'ml-platform.io/created-by': 'user:default/alice',
          'ml-platform.io/serving-history': '[]',
        },
      },
      spec: {
        protocol: 'seldon',
        predictors: [
          {
            name: predictor,
            replicas: 1,
            traffic: 100,
            labels: {
              [TEAM_LABEL]: DEMO_PROJECT.team,
              [PROJECT_LABEL]: DEMO_PROJECT.project,
              'ml-platform.io/model-version': served.version,
            },
            graph: {
              name: 'classifier',
              implementation: 'MLFLOW_SERVER',
              modelUri: storeUri(served.location),
              children: [],
            },
            componentSpecs: [
              {
                spec: {
                  containers: [
                    {
                      name: 'classifier',
                      resources: {
                        requests: { cpu: '250m', memory: '512Mi' },
                        limits: { cpu: '250m', memory: '512Mi' },
                      },
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    },
  ];
}
