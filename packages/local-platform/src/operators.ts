import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildModule,
  builtAlready,
  type GoBuildRecipe,
  type ModuleBuild,
} from './binaries.ts';
import type { PlatformPaths } from './paths.ts';
import { runLogged } from './processes.ts';
import type { Reporter } from './progress.ts';

/**
 * An upstream controller built from a pinned source archive of
 * `ML_PLATFORM_OPERATORS_DIR` (`../shared/operators`): those sources are
 * not on the Go module proxy, their dependencies are.
 */
export type OperatorRecipe = {
  name: 'notebook-controller' | 'spark-operator' | 'seldon-operator';
  archive: string;
  /** The Go module inside the archive (its go.mod's folder). */
  moduleDir: string;
  /** The main package, relative to moduleDir. */
  pkg: string;
  binary: string;
};

export const OPERATOR_RECIPES: readonly OperatorRecipe[] = [
  {
    name: 'notebook-controller',
    archive: 'kubeflow-notebook-controller-177b0986.tar.gz',
    moduleDir: 'kubeflow-notebooks/components/notebook-controller',
    pkg: '.',
    binary: 'notebook-controller',
  },
  {
    name: 'spark-operator',
    archive: 'kubeflow-spark-operator-v2.5.2.tar.gz',
    moduleDir: 'spark-operator',
    pkg: './cmd/operator',
    binary: 'spark-operator',
  },
  {
    name: 'seldon-operator',
    archive: 'seldon-core-operator-v1.17.1.tar.gz',
    moduleDir: 'seldon-core/operator',
    pkg: '.',
    binary: 'seldon-manager',
  },
];

export type OperatorName = OperatorRecipe['name'];

function recipeOf(name: OperatorName): OperatorRecipe {
  return OPERATOR_RECIPES.find(r => r.name === name)!;
}

/** Where an operator's source unpacks and its binary is cached, by the archive's hash. */
export function operatorBuild(
  paths: PlatformPaths,
  recipe: OperatorRecipe,
): ModuleBuild & { archiveFile: string; sourceDir: string } {
  const archiveFile = path.join(paths.operatorsDir, recipe.archive);
  // `status` and `down` work without the archives; `up` says it misses one
  const hash = crypto
    .createHash('sha256')
    .update(
      fs.existsSync(archiveFile) ? fs.readFileSync(archiveFile) : 'missing',
    )
    .update('\0')
    .update(JSON.stringify([recipe, 'CGO_ENABLED=0', '-trimpath', '-s -w']))
    .digest('hex')
    .slice(0, 12);
  const sourceDir = path.join(paths.cacheDir, 'src', `${recipe.name}-${hash}`);
  const goRecipe: GoBuildRecipe = {
    module: recipe.name,
    outputs: [{ pkg: recipe.pkg, binary: recipe.binary }],
    ldflagsX: () => [],
  };
  return {
    recipe: goRecipe,
    moduleDir: path.join(sourceDir, recipe.moduleDir),
    binDir: path.join(paths.cacheDir, 'bin', `${recipe.name}-${hash}`),
    ldflags: '-s -w',
    archiveFile,
    sourceDir,
  };
}

/** The cached binary of an operator (it may not exist yet). */
export function operatorBinary(
  paths: PlatformPaths,
  name: OperatorName,
): string {
  const recipe = recipeOf(name);
  return path.join(operatorBuild(paths, recipe).binDir, recipe.binary);
}

/** A file of an operator's unpacked source, e.g. its RBAC manifests. */
export function operatorSourceFile(
  paths: PlatformPaths,
  name: OperatorName,
  relative: string,
): string {
  return path.join(operatorBuild(paths, recipeOf(name)).sourceDir, relative);
}

async function unpack(
  build: ReturnType<typeof operatorBuild>,
  logsDir: string,
): Promise<void> {
  if (fs.existsSync(path.join(build.moduleDir, 'go.mod'))) {
    return;
  }
  const tmp = `${build.sourceDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  await runLogged('tar', ['xzf', build.archiveFile, '-C', tmp], {
    logFile: path.join(logsDir, `unpack-${build.recipe.module}.log`),
  });
  fs.rmSync(build.sourceDir, { recursive: true, force: true });
  fs.renameSync(tmp, build.sourceDir);
}

/** Unpacks and builds every operator whose binary is not cached (one after the other: each build uses all cores). */
export async function ensureOperators(
  paths: PlatformPaths,
  logsDir: string,
  report: Reporter,
): Promise<Record<OperatorName, string>> {
  for (const recipe of OPERATOR_RECIPES) {
    const build = operatorBuild(paths, recipe);
    if (!fs.existsSync(build.archiveFile)) {
      throw new Error(
        `Missing the source archive of ${recipe.name}: ${build.archiveFile} (set ML_PLATFORM_OPERATORS_DIR to the folder of the pinned upstream archives)`,
      );
    }
    await unpack(build, logsDir);
    if (!builtAlready(build)) {
      await buildModule(build, logsDir, report);
    }
  }
  return Object.fromEntries(
    OPERATOR_RECIPES.map(r => [r.name, operatorBinary(paths, r.name)]),
  ) as Record<OperatorName, string>;
}
