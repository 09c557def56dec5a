import path from 'node:path';
import { httpOk, type ComponentSpec } from './components.ts';
import type { PlatformPaths, StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';
import type { Reporter } from './progress.ts';
import { ensureVenv, venvPath, type VenvRecipe } from './venvs.ts';

export { venvPython } from './venvs.ts';

/** The pinned MLflow release (3.18.0 cannot be installed from this PyPI mirror: mlflow-skinny 3.18 is missing). */
export const MLFLOW_VERSION = '3.17.2';

export function mlflowVersion(): string {
  return process.env.ML_PLATFORM_MLFLOW_VERSION || MLFLOW_VERSION;
}

function mlflowVenvRecipe(version = mlflowVersion()): VenvRecipe {
  return {
    name: `mlflow-${version}`,
    packages: [`mlflow==${version}`],
    pin: version,
    // scikit-learn comes with mlflow; fail here rather than in the seed if that ever changes
    check:
      'import mlflow, sklearn, pandas; print(mlflow.__version__, sklearn.__version__)',
    component: 'mlflow venv',
  };
}

/** The virtualenv folder, keyed by the pinned version so a new pin gets a fresh venv. */
export function venvDir(
  paths: PlatformPaths,
  version = mlflowVersion(),
): string {
  return venvPath(paths.cacheDir, mlflowVenvRecipe(version).name);
}

/** Creates the MLflow virtualenv outside the repository when missing. */
export function ensureMlflowVenv(
  paths: PlatformPaths,
  logsDir: string,
  report: Reporter,
): Promise<string> {
  return ensureVenv(paths.cacheDir, mlflowVenvRecipe(), logsDir, report);
}

export function mlflowUrl(ports: PlatformPorts): string {
  return `http://127.0.0.1:${ports.mlflow}`;
}

/** Environment for every MLflow process: no telemetry calls to the internet from a machine without internet. */
export const MLFLOW_ENV = {
  MLFLOW_DISABLE_TELEMETRY: 'true',
  DO_NOT_TRACK: 'true',
  PYTHONUNBUFFERED: '1',
};

/**
 * Lets the local MLflow deliver model registry webhooks to the portal on
 * loopback (the catalog's MLflow module, `/api/events/http/mlflow.model-registry`).
 * For this loopback-only local platform, never for a shared server: by default
 * MLflow accepts only https webhook URLs that resolve to public IPs (its SSRF
 * protection), which refuses `http://127.0.0.1:7007/...`.
 */
export const MLFLOW_LOCAL_WEBHOOK_ENV = {
  MLFLOW_WEBHOOK_ALLOWED_SCHEMES: 'http,https',
  MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS: 'true',
  // MLflow encrypts a webhook's signing secret in its database with this
  // Fernet key; without one it makes a new random key per server process, and
  // after a restart it can no longer read the webhooks it stored (delivery to
  // every webhook then fails). A fixed key that protects nothing but the
  // local platform's test secrets: base64url of "local-platform-webhooks-key-0001".
  MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY:
    'bG9jYWwtcGxhdGZvcm0td2ViaG9va3Mta2V5LTAwMDE=',
  // MLflow caches the list of webhooks per event for 60 s by default, so a
  // webhook made by a test would get no deliveries for up to a minute.
  MLFLOW_WEBHOOK_CACHE_TTL: '1',
};

export function mlflowSpec(
  venv: string,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const url = mlflowUrl(ports);
  return {
    name: 'mlflow',
    command: path.join(venv, 'bin', 'mlflow'),
    args: [
      'server',
      `--backend-store-uri=sqlite:///${layout.mlflowDb}`,
      `--artifacts-destination=${layout.mlflowArtifacts}`,
      '--serve-artifacts',
      '--host=127.0.0.1',
      `--port=${ports.mlflow}`,
      '--workers=1',
    ],
    env: {
      ...MLFLOW_ENV,
      // the job runner (GenAI evaluation jobs) would add eight Python processes, 2.5 GB: not needed for tracking and the registry
      MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
      ...MLFLOW_LOCAL_WEBHOOK_ENV,
    },
    cwd: layout.mlflowDir,
    ports: ['mlflow'],
    ready: () => httpOk(`${url}/health`),
    // the first start migrates a new SQLite database
    readyTimeoutMs: 180_000,
    readyDescription: `${url}/health`,
    url,
  };
}
