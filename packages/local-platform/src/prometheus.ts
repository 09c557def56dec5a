import fs from 'node:fs';
import YAML from 'yaml';
import { httpOk, type ComponentSpec } from './components.ts';
import type { StateLayout } from './paths.ts';
import type { PlatformPorts } from './ports.ts';
import { runLogged } from './processes.ts';
import type { Reporter } from './progress.ts';

export type PrometheusConfigOptions = {
  ports: PlatformPorts;
  /** CA and bearer token file for scraping the apiserver's /metrics. */
  caFile: string;
  tokenFile: string;
  scrapeIntervalSeconds?: number;
};

/** Renders prometheus.yml: kube-state-metrics (and its own telemetry), Prometheus itself, the apiserver. */
export function renderPrometheusConfig(
  options: PrometheusConfigOptions,
): string {
  const interval = `${options.scrapeIntervalSeconds ?? 5}s`;
  const { ports } = options;
  return YAML.stringify({
    global: {
      scrape_interval: interval,
      evaluation_interval: interval,
      scrape_timeout: interval,
    },
    scrape_configs: [
      {
        job_name: 'prometheus',
        static_configs: [{ targets: [`127.0.0.1:${ports.prometheus}`] }],
      },
      {
        job_name: 'kube-state-metrics',
        // keep the namespace/pod labels kube-state-metrics puts on its series
        honor_labels: true,
        static_configs: [{ targets: [`127.0.0.1:${ports.kubeStateMetrics}`] }],
      },
      {
        job_name: 'kube-state-metrics-telemetry',
        static_configs: [
          { targets: [`127.0.0.1:${ports.kubeStateMetricsTelemetry}`] },
        ],
      },
      {
        job_name: 'kube-apiserver',
        // the apiserver exposes thousands of series: scrape it less often
        scrape_interval: '30s',
        scrape_timeout: '10s',
        scheme: 'https',
        tls_config: { ca_file: options.caFile },
        authorization: { type: 'Bearer', credentials_file: options.tokenFile },
        static_configs: [{ targets: [`127.0.0.1:${ports.apiserver}`] }],
      },
    ],
  });
}

export function prometheusBinary(): string {
  return process.env.ML_PLATFORM_PROMETHEUS_BIN || '/usr/bin/prometheus';
}

/**
 * Installs Debian's prometheus package when the binary is missing. The package
 * may enable its own service on :9090; the platform never uses or touches it.
 */
export async function ensurePrometheusInstalled(
  logsDir: string,
  report: Reporter,
): Promise<string> {
  const bin = prometheusBinary();
  if (fs.existsSync(bin)) {
    return bin;
  }
  if (process.env.ML_PLATFORM_PROMETHEUS_BIN) {
    throw new Error(`ML_PLATFORM_PROMETHEUS_BIN=${bin} does not exist`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${bin} is missing and installing it needs root: run \`sudo apt-get update && sudo apt-get install -y prometheus\`, then \`./scripts/yarn platform up\` again`,
    );
  }
  const logFile = `${logsDir}/apt-prometheus.log`;
  report(
    'prometheus',
    `${bin} not found: installing Debian's prometheus package (apt-get update && apt-get install -y prometheus; log: ${logFile})`,
  );
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await runLogged('apt-get', ['update'], { logFile, env });
  await runLogged(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'prometheus'],
    { logFile, env },
  );
  if (!fs.existsSync(bin)) {
    throw new Error(
      `apt-get installed prometheus but ${bin} is still missing (see ${logFile})`,
    );
  }
  report('prometheus', 'installed');
  return bin;
}

export function prometheusUrl(ports: PlatformPorts): string {
  return `http://127.0.0.1:${ports.prometheus}`;
}

/** Writes prometheus.yml only when it changed, so a running Prometheus is not restarted for nothing. */
export function writePrometheusConfig(
  layout: StateLayout,
  ports: PlatformPorts,
): void {
  fs.mkdirSync(layout.prometheusData, { recursive: true });
  const config = renderPrometheusConfig({
    ports,
    caFile: layout.caCert,
    tokenFile: layout.adminToken,
  });
  const current = fs.existsSync(layout.prometheusConfig)
    ? fs.readFileSync(layout.prometheusConfig, 'utf8')
    : '';
  if (current !== config) {
    fs.writeFileSync(layout.prometheusConfig, config);
  }
}

export function prometheusSpec(
  bin: string,
  layout: StateLayout,
  ports: PlatformPorts,
): ComponentSpec {
  const url = prometheusUrl(ports);
  return {
    name: 'prometheus',
    command: bin,
    args: [
      `--config.file=${layout.prometheusConfig}`,
      `--storage.tsdb.path=${layout.prometheusData}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
      '--storage.tsdb.retention.time=7d',
      '--web.enable-lifecycle',
    ],
    cwd: layout.prometheusDir,
    inputFiles: [layout.prometheusConfig],
    ports: ['prometheus'],
    ready: () => httpOk(`${url}/-/ready`),
    readyTimeoutMs: 60_000,
    readyDescription: `${url}/-/ready`,
    url,
  };
}
