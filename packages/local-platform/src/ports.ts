import fs from 'node:fs';
import net from 'node:net';

/** Every TCP port the local platform listens on (all on 127.0.0.1). */
export type PlatformPorts = {
  etcd: number;
  etcdPeer: number;
  apiserver: number;
  mlflow: number;
  prometheus: number;
  kubeStateMetrics: number;
  kubeStateMetricsTelemetry: number;
  controllerManager: number;
  scheduler: number;
  kwok: number;
  notebookMetrics: number;
  notebookProbe: number;
  sparkProbe: number;
  sparkWebhook: number;
  sparkWebhookProbe: number;
  seldonMetrics: number;
  seldonWebhook: number;
};

export type PortSetting = {
  key: keyof PlatformPorts;
  env: string;
  defaultPort: number;
  /** Who listens on it, for messages. */
  owner: string;
};

/** Defaults stay clear of the portal (3000, 7007) and of the usual ports of these tools. */
export const PORT_SETTINGS: readonly PortSetting[] = [
  {
    key: 'etcd',
    env: 'ML_PLATFORM_ETCD_PORT',
    defaultPort: 23790,
    owner: 'etcd (client)',
  },
  {
    key: 'etcdPeer',
    env: 'ML_PLATFORM_ETCD_PEER_PORT',
    defaultPort: 23800,
    owner: 'etcd (peer)',
  },
  {
    key: 'apiserver',
    env: 'ML_PLATFORM_APISERVER_PORT',
    defaultPort: 16443,
    owner: 'kube-apiserver',
  },
  {
    key: 'mlflow',
    env: 'ML_PLATFORM_MLFLOW_PORT',
    defaultPort: 15000,
    owner: 'mlflow server',
  },
  {
    key: 'prometheus',
    env: 'ML_PLATFORM_PROMETHEUS_PORT',
    defaultPort: 19090,
    owner: 'prometheus',
  },
  {
    key: 'kubeStateMetrics',
    env: 'ML_PLATFORM_KSM_PORT',
    defaultPort: 18080,
    owner: 'kube-state-metrics',
  },
  {
    key: 'kubeStateMetricsTelemetry',
    env: 'ML_PLATFORM_KSM_TELEMETRY_PORT',
    defaultPort: 18081,
    owner: 'kube-state-metrics (telemetry)',
  },
  {
    key: 'controllerManager',
    env: 'ML_PLATFORM_CONTROLLER_MANAGER_PORT',
    defaultPort: 20257,
    owner: 'kube-controller-manager (health)',
  },
  {
    key: 'scheduler',
    env: 'ML_PLATFORM_SCHEDULER_PORT',
    defaultPort: 20259,
    owner: 'kube-scheduler (health)',
  },
  {
    key: 'kwok',
    env: 'ML_PLATFORM_KWOK_PORT',
    defaultPort: 20247,
    owner: 'kwok (health, metrics)',
  },
  {
    key: 'notebookMetrics',
    env: 'ML_PLATFORM_NOTEBOOK_METRICS_PORT',
    defaultPort: 20280,
    owner: 'notebook-controller (metrics)',
  },
  {
    key: 'notebookProbe',
    env: 'ML_PLATFORM_NOTEBOOK_PROBE_PORT',
    defaultPort: 20281,
    owner: 'notebook-controller (health)',
  },
  {
    key: 'sparkProbe',
    env: 'ML_PLATFORM_SPARK_PROBE_PORT',
    defaultPort: 20282,
    owner: 'spark-operator (health)',
  },
  {
    key: 'sparkWebhook',
    env: 'ML_PLATFORM_SPARK_WEBHOOK_PORT',
    defaultPort: 20444,
    owner: 'spark-webhook (admission webhook)',
  },
  {
    key: 'sparkWebhookProbe',
    env: 'ML_PLATFORM_SPARK_WEBHOOK_PROBE_PORT',
    defaultPort: 20284,
    owner: 'spark-webhook (health)',
  },
  {
    key: 'seldonMetrics',
    env: 'ML_PLATFORM_SELDON_METRICS_PORT',
    defaultPort: 20283,
    owner: 'seldon-operator (metrics)',
  },
  {
    key: 'seldonWebhook',
    env: 'ML_PLATFORM_SELDON_WEBHOOK_PORT',
    defaultPort: 20443,
    owner: 'seldon-operator (admission webhook)',
  },
];

export function portSetting(key: keyof PlatformPorts): PortSetting {
  const setting = PORT_SETTINGS.find(s => s.key === key);
  if (!setting) {
    throw new Error(`Unknown port ${key}`);
  }
  return setting;
}

/** Reads the ports from environment variables, with defaults. Throws naming the variable at fault. */
export function parsePorts(
  env: Record<string, string | undefined>,
): PlatformPorts {
  const ports = {} as PlatformPorts;
  const seen = new Map<number, PortSetting>();
  for (const setting of PORT_SETTINGS) {
    const raw = env[setting.env]?.trim();
    let port = setting.defaultPort;
    if (raw) {
      if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
        throw new Error(
          `${setting.env}=${JSON.stringify(raw)} is not a TCP port (1-65535)`,
        );
      }
      port = Number(raw);
    }
    const clash = seen.get(port);
    if (clash) {
      throw new Error(
        `Port ${port} is configured twice: ${clash.env} (${clash.owner}) and ${setting.env} (${setting.owner}); change one of them`,
      );
    }
    seen.set(port, setting);
    ports[setting.key] = port;
  }
  return ports;
}

/** Best effort: the pid and command line of the process listening on a TCP port (needs /proc). */
export function findPortHolder(port: number): string | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] = local address "HEXIP:HEXPORT", cols[3] = state ("0A" = LISTEN), cols[9] = inode
      if (cols.length > 9 && cols[3] === '0A') {
        const localPort = parseInt(cols[1].split(':').pop() ?? '', 16);
        if (localPort === port) {
          inodes.add(cols[9]);
        }
      }
    }
  }
  if (inodes.size === 0) {
    return undefined;
  }
  for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(target);
        if (m && inodes.has(m[1])) {
          const cmd = fs
            .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
            .split('\0')
            .filter(Boolean)
            .join(' ');
          return `pid ${pid}: ${cmd.slice(0, 120)}`;
        }
      } catch {
        // the process or fd went away
      }
    }
  }
  return undefined;
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** Throws a message naming the port, who holds it, and the variable that moves it. */
export async function assertPortFree(
  ports: PlatformPorts,
  key: keyof PlatformPorts,
): Promise<void> {
  const setting = portSetting(key);
  const port = ports[key];
  if (await canListen(port, '127.0.0.1')) {
    return;
  }
  const holder = findPortHolder(port);
  throw new Error(
    `Port ${port} for ${setting.owner} is already in use by another process${
      holder ? ` (${holder})` : ''
    }. Stop that process or choose another port: ${
      setting.env
    }=<port> ./scripts/yarn platform up`,
  );
}
