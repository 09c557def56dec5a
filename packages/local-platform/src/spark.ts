import fs from 'node:fs';
import path from 'node:path';
import { httpOk, type ComponentSpec } from './components.ts';
import { controllerKubeconfigPath } from './controllerIdentity.ts';
import { operatorBinary } from './operators.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';
import type { Reporter } from './progress.ts';
import { ensureVenv, venvPath, type VenvRecipe } from './venvs.ts';
import { SPARK_OPERATOR } from './workloadControllers.ts';

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
