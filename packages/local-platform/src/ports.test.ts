import net from 'node:net';
import { assertPortFree, parsePorts, PORT_SETTINGS } from './ports.ts';

describe('parsePorts', () => {
  it("uses defaults that stay clear of the portal and of the tools' usual ports", () => {
    const ports = parsePorts({});
    expect(ports).toEqual({
      etcd: 23790,
      etcdPeer: 23800,
      apiserver: 16443,
      mlflow: 15000,
      prometheus: 19090,
      kubeStateMetrics: 18080,
      kubeStateMetricsTelemetry: 18081,
      controllerManager: 20257,
      scheduler: 20259,
      kwok: 20247,
      notebookMetrics: 20280,
      notebookProbe: 20281,
      sparkProbe: 20282,
      sparkWebhook: 20444,
      sparkWebhookProbe: 20284,
      seldonMetrics: 20283,
      seldonWebhook: 20443,
    });
    for (const port of [
      3000, 7007, 2379, 2380, 6443, 5000, 9090, 8080, 8081, 10257, 10259, 10247,
    ]) {
      expect(Object.values(ports)).not.toContain(port);
    }
  });

  it('reads every port from its environment variable', () => {
    const env = Object.fromEntries(
      PORT_SETTINGS.map((s, i) => [s.env, String(31000 + i)]),
    );
    const ports = parsePorts(env);
    PORT_SETTINGS.forEach((s, i) => expect(ports[s.key]).toBe(31000 + i));
  });

  it('names the variable of an invalid port', () => {
    expect(() => parsePorts({ ML_PLATFORM_APISERVER_PORT: 'https' })).toThrow(
      'ML_PLATFORM_APISERVER_PORT="https" is not a TCP port (1-65535)',
    );
    expect(() => parsePorts({ ML_PLATFORM_MLFLOW_PORT: '70000' })).toThrow(
      'ML_PLATFORM_MLFLOW_PORT',
    );
  });

  it('rejects the same port configured twice', () => {
    expect(() => parsePorts({ ML_PLATFORM_MLFLOW_PORT: '19090' })).toThrow(
      'Port 19090 is configured twice: ML_PLATFORM_MLFLOW_PORT (mlflow server) and ML_PLATFORM_PROMETHEUS_PORT (prometheus)',
    );
  });
});

describe('assertPortFree', () => {
  it('passes for a free port and names port, holder and variable for a taken one', async () => {
    const server = net.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const taken = (server.address() as net.AddressInfo).port;
    try {
      const free = await new Promise<number>(resolve => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const port = (probe.address() as net.AddressInfo).port;
          probe.close(() => resolve(port));
        });
      });
      const ports = parsePorts({
        ML_PLATFORM_PROMETHEUS_PORT: String(taken),
        ML_PLATFORM_MLFLOW_PORT: String(free),
      });
      await expect(assertPortFree(ports, 'mlflow')).resolves.toBeUndefined();
      await expect(assertPortFree(ports, 'prometheus')).rejects.toThrow(
        new RegExp(
          `Port ${taken} for prometheus is already in use by another process \\(pid ${process.pid}: .*\\)\\..*ML_PLATFORM_PROMETHEUS_PORT=<port> \\./scripts/yarn platform up`,
        ),
      );
    } finally {
      server.close();
    }
  });
});
