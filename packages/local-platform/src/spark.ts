import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { httpOk, type ComponentSpec } from './components.ts';
import { controllerKubeconfigPath } from './controllerIdentity.ts';
import { kubeRequest, type KubeConnection } from './kubeapi.ts';
import { operatorBinary, operatorSourceFile } from './operators.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';
import type { Reporter } from './progress.ts';
import { ensureVenv, venvPath, type VenvRecipe } from './venvs.ts';
import { SPARK_OPERATOR, SPARK_WEBHOOK } from './workloadControllers.ts';

/**
 * The Spark distribution spark-submit comes from: PyPI's pyspark bundles
 * Spark with its Kubernetes client (`jars/spark-kubernetes_2.13-*.jar`).
 */
export const PYSPARK_VERSION = '4.0.1';

const PYSPARK_VENV: VenvRecipe = {
  name: `pyspark-${PYSPARK_VERSION}`,
  packages: [`pyspark==${PYSPARK_VERSION}`],
  pin: PYSPARK_VERSION,
  check: [
    'import glob, os, pyspark',
    'home = os.path.dirname(pyspark.__file__)',
    "assert os.access(os.path.join(home, 'bin', 'spark-submit'), os.X_OK), 'no bin/spark-submit'",
    "assert glob.glob(os.path.join(home, 'jars', 'spark-kubernetes_*.jar')), 'no Kubernetes client jar'",
    'print(pyspark.__version__)',
  ].join('\n'),
  component: 'pyspark venv',
};

export function ensurePysparkVenv(
  paths: PlatformPaths,
  logsDir: string,
  report: Reporter,
): Promise<string> {
  return ensureVenv(paths.cacheDir, PYSPARK_VENV, logsDir, report);
}

/** SPARK_HOME inside the pyspark virtualenv (the package folder holds bin/ and jars/). */
export function sparkHome(paths: PlatformPaths): string {
  const lib = path.join(venvPath(paths.cacheDir, PYSPARK_VENV.name), 'lib');
  const python = fs.existsSync(lib)
    ? fs.readdirSync(lib).find(dir => dir.startsWith('python3'))
    : undefined;
  return path.join(lib, python ?? 'python3', 'site-packages', 'pyspark');
}

export function sparkOperatorSpec(
  paths: PlatformPaths,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(
    layout,
    SPARK_OPERATOR.identity.name,
  );
  const probe = `http://127.0.0.1:${ports.sparkProbe}`;
  return {
    name: 'spark-operator',
    command: operatorBinary(paths, 'spark-operator'),
    args: [
      'controller',
      'start',
      `--kubeconfig=${kubeconfig}`,
      `--health-probe-bind-address=127.0.0.1:${ports.sparkProbe}`,
      '--metrics-bind-address=0',
      '--leader-election=false',
      '--controller-threads=4',
    ],
    env: {
      SPARK_HOME: sparkHome(paths),
      // spark-submit runs here, not in a pod: the master URL the operator
      // builds from these is the local apiserver, and the Kubernetes client
      // of spark-submit authenticates with the operator's own kubeconfig
      KUBERNETES_SERVICE_HOST: '127.0.0.1',
      KUBERNETES_SERVICE_PORT: String(ports.apiserver),
      KUBECONFIG: kubeconfig,
    },
    inputFiles: [kubeconfig],
    ports: ['sparkProbe'],
    ready: () => httpOk(`${probe}/readyz`),
    readyTimeoutMs: 90_000,
    readyDescription: `${probe}/readyz`,
  };
}

/** The namespace of the webhook's certificate Secret, as the chart's release namespace. */
export const SPARK_OPERATOR_NAMESPACE = 'spark-operator';

/** The names the upstream webhook ClusterRole lets it update (its resourceNames). */
const SPARK_WEBHOOK_CONFIGURATIONS = {
  mutating: 'mutating-webhook-configuration',
  validating: 'validating-webhook-configuration',
};

type WebhookConfiguration = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  webhooks: Array<{
    name: string;
    clientConfig: { service?: { path?: string }; url?: string };
    objectSelector?: unknown;
  }>;
};

/**
 * The archive's webhook configurations, sent to `https://localhost:<port>`
 * (the webhook's own certificate names localhost; it injects its CA into
 * them), the pod webhook only for pods the operator launches, as the
 * upstream kustomize patch selects them (pure).
 */
export function sparkWebhookConfigurations(
  manifestsYaml: string,
  port: number,
): WebhookConfiguration[] {
  return YAML.parseAllDocuments(manifestsYaml)
    .map(doc => doc.toJS() as WebhookConfiguration)
    .filter(Boolean)
    .map(config => ({
      ...config,
      metadata: {
        name:
          config.kind === 'MutatingWebhookConfiguration'
            ? SPARK_WEBHOOK_CONFIGURATIONS.mutating
            : SPARK_WEBHOOK_CONFIGURATIONS.validating,
      },
      webhooks: config.webhooks.map(webhook => ({
        ...webhook,
        clientConfig: {
          url: `https://localhost:${port}${webhook.clientConfig.service?.path}`,
        },
        ...(webhook.name === 'mutate-pod.sparkoperator.k8s.io'
          ? {
              objectSelector: {
                matchLabels: {
                  'sparkoperator.k8s.io/launched-by-spark-operator': 'true',
                },
              },
            }
          : {}),
      })),
    }));
}

export function sparkWebhookConfigurationsOf(
  paths: PlatformPaths,
  ports: PlatformPorts,
): WebhookConfiguration[] {
  return sparkWebhookConfigurations(
    fs.readFileSync(
      operatorSourceFile(
        paths,
        'spark-operator',
        'spark-operator/config/webhook/manifests.yaml',
      ),
      'utf8',
    ),
    ports.sparkWebhook,
  );
}

/** Whether the webhook has put its CA into both configurations (until then the apiserver cannot call it). */
export async function sparkWebhookTrusted(
  conn: KubeConnection,
): Promise<boolean> {
  const configurations = [
    `/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations/${SPARK_WEBHOOK_CONFIGURATIONS.mutating}`,
    `/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/${SPARK_WEBHOOK_CONFIGURATIONS.validating}`,
  ];
  for (const configuration of configurations) {
    const res = await kubeRequest(conn, 'GET', configuration);
    if (
      res.status !== 200 ||
      !res
        .json()
        .webhooks?.every(
          (w: { clientConfig?: { caBundle?: string } }) =>
            w.clientConfig?.caBundle,
        )
    ) {
      return false;
    }
  }
  return true;
}

export function sparkWebhookSpec(
  paths: PlatformPaths,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(
    layout,
    SPARK_WEBHOOK.identity.name,
  );
  const probe = `http://127.0.0.1:${ports.sparkWebhookProbe}`;
  return {
    name: 'spark-webhook',
    command: operatorBinary(paths, 'spark-operator'),
    args: [
      'webhook',
      'start',
      `--kubeconfig=${kubeconfig}`,
      `--webhook-port=${ports.sparkWebhook}`,
      `--webhook-cert-dir=${path.join(layout.stateDir, 'spark-webhook')}`,
      `--webhook-secret-namespace=${SPARK_OPERATOR_NAMESPACE}`,
      '--webhook-svc-name=spark-webhook',
      `--webhook-svc-namespace=${SPARK_OPERATOR_NAMESPACE}`,
      `--mutating-webhook-name=${SPARK_WEBHOOK_CONFIGURATIONS.mutating}`,
      `--validating-webhook-name=${SPARK_WEBHOOK_CONFIGURATIONS.validating}`,
      `--health-probe-bind-address=127.0.0.1:${ports.sparkWebhookProbe}`,
      '--metrics-bind-address=0',
      '--leader-election=false',
    ],
    inputFiles: [kubeconfig],
    ports: ['sparkWebhook', 'sparkWebhookProbe'],
    ready: () => httpOk(`${probe}/readyz`),
    readyTimeoutMs: 90_000,
    readyDescription: `${probe}/readyz`,
  };
}
