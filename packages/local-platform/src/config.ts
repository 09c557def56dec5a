import {
  resolvePaths,
  stateLayout,
  type PlatformPaths,
  type StateLayout,
} from './paths.ts';
import { parsePorts, type PlatformPorts } from './ports.ts';

/** Everything a command needs to know, resolved once from the environment. */
export type PlatformConfig = {
  paths: PlatformPaths;
  layout: StateLayout;
  ports: PlatformPorts;
};

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): PlatformConfig {
  const paths = resolvePaths(env, cwd);
  return { paths, layout: stateLayout(paths.stateDir), ports: parsePorts(env) };
}
