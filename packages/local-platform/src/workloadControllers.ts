import fs from 'node:fs';
import YAML from 'yaml';
import { httpOk, type ComponentSpec } from './components.ts';
import {
  boundClusterRole,
  controllerKubeconfigPath,
  type ControllerIdentity,
} from './controllerIdentity.ts';
import {
  operatorBinary,
  operatorSourceFile,
  type OperatorName,
} from './operators.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';

/**
 * The upstream controllers that turn the suite's custom resources into
 * pods, each run as a process of its own with its own identity, bound to
 * the ClusterRole of its archive's RBAC manifests (never as admin).
 */
export type WorkloadController = {
  name: string;
  /** The operator build it runs. */
  binary: OperatorName;
  identity: ControllerIdentity;
  /** The upstream ClusterRoles' and Roles' manifests, relative to the unpacked archive. */
  roleFiles: string[];
};

export const NOTEBOOK_CONTROLLER: WorkloadController = {
  name: 'notebook-controller',
  binary: 'notebook-controller',
  identity: {
    name: 'notebook-controller',
    user: 'ml-platform:notebook-controller',
  },
  roleFiles: [
    'kubeflow-notebooks/components/notebook-controller/config/rbac/role.yaml',
  ],
};

export const SPARK_OPERATOR: WorkloadController = {
  name: 'spark-operator',
  binary: 'spark-operator',
  identity: { name: 'spark-operator', user: 'ml-platform:spark-operator' },
  roleFiles: ['spark-operator/config/rbac/role.yaml'],
};

/** The Spark operator's admission webhook: the same binary, its own process and identity. */
export const SPARK_WEBHOOK: WorkloadController = {
  name: 'spark-webhook',
  binary: 'spark-operator',
  identity: {
    name: 'spark-webhook',
    user: 'ml-platform:spark-webhook',
    namespace: 'spark-operator',
  },
  roleFiles: [
    'spark-operator/config/webhook/clusterrole.yaml',
    // its certificate Secret, in its own namespace
    'spark-operator/config/webhook/role.yaml',
  ],
};

export const SELDON_OPERATOR: WorkloadController = {
  name: 'seldon-operator',
  binary: 'seldon-operator',
  identity: { name: 'seldon-operator', user: 'ml-platform:seldon-operator' },
  roleFiles: [
    'seldon-core/operator/config/rbac/role.yaml',
    // reads seldon-config and the model storage secrets
    'seldon-core/operator/config/rbac/role_sas.yaml',
  ],
};

export const WORKLOAD_CONTROLLERS: readonly WorkloadController[] = [
  NOTEBOOK_CONTROLLER,
  SPARK_OPERATOR,
  SPARK_WEBHOOK,
  SELDON_OPERATOR,
];

/** The RBAC `up` applies for a controller: its upstream ClusterRoles, bound to its user. */
export function controllerRbac(
  paths: PlatformPaths,
  controller: WorkloadController,
) {
  return controller.roleFiles.flatMap(relative => {
    const file = operatorSourceFile(paths, controller.binary, relative);
    const role = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS())
      .find(doc => doc?.kind === 'ClusterRole' || doc?.kind === 'Role');
    if (!role) {
      throw new Error(`${file} has no ClusterRole or Role`);
    }
    return boundClusterRole(role, controller.identity);
  });
}

/** Culling of idle notebooks, in minutes: the controller counts in whole minutes. */
export function notebookCulling(env: Record<string, string | undefined>): {
  idleMinutes: number;
  checkMinutes: number;
} {
  const minutes = (variable: string, fallback: number) => {
    const raw = env[variable];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `${variable}="${raw}" must be a whole number of minutes, 1 or more`,
      );
    }
    return value;
  };
  return {
    idleMinutes: minutes('ML_PLATFORM_NOTEBOOK_CULL_IDLE_MINUTES', 1440),
    checkMinutes: minutes('ML_PLATFORM_NOTEBOOK_CULL_CHECK_MINUTES', 1),
  };
}

export function notebookControllerSpec(
  paths: PlatformPaths,
  layout: StateLayout,
  ports: PlatformPorts,
  env: Record<string, string | undefined> = process.env,
): ComponentSpec {
  const kubeconfig = controllerKubeconfigPath(
    layout,
    NOTEBOOK_CONTROLLER.identity.name,
  );
  const culling = notebookCulling(env);
  const probe = `http://127.0.0.1:${ports.notebookProbe}`;
  return {
    name: 'notebook-controller',
    command: operatorBinary(paths, 'notebook-controller'),
    args: [
      `-kubeconfig=${kubeconfig}`,
      `-metrics-addr=127.0.0.1:${ports.notebookMetrics}`,
      `-probe-addr=127.0.0.1:${ports.notebookProbe}`,
    ],
    env: {
      // no Istio here: a Service per notebook, no VirtualService
      USE_ISTIO: 'false',
      ENABLE_CULLING: 'true',
      CULL_IDLE_TIME: String(culling.idleMinutes),
      IDLENESS_CHECK_PERIOD: String(culling.checkMinutes),
    },
    inputFiles: [kubeconfig],
    ports: ['notebookMetrics', 'notebookProbe'],
    ready: () => httpOk(`${probe}/readyz`),
    readyTimeoutMs: 60_000,
    readyDescription: `${probe}/readyz`,
    url: `http://127.0.0.1:${ports.notebookMetrics}/metrics`,
  };
}
