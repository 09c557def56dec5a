import fs from 'node:fs';
import type { Binaries } from './binaries.ts';
import { httpOk, type ComponentSpec } from './components.ts';
import { apiserverReady, kubeRequest, type KubeConnection } from './kubeapi.ts';
import { base64, renderKubeconfig } from './kubeconfig.ts';
import type { StateLayout } from './paths.ts';
import { readAdminToken, writeSecret } from './pki.ts';
import type { PlatformPorts } from './ports.ts';

export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';
export const SERVICE_ACCOUNT_ISSUER =
  'https://kubernetes.default.svc.cluster.local';

/**
 * The controllers the platform needs. Pods are bound by kube-scheduler and
 * run by kwok (scheduling.ts); these turn workloads into pods, keep the
 * nodes' health and the services' endpoints, as on a real cluster.
 */
export const CONTROLLERS = [
  'resourcequota-controller',
  'namespace-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'garbage-collector-controller',
  'root-ca-certificate-publisher-controller',
  // fills the aggregated admin/edit/view ClusterRoles that team RoleBindings refer to
  'clusterrole-aggregation-controller',
  // a Deployment beyond its namespace's quota gets a FailedCreate warning, as on a real cluster
  'deployment-controller',
  'replicaset-controller',
  // what the workload operators build on (notebooks: StatefulSets; Spark and Seldon: Services)
  'statefulset-controller',
  'job-controller',
  'cronjob-controller',
  'ttl-after-finished-controller',
  'endpoints-controller',
  'endpointslice-controller',
  'endpointslice-mirroring-controller',
  // nodes' readiness from kwok's Leases, and the not-ready taints and evictions
  'node-lifecycle-controller',
  'taint-eviction-controller',
  'pod-garbage-collector-controller',
  // volume claims bound for real (kwok/storage.yaml), and kept while in use
  'persistentvolume-binder-controller',
  'persistentvolume-protection-controller',
  'persistentvolumeclaim-protection-controller',
];

export function apiserverUrl(ports: PlatformPorts): string {
  return `https://127.0.0.1:${ports.apiserver}`;
}

export function adminConnection(
  layout: StateLayout,
  ports: PlatformPorts,
): KubeConnection {
  return {
    server: apiserverUrl(ports),
    caPem: fs.readFileSync(layout.caCert, 'utf8'),
    token: readAdminToken(layout),
  };
}

/** Writes the admin kubeconfig (token auth, CA data inline) used by the portal, the tests and the controllers. */
export function writeAdminKubeconfig(
  layout: StateLayout,
  ports: PlatformPorts,
): void {
  const yaml = renderKubeconfig({
    server: apiserverUrl(ports),
    caData: base64(fs.readFileSync(layout.caCert, 'utf8')),
    userName: 'admin',
    credentials: { token: readAdminToken(layout) },
  });
  const current = fs.existsSync(layout.kubeconfig)
    ? fs.readFileSync(layout.kubeconfig, 'utf8')
    : '';
  if (current !== yaml) {
    writeSecret(layout.kubeconfig, yaml);
  }
}

export function etcdSpec(
  bin: Binaries,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const client = `http://127.0.0.1:${ports.etcd}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  return {
    name: 'etcd',
    command: bin.etcd,
    args: [
      '--name=ml-platform',
      `--data-dir=${layout.etcdData}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=ml-platform=${peer}`,
      '--initial-cluster-state=new',
      '--initial-cluster-token=ml-platform-local',
      // the largest upstream CRD plus its managedFields is above etcd's 1.5 MiB default
      '--max-request-bytes=8388608',
      '--log-level=warn',
    ],
    ports: ['etcd', 'etcdPeer'],
    ready: async () => {
      try {
        const res = await fetch(`${client}/health`, {
          signal: AbortSignal.timeout(2000),
        });
        return res.ok && (await res.json()).health === 'true';
      } catch {
        return false;
      }
    },
    readyTimeoutMs: 60_000,
    readyDescription: `${client}/health`,
    url: client,
  };
}

export function apiserverSpec(
  bin: Binaries,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  return {
    name: 'kube-apiserver',
    command: bin.kubeApiserver,
    args: [
      `--etcd-servers=http://127.0.0.1:${ports.etcd}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${ports.apiserver}`,
      `--cert-dir=${layout.apiserverCertDir}`,
      `--tls-cert-file=${layout.apiserverCert}`,
      `--tls-private-key-file=${layout.apiserverKey}`,
      `--client-ca-file=${layout.caCert}`,
      `--token-auth-file=${layout.tokenAuthFile}`,
      '--authorization-mode=Node,RBAC',
      `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
      `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
      `--service-account-key-file=${layout.serviceAccountPub}`,
      `--service-account-signing-key-file=${layout.serviceAccountKey}`,
      // the default "lease" reconciler would publish 127.0.0.1 as the kubernetes Service endpoint, which is rejected
      '--endpoint-reconciler-type=none',
      '--profiling=false',
    ],
    inputFiles: [
      layout.caCert,
      layout.apiserverCert,
      layout.tokenAuthFile,
      layout.serviceAccountPub,
    ],
    ports: ['apiserver'],
    ready: () => apiserverReady(adminConnection(layout, ports)),
    readyTimeoutMs: 180_000,
    readyDescription: `${apiserverUrl(ports)}/readyz`,
    url: apiserverUrl(ports),
  };
}

export function controllerManagerSpec(
  bin: Binaries,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  return {
    name: 'kube-controller-manager',
    command: bin.kubeControllerManager,
    args: [
      `--kubeconfig=${layout.kubeconfig}`,
      `--controllers=${CONTROLLERS.join(',')}`,
      '--leader-elect=false',
      '--use-service-account-credentials=false',
      // health only, with the platform's certificate for 127.0.0.1
      '--bind-address=127.0.0.1',
      `--secure-port=${ports.controllerManager}`,
      `--tls-cert-file=${layout.apiserverCert}`,
      `--tls-private-key-file=${layout.apiserverKey}`,
      '--authentication-skip-lookup=true',
      '--resource-quota-sync-period=10s',
      // the in-tree provisioner of kwok/storage.yaml's class (directories under /tmp)
      '--enable-hostpath-provisioner=true',
      `--service-account-private-key-file=${layout.serviceAccountKey}`,
      `--root-ca-file=${layout.caCert}`,
    ],
    inputFiles: [layout.kubeconfig, layout.serviceAccountKey],
    ports: ['controllerManager'],
    // healthy, and the service-account controller has made default/default
    ready: async () => {
      try {
        const admin = adminConnection(layout, ports);
        const health = await kubeRequest(
          { ...admin, server: `https://127.0.0.1:${ports.controllerManager}` },
          'GET',
          '/healthz',
          { timeoutMs: 3000 },
        );
        if (health.status !== 200) {
          return false;
        }
        const res = await kubeRequest(
          admin,
          'GET',
          '/api/v1/namespaces/default/serviceaccounts/default',
          { timeoutMs: 3000 },
        );
        return res.status === 200;
      } catch {
        return false;
      }
    },
    readyTimeoutMs: 90_000,
    readyDescription: `https://127.0.0.1:${ports.controllerManager}/healthz and the service account default/default`,
  };
}

export function kubeStateMetricsSpec(
  bin: Binaries,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const url = `http://127.0.0.1:${ports.kubeStateMetrics}`;
  return {
    name: 'kube-state-metrics',
    command: bin.kubeStateMetrics,
    args: [
      `--kubeconfig=${layout.kubeconfig}`,
      '--host=127.0.0.1',
      `--port=${ports.kubeStateMetrics}`,
      '--telemetry-host=127.0.0.1',
      `--telemetry-port=${ports.kubeStateMetricsTelemetry}`,
      // export the team/project labels so quotas and pods can be grouped by team in PromQL
      '--metric-labels-allowlist=namespaces=[ml-platform.io/team,ml-platform.io/project],pods=[ml-platform.io/team,ml-platform.io/project]',
    ],
    inputFiles: [layout.kubeconfig],
    ports: ['kubeStateMetrics', 'kubeStateMetricsTelemetry'],
    ready: () => httpOk(`${url}/healthz`),
    readyTimeoutMs: 60_000,
    readyDescription: `${url}/healthz`,
    url: `${url}/metrics`,
  };
}
