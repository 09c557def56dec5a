import YAML from 'yaml';

export type KubeconfigCredentials =
  | { token: string }
  | { clientCertificateData: string; clientKeyData: string };

export type KubeconfigOptions = {
  server: string;
  /** Base64 of the CA certificate PEM. */
  caData: string;
  userName: string;
  credentials: KubeconfigCredentials;
  clusterName?: string;
  contextName?: string;
  namespace?: string;
};

/** Renders a single-cluster, single-user kubeconfig. Certificate data are base64 of PEM, as kubectl expects. */
export function renderKubeconfig(options: KubeconfigOptions): string {
  const cluster = options.clusterName ?? 'ml-platform-local';
  const context = options.contextName ?? `${options.userName}@${cluster}`;
  const user =
    'token' in options.credentials
      ? { token: options.credentials.token }
      : {
          'client-certificate-data': options.credentials.clientCertificateData,
          'client-key-data': options.credentials.clientKeyData,
        };
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: cluster,
        cluster: {
          server: options.server,
          'certificate-authority-data': options.caData,
        },
      },
    ],
    users: [{ name: options.userName, user }],
    contexts: [
      {
        name: context,
        context: {
          cluster,
          user: options.userName,
          ...(options.namespace ? { namespace: options.namespace } : {}),
        },
      },
    ],
    'current-context': context,
    preferences: {},
  });
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
