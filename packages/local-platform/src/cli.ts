#!/usr/bin/env node
import { dirname } from 'node:path';
import { loadConfig, type PlatformConfig } from './config.ts';
import { mintIdentity } from './identities.ts';
import { down, purgeState, seed, up } from './platform.ts';
import { createReporter, formatDuration } from './progress.ts';
import {
  inspectPlatform,
  platformEnvironment,
  platformInfo,
  renderExports,
  type LocalPlatform,
} from './status.ts';

const USAGE = `Usage: ./scripts/yarn platform <command>

Commands:
  up [--no-seed]          build/install what is missing, start everything, wait until ready, seed demo data
  down [--purge]          stop what \`up\` started (--purge also deletes the state folder)
  status                  what runs where (exit code 0 only when everything is ready)
  env                     export lines for eval "$(./scripts/yarn platform env)"
  seed                    apply the demo data again (Kubernetes namespaces, MLflow experiments and models)
  identity <user> [group...]
                          mint a client-certificate identity and print its kubeconfig path

Environment: ML_PLATFORM_STATE_DIR, ML_PLATFORM_CACHE_DIR, ML_PLATFORM_CRDS_DIR, ML_PLATFORM_*_PORT (see README.md)`;

function printUrls(platform: LocalPlatform, elapsedMs: number): void {
  const lines = [
    '',
    `ML platform is up (${formatDuration(elapsedMs)})`,
    `  Kubernetes API      ${platform.apiserverUrl}   kubeconfig: ${platform.kubeconfigPath}`,
    `  MLflow              ${platform.mlflowUrl}`,
    `  Prometheus          ${platform.prometheusUrl}`,
    `  kube-state-metrics  ${platform.kubeStateMetricsUrl}/metrics`,
    `  etcd                ${platform.etcdUrl}`,
    `  kubectl             ${platform.kubectlPath}`,
    `  state               ${platform.stateDir}`,
    '',
    'In a shell: eval "$(./scripts/yarn platform env)"   Stop: ./scripts/yarn platform down',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function describeComponentState(c: {
  pid?: number;
  current?: boolean;
  ready?: boolean;
}): string {
  if (!c.pid) {
    return 'stopped';
  }
  if (!c.current) {
    return 'running, configuration changed (run `./scripts/yarn platform up`)';
  }
  return c.ready ? 'ready' : 'running, not ready';
}

async function status(config: PlatformConfig): Promise<number> {
  const state = await inspectPlatform(config);
  const out: string[] = [`ML platform (state: ${config.layout.stateDir})`];
  for (const c of state.components) {
    const what = describeComponentState(c);
    out.push(
      `  ${c.name.padEnd(24)} ${(c.pid ? `pid ${c.pid}` : '-').padEnd(
        11,
      )} ${what.padEnd(10)} ${c.url ?? ''}`,
    );
  }
  out.push(
    `  CRDs                     ${state.crdsEstablished}/${state.crdsExpected} Established`,
  );
  if (state.record) {
    out.push(`  kubeconfig               ${state.record.kubeconfigPath}`);
    if (state.record.kubectlPath) {
      out.push(`  kubectl                  ${state.record.kubectlPath}`);
    }
    out.push(
      `  demo teams               ${
        state.record.teams.join(', ') || '(not seeded)'
      }`,
    );
  }
  out.push(`  logs                     ${config.layout.logsDir}`);
  out.push(
    state.allReady
      ? 'Everything is ready.'
      : 'Not everything is ready: `./scripts/yarn platform up` starts what is missing.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return state.allReady ? 0 : 3;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const known = new Set(['--no-seed', '--purge']);
  const unknownFlag = args.find(a => a.startsWith('-') && !known.has(a));
  if (unknownFlag) {
    throw new Error(`Unknown option ${unknownFlag}\n\n${USAGE}`);
  }
  const config = loadConfig();
  const report = createReporter();
  switch (command) {
    case 'up': {
      const platform = await up(
        config,
        { seed: !args.includes('--no-seed') },
        report,
      );
      printUrls(platform, report.elapsed());
      return 0;
    }
    case 'seed': {
      await seed(config, report);
      return 0;
    }
    case 'down': {
      await down(config, report);
      if (args.includes('--purge')) {
        purgeState(config, report);
      }
      report('platform', 'down');
      return 0;
    }
    case 'status':
      return status(config);
    case 'env': {
      const platform = platformInfo(config);
      if (!platform) {
        process.stderr.write(
          'The local platform is not up: run `./scripts/yarn platform up` first\n',
        );
        return 1;
      }
      process.stdout.write(
        `${renderExports(platformEnvironment(platform), [
          dirname(platform.kubectlPath),
        ])}\n`,
      );
      return 0;
    }
    case 'identity': {
      const [user, ...groups] = args;
      if (!user) {
        throw new Error(
          'Usage: ./scripts/yarn platform identity <user> [group...]',
        );
      }
      const identity = await mintIdentity(config, user, groups);
      process.stdout.write(`${identity.kubeconfigPath}\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command ? 0 : 1;
    default:
      throw new Error(`Unknown command ${command}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  err => {
    process.stderr.write(
      `\n./scripts/yarn platform ${process.argv[2] ?? ''} failed:\n${
        err instanceof Error ? err.message : String(err)
      }\n`,
    );
    process.exitCode = 1;
  },
);
