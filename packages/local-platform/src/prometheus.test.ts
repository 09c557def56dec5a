import YAML from 'yaml';
import { parsePorts } from './ports.ts';
import { renderPrometheusConfig } from './prometheus.ts';

describe('renderPrometheusConfig', () => {
  const ports = parsePorts({
    ML_PLATFORM_KSM_PORT: '28080',
    ML_PLATFORM_PROMETHEUS_PORT: '29090',
  });
  const config = YAML.parse(
    renderPrometheusConfig({
      ports,
      caFile: '/state/pki/ca.crt',
      tokenFile: '/state/pki/admin.token',
    }),
  );
  const job = (name: string) =>
    config.scrape_configs.find((j: any) => j.job_name === name);

  it('scrapes every 5 seconds by default', () => {
    expect(config.global.scrape_interval).toBe('5s');
    expect(config.global.evaluation_interval).toBe('5s');
  });

  it('scrapes kube-state-metrics and Prometheus itself on loopback at the configured ports', () => {
    expect(job('kube-state-metrics').static_configs).toEqual([
      { targets: ['127.0.0.1:28080'] },
    ]);
    expect(job('kube-state-metrics').honor_labels).toBe(true);
    expect(job('kube-state-metrics-telemetry').static_configs).toEqual([
      { targets: ['127.0.0.1:18081'] },
    ]);
    expect(job('prometheus').static_configs).toEqual([
      { targets: ['127.0.0.1:29090'] },
    ]);
  });

  it('scrapes the apiserver over TLS with the CA and the admin token file, less often', () => {
    expect(job('kube-apiserver')).toMatchObject({
      scheme: 'https',
      scrape_interval: '30s',
      tls_config: { ca_file: '/state/pki/ca.crt' },
      authorization: {
        type: 'Bearer',
        credentials_file: '/state/pki/admin.token',
      },
      static_configs: [{ targets: ['127.0.0.1:16443'] }],
    });
  });

  it('takes another interval', () => {
    const custom = YAML.parse(
      renderPrometheusConfig({
        ports,
        caFile: 'ca',
        tokenFile: 'token',
        scrapeIntervalSeconds: 15,
      }),
    );
    expect(custom.global.scrape_interval).toBe('15s');
  });
});
