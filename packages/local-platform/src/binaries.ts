import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformPaths } from './paths.ts';
import { runLogged } from './processes.ts';
import { formatDuration, type Reporter } from './progress.ts';

/** How one Go wrapper module in `platform/go/<module>` is built. */
export type GoBuildRecipe = {
  module: string;
  /** The main packages (go.mod `tool` directives) and the binary name of each. */
  outputs: { pkg: string; binary: string }[];
  /** `-X` flags from the pinned versions, so `--version` tells the truth. */
  ldflagsX: (goMod: string) => string[];
};

/** The version a go.mod pins for a module path (from its require block). */
export function goModVersion(goMod: string, modulePath: string): string {
  const escaped = modulePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(
    `^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`,
    'm',
  ).exec(goMod);
  if (!match) {
    throw new Error(`go.mod does not require ${modulePath}`);
  }
  return match[1];
}

export const GO_RECIPES: readonly GoBuildRecipe[] = [
  {
    module: 'etcd',
    outputs: [{ pkg: 'go.etcd.io/etcd/server/v3', binary: 'etcd' }],
    ldflagsX: () => [],
  },
  {
    module: 'kubernetes',
    outputs: [
      { pkg: 'k8s.io/kubernetes/cmd/kube-apiserver', binary: 'kube-apiserver' },
      {
        pkg: 'k8s.io/kubernetes/cmd/kube-controller-manager',
        binary: 'kube-controller-manager',
      },
      { pkg: 'k8s.io/kubernetes/cmd/kube-scheduler', binary: 'kube-scheduler' },
      // for scripts and benchmarks (`kubectl apply --server-side`), not run by the platform
      { pkg: 'k8s.io/kubernetes/cmd/kubectl', binary: 'kubectl' },
    ],
    ldflagsX: goMod => {
      const version = goModVersion(goMod, 'k8s.io/kubernetes');
      const [major, minor] = version.replace(/^v/, '').split('.');
      // both, as upstream's hack/lib/version.sh: component-base's is what
      // `--version` and `kubectl version` print, client-go's the User-Agent
      return [
        'k8s.io/component-base/version',
        'k8s.io/client-go/pkg/version',
      ].flatMap(pkg => [
        `${pkg}.gitVersion=${version}`,
        `${pkg}.gitMajor=${major}`,
        `${pkg}.gitMinor=${minor}`,
      ]);
    },
  },
  {
    module: 'kube-state-metrics',
    outputs: [
      { pkg: 'k8s.io/kube-state-metrics/v2', binary: 'kube-state-metrics' },
    ],
    ldflagsX: goMod => [
      `github.com/prometheus/common/version.Version=${goModVersion(
        goMod,
        'k8s.io/kube-state-metrics/v2',
      )}`,
    ],
  },
  {
    module: 'kwok',
    outputs: [{ pkg: 'sigs.k8s.io/kwok/cmd/kwok', binary: 'kwok' }],
    // its version is a constant of the module: nothing to stamp
    ldflagsX: () => [],
  },
];

export type Binaries = {
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kubeStateMetrics: string;
  kwok: string;
  /** Built with the Kubernetes servers (same version); not run by the platform. */
  kubectl: string;
};

export type ModuleBuild = {
  recipe: GoBuildRecipe;
  moduleDir: string;
  binDir: string;
  ldflags: string;
};

/**
 * The cache folder of a module's binaries: `<cache>/bin/<module>-<hash>` where
 * the hash covers go.mod, go.sum and the build recipe, so a changed pin builds
 * into a new folder and an unchanged one is never rebuilt.
 */
export function moduleBuild(
  paths: PlatformPaths,
  recipe: GoBuildRecipe,
): ModuleBuild {
  const moduleDir = path.join(paths.goModulesDir, recipe.module);
  const goModFile = path.join(moduleDir, 'go.mod');
  if (!fs.existsSync(goModFile)) {
    throw new Error(`Missing Go wrapper module ${goModFile}`);
  }
  const goMod = fs.readFileSync(goModFile, 'utf8');
  const goSumFile = path.join(moduleDir, 'go.sum');
  const goSum = fs.existsSync(goSumFile)
    ? fs.readFileSync(goSumFile, 'utf8')
    : '';
  const ldflags = [
    '-s',
    '-w',
    ...recipe.ldflagsX(goMod).flatMap(x => ['-X', x]),
  ].join(' ');
  const hash = crypto
    .createHash('sha256')
    .update(goMod)
    .update('\0')
    .update(goSum)
    .update('\0')
    .update(
      JSON.stringify([recipe.outputs, ldflags, 'CGO_ENABLED=0', '-trimpath']),
    )
    .digest('hex')
    .slice(0, 12);
  return {
    recipe,
    moduleDir,
    binDir: path.join(paths.cacheDir, 'bin', `${recipe.module}-${hash}`),
    ldflags,
  };
}

export function builtAlready(build: ModuleBuild): boolean {
  return build.recipe.outputs.every(o =>
    fs.existsSync(path.join(build.binDir, o.binary)),
  );
}

function binaryPath(
  paths: PlatformPaths,
  module: string,
  binary: string,
): string {
  const recipe = GO_RECIPES.find(r => r.module === module)!;
  return path.join(moduleBuild(paths, recipe).binDir, binary);
}

/** The cached binary paths (they may not exist yet). */
export function binaryPaths(paths: PlatformPaths): Binaries {
  return {
    etcd: binaryPath(paths, 'etcd', 'etcd'),
    kubeApiserver: binaryPath(paths, 'kubernetes', 'kube-apiserver'),
    kubeControllerManager: binaryPath(
      paths,
      'kubernetes',
      'kube-controller-manager',
    ),
    kubeScheduler: binaryPath(paths, 'kubernetes', 'kube-scheduler'),
    kubeStateMetrics: binaryPath(
      paths,
      'kube-state-metrics',
      'kube-state-metrics',
    ),
    kwok: binaryPath(paths, 'kwok', 'kwok'),
    kubectl: binaryPath(paths, 'kubernetes', 'kubectl'),
  };
}

export async function buildModule(
  build: ModuleBuild,
  logsDir: string,
  report: Reporter,
): Promise<void> {
  const { recipe } = build;
  const started = Date.now();
  const logFile = path.join(logsDir, `build-${recipe.module}.log`);
  const tmpDir = `${build.binDir}.tmp-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const single = recipe.outputs.length === 1;
  const args = [
    'build',
    '-trimpath',
    '-ldflags',
    build.ldflags,
    '-o',
    single ? path.join(tmpDir, recipe.outputs[0].binary) : `${tmpDir}/`,
    ...recipe.outputs.map(o => o.pkg),
  ];
  report(
    `build ${recipe.module}`,
    `building ${recipe.outputs
      .map(o => o.binary)
      .join(', ')} with go (takes minutes the first time; log: ${logFile})`,
  );
  try {
    await runLogged(process.env.ML_PLATFORM_GO || 'go', args, {
      cwd: build.moduleDir,
      env: { CGO_ENABLED: '0' },
      logFile,
      heartbeatMs: 30_000,
      onHeartbeat: ms =>
        report(
          `build ${recipe.module}`,
          `still building (${formatDuration(ms)})`,
        ),
    });
    for (const o of recipe.outputs) {
      if (!fs.existsSync(path.join(tmpDir, o.binary))) {
        throw new Error(`go build did not produce ${o.binary} in ${tmpDir}`);
      }
    }
    fs.rmSync(build.binDir, { recursive: true, force: true });
    fs.renameSync(tmpDir, build.binDir);
  } catch (err) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw err;
  }
  report(
    `build ${recipe.module}`,
    `built in ${formatDuration(Date.now() - started)} -> ${build.binDir}`,
  );
}

/** Builds every missing binary (one module after the other: each build uses all cores). */
export async function ensureBinaries(
  paths: PlatformPaths,
  logsDir: string,
  report: Reporter,
): Promise<Binaries> {
  for (const recipe of GO_RECIPES) {
    const build = moduleBuild(paths, recipe);
    if (builtAlready(build)) {
      continue;
    }
    await buildModule(build, logsDir, report);
  }
  return binaryPaths(paths);
}

/**
 * Points `<linkDir>/<name of target>` at a cached binary (atomically, so a
 * running script never sees it missing) and returns the link: a path that
 * stays the same when a changed pin builds into a new cache folder.
 */
export function linkBinary(linkDir: string, target: string): string {
  fs.mkdirSync(linkDir, { recursive: true });
  const link = path.join(linkDir, path.basename(target));
  let current: string | undefined;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== target) {
    const tmp = `${link}.tmp-${process.pid}`;
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(target, tmp);
    fs.renameSync(tmp, link);
  }
  return link;
}

export function missingBinaries(paths: PlatformPaths): string[] {
  return GO_RECIPES.filter(r => !builtAlready(moduleBuild(paths, r))).map(
    r => r.module,
  );
}
