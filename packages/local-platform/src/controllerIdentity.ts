import fs from 'node:fs';
import path from 'node:path';
import { apiserverUrl } from './kubernetes.ts';
import { base64, renderKubeconfig } from './kubeconfig.ts';
import type { StateLayout } from './paths.ts';
import { mintClientCertificate, sec1EcKey, writeSecret } from './pki.ts';
import type { PlatformPorts } from './ports.ts';

/** Who a controller of the platform is to the apiserver: RBAC decides what it may do. */
export type ControllerIdentity = {
  /** The component, naming its files. */
  name: string;
  user: string;
  groups?: string[];
  /** Where its upstream Roles (namespaced, if any) are bound. */
  namespace?: string;
};

/** The kubeconfig `up` writes for a controller (pure). */
export function controllerKubeconfigPath(
  layout: StateLayout,
  name: string,
): string {
  return path.join(layout.identitiesDir, 'controllers', `${name}.kubeconfig`);
}

/**
 * Writes the kubeconfig of a controller's own client certificate, minted by
 * the cluster CA once (kept beside it; a new CA deletes the identities
 * folder) and rewritten only when it changes, since the file is part of the
 * component's configuration.
 */
export async function ensureControllerKubeconfig(
  layout: StateLayout,
  ports: PlatformPorts,
  identity: ControllerIdentity,
): Promise<string> {
  const file = controllerKubeconfigPath(layout, identity.name);
  const certFile = file.replace(/\.kubeconfig$/, '.crt');
  const keyFile = file.replace(/\.kubeconfig$/, '.key');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    const { certPem, keyPem } = await mintClientCertificate(
      layout,
      identity.user,
      identity.groups ?? [],
    );
    writeSecret(keyFile, await sec1EcKey(keyPem));
    fs.writeFileSync(certFile, certPem);
  }
  const yaml = renderKubeconfig({
    server: apiserverUrl(ports),
    caData: base64(fs.readFileSync(layout.caCert, 'utf8')),
    userName: identity.user,
    credentials: {
      clientCertificateData: base64(fs.readFileSync(certFile, 'utf8')),
      clientKeyData: base64(fs.readFileSync(keyFile, 'utf8')),
    },
  });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== yaml) {
    writeSecret(file, yaml);
  }
  return file;
}

type RbacManifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
};

/**
 * An upstream ClusterRole under the name the platform gives it, and the
 * binding of it to a controller's user (pure).
 */
export function boundClusterRole(
  upstream: RbacManifest,
  identity: ControllerIdentity,
): RbacManifest[] {
  if (upstream.kind !== 'ClusterRole' && upstream.kind !== 'Role') {
    throw new Error(
      `expected a ClusterRole or Role for ${identity.name}, got ${upstream.kind} ${upstream.metadata?.name}`,
    );
  }
  // e.g. ml-platform:seldon-operator:manager-role
  const name = `ml-platform:${identity.name}:${upstream.metadata.name}`;
  const namespaced = upstream.kind === 'Role';
  if (namespaced && !identity.namespace) {
    throw new Error(
      `${identity.name}: the Role ${upstream.metadata.name} needs the identity's namespace`,
    );
  }
  const metadata = namespaced
    ? { name, namespace: identity.namespace }
    : { name };
  return [
    { ...upstream, metadata },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: namespaced ? 'RoleBinding' : 'ClusterRoleBinding',
      metadata,
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: upstream.kind,
        name,
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'User',
          name: identity.user,
        },
      ],
    },
  ];
}
