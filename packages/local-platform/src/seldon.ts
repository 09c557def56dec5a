import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import YAML from 'yaml';
import type { Manifest } from './backendIdentity.ts';
import type { ComponentSpec } from './components.ts';
import { controllerKubeconfigPath } from './controllerIdentity.ts';
import { base64 } from './kubeconfig.ts';
import { operatorBinary, operatorSourceFile } from './operators.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import { issueCertificate, writeSecret } from './pki.ts';
import type { PlatformPorts } from './ports.ts';
import { SELDON_OPERATOR } from './workloadControllers.ts';

/** Where the operator runs, as its Helm chart installs it. */
export const SELDON_NAMESPACE = 'seldon-system';

const CHART = 'seldon-core/helm-charts/seldon-core-operator';
const WEBHOOK_PATH = '/validate-machinelearning-seldon-io-v1-seldondeployment';

type Values = Record<string, unknown>;

function chartValues(paths: PlatformPaths): Values {
  return YAML.parse(
    fs.readFileSync(
      operatorSourceFile(paths, 'seldon-operator', `${CHART}/values.yaml`),
      'utf8',
    ),
  );
}

function lookup(values: Values, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Values)[key] : undefined,
      values,
    );
}

/**
 * The operator's environment as the chart's Deployment sets it: every
 * `- name: X` / `value: '...'` of the template, each `{{ .Values.a.b }}`
 * read from the chart's values.yaml (pure). Entries taken from the pod
 * (valueFrom) are left out: the platform sets those itself.
 */
export function chartEnvironment(
  template: string,
  values: Values,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of template.matchAll(
    /- name: (\w+)\n\s+value: '([^'\n]*)'/g,
  )) {
    env[match[1]] = match[2].replace(
      /\{\{\s*\.Values\.([\w.]+)\s*\}\}/g,
      (_, dotted: string) => String(lookup(values, dotted) ?? ''),
    );
  }
  return env;
}

/** The chart's `seldon-config` ConfigMap, rendered from its values (pure). */
export function seldonConfigMap(values: Values): Manifest & {
  data: Record<string, string>;
} {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'seldon-config', namespace: SELDON_NAMESPACE },
    data: Object.fromEntries(
      [
        'credentials',
        'explainer',
        'predictor_servers',
        'storageInitializer',
      ].map(key => [key, JSON.stringify(values[key] ?? {})]),
    ),
  };
}

/** The chart's validating webhook, at the operator's loopback port, trusted through the platform CA (pure). */
export function seldonWebhook(caPem: string, port: number): Manifest {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: 'ml-platform-seldon-validating-webhook' },
    webhooks: [
      {
        name: 'v1.vseldondeployment.kb.io',
        admissionReviewVersions: ['v1', 'v1beta1'],
        clientConfig: {
          url: `https://127.0.0.1:${port}${WEBHOOK_PATH}`,
          caBundle: base64(caPem),
        },
        failurePolicy: 'Fail',
        sideEffects: 'None',
        objectSelector: {
          matchExpressions: [
            { key: 'seldon.io/controller-id', operator: 'DoesNotExist' },
          ],
        },
        rules: [
          {
            apiGroups: ['machinelearning.seldon.io'],
            apiVersions: ['v1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['seldondeployments'],
          },
        ],
      },
    ],
  } as Manifest;
}

/** The objects the operator needs before it starts: its namespace and the chart's configuration. */
export function seldonPrerequisites(paths: PlatformPaths): Manifest[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: SELDON_NAMESPACE },
    },
    seldonConfigMap(chartValues(paths)),
  ];
}

/** controller-runtime reads webhook certificates from `$TMPDIR/k8s-webhook-server/serving-certs`. */
function seldonTmpDir(layout: StateLayout): string {
  return path.join(layout.stateDir, 'seldon', 'tmp');
}

function servingCertDir(layout: StateLayout): string {
  return path.join(seldonTmpDir(layout), 'k8s-webhook-server', 'serving-certs');
}

/** A webhook serving certificate for 127.0.0.1 from the platform CA, made once. */
export async function ensureSeldonServingCert(
  layout: StateLayout,
): Promise<void> {
  const dir = servingCertDir(layout);
  const cert = path.join(dir, 'tls.crt');
  const key = path.join(dir, 'tls.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const issued = await issueCertificate(
    { certFile: layout.caCert, keyFile: layout.caKey },
    dir,
    '/CN=seldon-webhook-service',
    'server',
    ['IP:127.0.0.1', 'DNS:localhost'],
  );
  writeSecret(key, issued.keyPem);
  fs.writeFileSync(cert, issued.certPem);
}

/** Resolves true once a TLS handshake with 127.0.0.1:port verifies against `caPem`. */
function tlsHandshake(port: number, caPem: string): Promise<boolean> {
  return new Promise(resolve => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca: caPem });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('secureConnect', () => done(socket.authorized));
    socket.once('error', () => done(false));
  });
}

export function seldonOperatorSpec(
  paths: PlatformPaths,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(
    layout,
    SELDON_OPERATOR.identity.name,
  );
  const deployment = operatorSourceFile(
    paths,
    'seldon-operator',
    `${CHART}/templates/deployment_seldon-controller-manager.yaml`,
  );
  const env = fs.existsSync(deployment)
    ? chartEnvironment(fs.readFileSync(deployment, 'utf8'), chartValues(paths))
    : {};
  const metrics = `http://127.0.0.1:${ports.seldonMetrics}/metrics`;
  return {
    name: 'seldon-operator',
    command: operatorBinary(paths, 'seldon-operator'),
    args: [
      `--kubeconfig=${kubeconfig}`,
      `--metrics-addr=127.0.0.1:${ports.seldonMetrics}`,
      `--webhook-port=${ports.seldonWebhook}`,
      `--operator-namespace=${SELDON_NAMESPACE}`,
    ],
    env: {
      ...env,
      POD_NAMESPACE: SELDON_NAMESPACE,
      TMPDIR: seldonTmpDir(layout),
    },
    inputFiles: [kubeconfig, path.join(servingCertDir(layout), 'tls.crt')],
    ports: ['seldonMetrics', 'seldonWebhook'],
    ready: async () => {
      try {
        const res = await fetch(metrics, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (!res.ok) {
          return false;
        }
        // the webhook serves TLS with a certificate of the platform's CA
        return await tlsHandshake(
          ports.seldonWebhook,
          fs.readFileSync(layout.caCert, 'utf8'),
        );
      } catch {
        return false;
      }
    },
    readyTimeoutMs: 90_000,
    readyDescription: `${metrics} and its webhook on :${ports.seldonWebhook}`,
    url: metrics,
  };
}
