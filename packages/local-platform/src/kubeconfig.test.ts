import { KubeConfig } from '@kubernetes/client-node';
import { base64, renderKubeconfig } from './kubeconfig.ts';

describe('renderKubeconfig', () => {
  const caData = base64(
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  );

  it('renders a token kubeconfig that the Kubernetes client loads', () => {
    const kc = new KubeConfig();
    kc.loadFromString(
      renderKubeconfig({
        server: 'https://127.0.0.1:16443',
        caData,
        userName: 'admin',
        credentials: { token: 'secret' },
      }),
    );
    expect(kc.getCurrentContext()).toBe('admin@ml-platform-local');
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'ml-platform-local',
      server: 'https://127.0.0.1:16443',
      caData,
    });
    expect(kc.getCurrentUser()).toMatchObject({
      name: 'admin',
      token: 'secret',
    });
  });

  it('renders a client-certificate kubeconfig with a default namespace', () => {
    const kc = new KubeConfig();
    kc.loadFromString(
      renderKubeconfig({
        server: 'https://127.0.0.1:1',
        caData,
        userName: 'alice',
        credentials: {
          clientCertificateData: base64('cert'),
          clientKeyData: base64('key'),
        },
        namespace: 'fraud-detection',
      }),
    );
    const user = kc.getCurrentUser()!;
    expect(user.token).toBeUndefined();
    expect(Buffer.from(user.certData!, 'base64').toString()).toBe('cert');
    expect(Buffer.from(user.keyData!, 'base64').toString()).toBe('key');
    expect(kc.getContextObject(kc.getCurrentContext())?.namespace).toBe(
      'fraud-detection',
    );
  });
});
