import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PlatformConfig } from './config.ts';
import { base64, renderKubeconfig } from './kubeconfig.ts';
import { mintClientCertificate, writeSecret } from './pki.ts';
import { platformInfo } from './status.ts';

/** A client-certificate identity of the local cluster, with no permissions unless RBAC grants some. */
export type KubernetesIdentity = {
  user: string;
  groups: string[];
  /** A kubeconfig for this identity (0600). */
  kubeconfigPath: string;
  kubeconfigYaml: string;
  clientCertificatePem: string;
  clientKeyPem: string;
};

/** Mints a certificate for `user` in `groups`, signed by the cluster CA, and writes its kubeconfig. */
export async function mintIdentity(
  config: PlatformConfig,
  user: string,
  groups: string[] = [],
): Promise<KubernetesIdentity> {
  const platform = platformInfo(config);
  if (!platform) {
    throw new Error(
      'The local platform is not up: run `./scripts/yarn platform up` (or ensureLocalPlatform()) first',
    );
  }
  const { certPem, keyPem } = await mintClientCertificate(
    config.layout,
    user,
    groups,
  );
  const kubeconfigYaml = renderKubeconfig({
    server: platform.apiserverUrl,
    caData: platform.caData,
    userName: user,
    credentials: {
      clientCertificateData: base64(certPem),
      clientKeyData: base64(keyPem),
    },
  });
  const id = crypto
    .createHash('sha256')
    .update(JSON.stringify([user, groups]))
    .digest('hex')
    .slice(0, 8);
  const dir = path.join(
    config.layout.identitiesDir,
    `${user.replace(/[^A-Za-z0-9._-]/g, '_')}-${id}`,
  );
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  // write then rename: parallel test workers may mint the same identity
  const tmp = `${kubeconfigPath}.${process.pid}.${crypto
    .randomBytes(4)
    .toString('hex')}`;
  writeSecret(tmp, kubeconfigYaml);
  fs.renameSync(tmp, kubeconfigPath);
  return {
    user,
    groups,
    kubeconfigPath,
    kubeconfigYaml,
    clientCertificatePem: certPem,
    clientKeyPem: keyPem,
  };
}
