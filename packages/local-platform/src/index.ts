/**
 * The local ML platform (Kubernetes, MLflow, Prometheus on loopback) for
 * integration tests of any package of the repository, and its CLI's pure parts.
 *
 * ```ts
 * const platform = await ensureLocalPlatform(); // in beforeAll, with a long timeout
 * const kc = new KubeConfig();
 * kc.loadFromFile(platform.kubeconfigPath);
 * ```
 */
import { spawn } from 'node:child_process';
import { loadConfig, type PlatformConfig } from './config.ts';
import { mintIdentity, type KubernetesIdentity } from './identities.ts';
import {
  inspectPlatform,
  platformEnvironment,
  platformInfo,
  type LocalPlatform,
} from './status.ts';

export type { KubernetesIdentity } from './identities.ts';
export type { LocalPlatform } from './status.ts';
export type { PlatformPorts, PortSetting } from './ports.ts';
export type { DemoTeam } from './teams.ts';
export { PORT_SETTINGS, parsePorts } from './ports.ts';
export { renderKubeconfig, type KubeconfigOptions } from './kubeconfig.ts';
export { renderPrometheusConfig } from './prometheus.ts';
export {
  ADMIN_GROUP,
  DEMO_TEAMS,
  PROJECT_LABEL,
  TEAM_LABEL,
  renderTeamObjects,
} from './teams.ts';
export { MLFLOW_VERSION } from './mlflow.ts';
export { platformEnvironment, renderExports } from './status.ts';
export {
  closedPort,
  hangingServer,
  serveOnLoopback,
  type LoopbackServer,
} from './faultServers.ts';

type Env = Record<string, string | undefined>;

export type EnsureLocalPlatformOptions = {
  /** Seed the demo data (teams' namespaces, MLflow experiments and models). Default true. */
  seed?: boolean;
  /** Environment to read the settings (state dir, ports) from. Default `process.env`. */
  env?: Env;
  /** Receives the progress lines of `yarn platform up` when the platform has to be started. Default: stderr. */
  log?: (line: string) => void;
};

const inFlight = new Map<string, Promise<LocalPlatform>>();

async function readyPlatform(
  config: PlatformConfig,
  seed: boolean,
): Promise<LocalPlatform | undefined> {
  const state = await inspectPlatform(config);
  if (
    !state.allReady ||
    !state.record ||
    (seed && state.record.teams.length === 0)
  ) {
    return undefined;
  }
  return platformInfo(config);
}

function runCliUp(
  config: PlatformConfig,
  seed: boolean,
  env: Env,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      '--disable-warning=ExperimentalWarning',
      config.paths.cliPath,
      'up',
      ...(seed ? [] : ['--no-seed']),
    ];
    const child = spawn(process.execPath, args, {
      cwd: config.paths.repoRoot,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        log(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', code => {
      if (partial) {
        output.push(partial);
        log(partial);
      }
      if (code === 0) {
        resolve();
      } else {
        reject(
          new Error(
            `\`yarn platform up\` failed (exit code ${code}):\n${output
              .slice(-80)
              .join('\n')}`,
          ),
        );
      }
    });
  });
}

/**
 * Returns the connection details of the local platform, starting it first
 * when needed (through `yarn platform up`, which holds a cross-process lock,
 * so parallel jest workers start it once). Fast (well under a second) when it
 * already runs; minutes on a new machine (builds), so call it in `beforeAll`
 * with a long timeout.
 */
export function ensureLocalPlatform(
  options: EnsureLocalPlatformOptions = {},
): Promise<LocalPlatform> {
  const env = options.env ?? process.env;
  const seed = options.seed ?? true;
  const config = loadConfig(env);
  const key = `${config.layout.stateDir}\0${seed}`;
  let promise = inFlight.get(key);
  if (!promise) {
    promise = (async () => {
      const ready = await readyPlatform(config, seed);
      if (ready) {
        return ready;
      }
      const log =
        options.log ??
        ((line: string) => process.stderr.write(`[local-platform] ${line}\n`));
      await runCliUp(config, seed, env, log);
      const platform = platformInfo(config);
      if (!platform) {
        throw new Error(
          `\`yarn platform up\` succeeded but ${config.layout.platformFile} is missing`,
        );
      }
      return platform;
    })();
    inFlight.set(key, promise);
    // a failed attempt is not cached: the next call tries again
    promise.catch(() => inFlight.delete(key));
  }
  return promise;
}

/** The connection details if the platform is up and ready, else undefined. Never starts anything. */
export async function getLocalPlatform(
  env: Env = process.env,
): Promise<LocalPlatform | undefined> {
  return readyPlatform(loadConfig(env), false);
}

/**
 * Mints a client-certificate identity (CN=user, O=groups) signed by the
 * cluster CA and returns a kubeconfig for it. It has no permissions until
 * RBAC grants some (the demo team namespaces bind the group of the same name
 * to `edit`; the group `platform-admins` is cluster-admin).
 */
export async function mintKubernetesIdentity(
  user: string,
  groups: string[] = [],
  options: { env?: Env } = {},
): Promise<KubernetesIdentity> {
  await ensureLocalPlatform({ env: options.env, seed: false });
  return mintIdentity(loadConfig(options.env ?? process.env), user, groups);
}

/** The environment variables of `yarn platform env` for a running platform. */
export function localPlatformEnv(
  platform: LocalPlatform,
): Record<string, string> {
  return platformEnvironment(platform);
}
