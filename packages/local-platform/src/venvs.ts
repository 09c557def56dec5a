import fs from 'node:fs';
import path from 'node:path';
import { runLogged } from './processes.ts';
import { formatDuration, type Reporter } from './progress.ts';

const READY_MARKER = '.ml-platform-ready';

/** A Python virtualenv of the platform, outside the repository, keyed by what it pins. */
export type VenvRecipe = {
  /** The folder's name under `<cache>/venvs`, e.g. `mlflow-3.17.2`. */
  name: string;
  /** What `pip install` gets, pinned. */
  packages: string[];
  /** Written to the venv once installed; another pin makes a new install. */
  pin: string;
  /** Python run in the new venv to prove the install works. */
  check: string;
  /** For messages, e.g. "mlflow venv". */
  component: string;
};

export function venvPath(cacheDir: string, name: string): string {
  return path.join(cacheDir, 'venvs', name);
}

export function venvPython(venv: string): string {
  return path.join(venv, 'bin', 'python');
}

function venvReady(venv: string, recipe: VenvRecipe): boolean {
  try {
    return (
      fs.readFileSync(path.join(venv, READY_MARKER), 'utf8').trim() ===
      recipe.pin
    );
  } catch {
    return false;
  }
}

/**
 * Creates the virtualenv when missing. One whose install never finished (no
 * marker, or another pin in it) is deleted and made again.
 */
export async function ensureVenv(
  cacheDir: string,
  recipe: VenvRecipe,
  logsDir: string,
  report: Reporter,
): Promise<string> {
  const venv = venvPath(cacheDir, recipe.name);
  if (venvReady(venv, recipe)) {
    return venv;
  }
  const started = Date.now();
  const logFile = path.join(logsDir, `${recipe.name.split('-')[0]}-venv.log`);
  const python = process.env.ML_PLATFORM_PYTHON || 'python3';
  report(
    recipe.component,
    `creating ${venv} with ${recipe.packages.join(
      ' ',
    )} (pip install takes minutes; log: ${logFile})`,
  );
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(venv), { recursive: true });
  const heartbeat = {
    heartbeatMs: 30_000,
    onHeartbeat: (ms: number) =>
      report(recipe.component, `still installing (${formatDuration(ms)})`),
  };
  await runLogged(python, ['-m', 'venv', venv], { logFile });
  await runLogged(
    venvPython(venv),
    ['-m', 'pip', 'install', '--upgrade', 'pip'],
    { logFile, ...heartbeat },
  );
  await runLogged(
    venvPython(venv),
    ['-m', 'pip', 'install', ...recipe.packages],
    { logFile, ...heartbeat },
  );
  await runLogged(venvPython(venv), ['-c', recipe.check], { logFile });
  fs.writeFileSync(path.join(venv, READY_MARKER), `${recipe.pin}\n`);
  report(recipe.component, `ready in ${formatDuration(Date.now() - started)}`);
  return venv;
}
