import https from 'node:https';

/**
 * A minimal HTTPS client for the few apiserver calls the platform makes on
 * its hot path (readiness, CRD conditions), so `up` on a running platform
 * does not load the full Kubernetes client.
 */
export type KubeConnection = { server: string; caPem: string; token: string };

export type KubeResponse = { status: number; text: string; json: () => any };

export function kubeRequest(
  conn: KubeConnection,
  method: string,
  path: string,
  options: { body?: string; contentType?: string; timeoutMs?: number } = {},
): Promise<KubeResponse> {
  const url = new URL(path, conn.server);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: conn.caPem,
        headers: {
          Authorization: `Bearer ${conn.token}`,
          Accept: 'application/json',
          ...(options.body !== undefined
            ? { 'Content-Type': options.contentType ?? 'application/json' }
            : {}),
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timeout: ${method} ${url}`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function apiserverReady(conn: KubeConnection): Promise<boolean> {
  try {
    const res = await kubeRequest(conn, 'GET', '/readyz', { timeoutMs: 3000 });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Names of the CRDs whose `Established` condition is True. */
export async function establishedCrds(
  conn: KubeConnection,
  names: string[],
): Promise<Set<string>> {
  const established = new Set<string>();
  await Promise.all(
    names.map(async name => {
      const res = await kubeRequest(
        conn,
        'GET',
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
      );
      if (res.status !== 200) {
        return;
      }
      const conditions: { type: string; status: string }[] =
        res.json().status?.conditions ?? [];
      if (
        conditions.some(c => c.type === 'Established' && c.status === 'True')
      ) {
        established.add(name);
      }
    }),
  );
  return established;
}
