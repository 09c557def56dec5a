import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  binaryPaths,
  goModVersion,
  GO_RECIPES,
  linkBinary,
  moduleBuild,
} from './binaries.ts';
import { resolvePaths, stateLayout } from './paths.ts';
import {
  platformEnvironment,
  renderExports,
  type LocalPlatform,
} from './status.ts';
import { DEMO_TEAMS, renderTeamObjects, TEAM_LABEL } from './teams.ts';

describe('resolvePaths', () => {
  const repoRoot = path.resolve(__dirname, '../../..');

  it('finds the repository root from a package folder and defaults the rest from it', () => {
    const paths = resolvePaths({ HOME: '/home/dev' }, __dirname);
    expect(paths.repoRoot).toBe(repoRoot);
    expect(paths.stateDir).toBe(path.join(repoRoot, '.local-platform'));
    expect(paths.crdsDir).toBe(path.resolve(repoRoot, '../shared/crds'));
    expect(paths.cacheDir).toBe('/home/dev/.cache/ml-platform');
    expect(paths.goModulesDir).toBe(path.join(repoRoot, 'platform/go'));
  });

  it('takes overrides from the environment', () => {
    const paths = resolvePaths(
      {
        ML_PLATFORM_STATE_DIR: 'tmp/state',
        ML_PLATFORM_CRDS_DIR: '/crds',
        ML_PLATFORM_CACHE_DIR: '/cache',
      },
      __dirname,
    );
    expect(paths.stateDir).toBe(path.join(repoRoot, 'tmp/state'));
    expect(paths.crdsDir).toBe('/crds');
    expect(paths.cacheDir).toBe('/cache');
    expect(stateLayout(paths.stateDir).kubeconfig).toBe(
      path.join(repoRoot, 'tmp/state/kubeconfig'),
    );
  });
});

describe('Go builds', () => {
  it('reads pinned versions from go.mod', () => {
    const goMod =
      'module x\n\nrequire (\n\tk8s.io/kubernetes v1.34.4 // indirect\n\tgo.etcd.io/etcd/server/v3 v3.6.8\n)\n';
    expect(goModVersion(goMod, 'k8s.io/kubernetes')).toBe('v1.34.4');
    expect(goModVersion(goMod, 'go.etcd.io/etcd/server/v3')).toBe('v3.6.8');
    expect(() => goModVersion(goMod, 'k8s.io/other')).toThrow(
      'go.mod does not require k8s.io/other',
    );
  });

  it('keys the binary cache folder by module and a hash of go.mod, go.sum and the recipe', () => {
    const paths = resolvePaths({ ML_PLATFORM_CACHE_DIR: '/cache' }, __dirname);
    const kubernetes = moduleBuild(
      paths,
      GO_RECIPES.find(r => r.module === 'kubernetes')!,
    );
    expect(kubernetes.binDir).toMatch(
      /^\/cache\/bin\/kubernetes-[0-9a-f]{12}$/,
    );
    expect(kubernetes.ldflags).toContain(
      '-X k8s.io/component-base/version.gitVersion=v1.34.4',
    );
    expect(kubernetes.ldflags).toContain(
      '-X k8s.io/component-base/version.gitMinor=34',
    );
    expect(kubernetes.ldflags).toContain(
      '-X k8s.io/client-go/pkg/version.gitVersion=v1.34.4',
    );
  });

  it('builds kubectl with the Kubernetes servers, into the same cache folder', () => {
    const paths = resolvePaths({ ML_PLATFORM_CACHE_DIR: '/cache' }, __dirname);
    const recipe = GO_RECIPES.find(r => r.module === 'kubernetes')!;
    expect(recipe.outputs.map(o => o.binary)).toEqual([
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'kubectl',
    ]);
    const bin = binaryPaths(paths);
    expect(bin.kubectl).toBe(
      path.join(moduleBuild(paths, recipe).binDir, 'kubectl'),
    );
    expect(path.dirname(bin.kubectl)).toBe(path.dirname(bin.kubeApiserver));
    // every tool the recipes build is a `tool` directive of its go.mod
    for (const r of GO_RECIPES) {
      const lines = fs
        .readFileSync(path.join(paths.goModulesDir, r.module, 'go.mod'), 'utf8')
        .split('\n')
        .map(line => line.trim().replace(/^tool\s+/, ''));
      for (const o of r.outputs) {
        expect(lines).toContain(o.pkg);
      }
    }
  });

  it('links a cached binary under a stable path, and repoints the link', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'link-binary-'));
    try {
      const linkDir = path.join(dir, 'state', 'bin');
      const link = linkBinary(linkDir, '/cache/bin/kubernetes-aaa/kubectl');
      expect(link).toBe(path.join(linkDir, 'kubectl'));
      expect(fs.readlinkSync(link)).toBe('/cache/bin/kubernetes-aaa/kubectl');
      expect(linkBinary(linkDir, '/cache/bin/kubernetes-aaa/kubectl')).toBe(
        link,
      );
      linkBinary(linkDir, '/cache/bin/kubernetes-bbb/kubectl');
      expect(fs.readlinkSync(link)).toBe('/cache/bin/kubernetes-bbb/kubectl');
      expect(fs.readdirSync(linkDir)).toEqual(['kubectl']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo teams', () => {
  it('renders a labelled namespace, quota, limit range and role binding per team, and the admin binding', () => {
    const objects = renderTeamObjects();
    for (const { team } of DEMO_TEAMS) {
      const own = objects.filter(
        o => o.metadata.name === team || o.metadata.namespace === team,
      );
      expect(own.map(o => o.kind)).toEqual([
        'Namespace',
        'ResourceQuota',
        'LimitRange',
        'RoleBinding',
      ]);
      expect(own.every(o => o.metadata.labels[TEAM_LABEL] === team)).toBe(true);
    }
    expect(objects.at(-1)).toMatchObject({
      kind: 'ClusterRoleBinding',
      subjects: [{ kind: 'Group', name: 'platform-admins' }],
    });
    expect(DEMO_TEAMS.map(t => t.team)).toEqual([
      'fraud-detection',
      'recommendations',
      'forecasting',
    ]);
  });
});

describe('renderExports', () => {
  it('prints shell-safe export lines for the portal and the tests', () => {
    const platform = {
      kubeconfigPath: "/repo/.local-platform/it's/kubeconfig",
      apiserverUrl: 'https://127.0.0.1:16443',
      caData: 'Q0E=',
      adminToken: 'not-for-the-portal',
      backendToken: 'abc',
      mlflowUrl: 'http://127.0.0.1:15000',
      prometheusUrl: 'http://127.0.0.1:19090',
      kubeStateMetricsUrl: 'http://127.0.0.1:18080',
      kubectlPath: '/cache/bin/kubernetes-0123456789ab/kubectl',
    } as LocalPlatform;
    expect(
      renderExports(platformEnvironment(platform), [
        '/cache/bin/kubernetes-0123456789ab',
      ]).split('\n'),
    ).toEqual([
      "export KUBECONFIG='/repo/.local-platform/it'\\''s/kubeconfig'",
      "export K8S_URL='https://127.0.0.1:16443'",
      "export K8S_CA_DATA='Q0E='",
      "export K8S_TOKEN='abc'",
      "export MLFLOW_TRACKING_URI='http://127.0.0.1:15000'",
      "export PROMETHEUS_URL='http://127.0.0.1:19090'",
      "export KUBE_STATE_METRICS_URL='http://127.0.0.1:18080'",
      "export KUBECTL='/cache/bin/kubernetes-0123456789ab/kubectl'",
      `export PATH='/cache/bin/kubernetes-0123456789ab':"$PATH"`,
    ]);
  });
});
