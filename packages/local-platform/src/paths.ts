import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the local platform reads its inputs and keeps its state. */
export type PlatformPaths = {
  /** The monorepo root (holds `packages/local-platform`). */
  repoRoot: string;
  /** Git-ignored runtime state: data, logs, pid files, certificates, tokens. */
  stateDir: string;
  /** Built binaries and virtualenvs, shared by every checkout of the user. */
  cacheDir: string;
  /** Upstream CustomResourceDefinitions to install. */
  crdsDir: string;
  /** The pinned source archives of the upstream workload controllers. */
  operatorsDir: string;
  /** The Go wrapper modules (`platform/go/<module>`). */
  goModulesDir: string;
  /** Python seed code run in the MLflow virtualenv. */
  seedDir: string;
  /** The CLI entry point, spawned by the test helper. */
  cliPath: string;
};

/** Files and folders inside the state dir. Pure: derives everything from `stateDir`. */
export function stateLayout(stateDir: string) {
  const pki = path.join(stateDir, 'pki');
  return {
    stateDir,
    lockFile: path.join(stateDir, 'lock'),
    platformFile: path.join(stateDir, 'platform.json'),
    markersDir: path.join(stateDir, 'markers'),
    /** Stable links to the cached binaries meant for scripts and shells (kubectl). */
    binDir: path.join(stateDir, 'bin'),
    logsDir: path.join(stateDir, 'logs'),
    pidsDir: path.join(stateDir, 'pids'),
    pki,
    caCert: path.join(pki, 'ca.crt'),
    caKey: path.join(pki, 'ca.key'),
    apiserverCert: path.join(pki, 'apiserver.crt'),
    apiserverKey: path.join(pki, 'apiserver.key'),
    serviceAccountKey: path.join(pki, 'service-account.key'),
    serviceAccountPub: path.join(pki, 'service-account.pub'),
    adminToken: path.join(pki, 'admin.token'),
    /** Token of the portal backend's ServiceAccount (platform/rbac/ml-platform-backend.yaml). */
    backendToken: path.join(pki, 'ml-platform-backend.token'),
    tokenAuthFile: path.join(pki, 'token-auth.csv'),
    kubeconfig: path.join(stateDir, 'kubeconfig'),
    identitiesDir: path.join(stateDir, 'identities'),
    etcdData: path.join(stateDir, 'etcd'),
    apiserverCertDir: path.join(stateDir, 'kube-apiserver'),
    mlflowDir: path.join(stateDir, 'mlflow'),
    mlflowDb: path.join(stateDir, 'mlflow', 'mlflow.db'),
    mlflowArtifacts: path.join(stateDir, 'mlflow', 'artifacts'),
    prometheusDir: path.join(stateDir, 'prometheus'),
    prometheusConfig: path.join(stateDir, 'prometheus', 'prometheus.yml'),
    prometheusData: path.join(stateDir, 'prometheus', 'data'),
  };
}

export type StateLayout = ReturnType<typeof stateLayout>;

function isRepoRoot(dir: string): boolean {
  const pkg = path.join(dir, 'package.json');
  if (!fs.existsSync(path.join(dir, 'packages', 'local-platform'))) {
    return false;
  }
  try {
    return Boolean(JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces);
  } catch {
    return false;
  }
}

/**
 * Finds the monorepo root by walking up from `start`. Works the same from the
 * CLI (run at the root by yarn) and from jest (run in a package folder).
 */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (isRepoRoot(dir)) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find the monorepo root (a folder with packages/local-platform and a workspaces package.json) above ${start}; set ML_PLATFORM_REPO_ROOT`,
      );
    }
    dir = parent;
  }
}

type Env = Record<string, string | undefined>;

/** Resolves the paths from the environment. Pure apart from the repo root lookup. */
export function resolvePaths(
  env: Env = process.env,
  cwd: string = process.cwd(),
): PlatformPaths {
  const repoRoot = env.ML_PLATFORM_REPO_ROOT
    ? path.resolve(env.ML_PLATFORM_REPO_ROOT)
    : findRepoRoot(cwd);
  const home = env.HOME || os.homedir();
  const cacheBase = env.XDG_CACHE_HOME || path.join(home, '.cache');
  return {
    repoRoot,
    stateDir: path.resolve(
      repoRoot,
      env.ML_PLATFORM_STATE_DIR || '.local-platform',
    ),
    cacheDir: path.resolve(
      env.ML_PLATFORM_CACHE_DIR || path.join(cacheBase, 'ml-platform'),
    ),
    crdsDir: path.resolve(
      repoRoot,
      env.ML_PLATFORM_CRDS_DIR || path.join('..', 'shared', 'crds'),
    ),
    operatorsDir: path.resolve(
      repoRoot,
      env.ML_PLATFORM_OPERATORS_DIR || path.join('..', 'shared', 'operators'),
    ),
    goModulesDir: path.join(repoRoot, 'platform', 'go'),
    seedDir: path.join(repoRoot, 'platform', 'seed'),
    cliPath: path.join(repoRoot, 'packages', 'local-platform', 'src', 'cli.ts'),
  };
}
