import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { kubeRequest, type KubeConnection } from './kubeapi.ts';
import { sleep } from './processes.ts';

/** The manifest of the backend's identity, the one a real cluster applies too. */
export function backendRbacFile(repoRoot: string): string {
  return path.join(repoRoot, 'platform', 'rbac', 'ml-platform-backend.yaml');
}

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
};

/** Plural resource of each kind the file holds. */
const RESOURCES: Record<string, string> = {
  Namespace: 'namespaces',
  ServiceAccount: 'serviceaccounts',
  Secret: 'secrets',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  Node: 'nodes',
  ConfigMap: 'configmaps',
  ValidatingWebhookConfiguration: 'validatingwebhookconfigurations',
  MutatingWebhookConfiguration: 'mutatingwebhookconfigurations',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  StorageClass: 'storageclasses',
};

/** The REST path of an object (pure). */
export function objectPath(manifest: Manifest): string {
  const resource = RESOURCES[manifest.kind];
  if (!resource) {
    throw new Error(
      `${manifest.kind} ${manifest.metadata.name}: the local platform does not apply this kind`,
    );
  }
  const base =
    manifest.apiVersion === 'v1' ? '/api/v1' : `/apis/${manifest.apiVersion}`;
  const namespace = manifest.metadata.namespace
    ? `/namespaces/${manifest.metadata.namespace}`
    : '';
  return `${base}${namespace}/${resource}/${manifest.metadata.name}`;
}

export function loadManifests(file: string): Manifest[] {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS() as Manifest)
    .filter(Boolean);
}

/** The token Secret of the backend's ServiceAccount in the manifest. */
function tokenSecret(manifests: Manifest[]): Manifest {
  const secret = manifests.find(m => m.kind === 'Secret');
  if (!secret) {
    throw new Error('The backend RBAC manifest has no token Secret');
  }
  return secret;
}

/** Server-side applies each manifest (or its `subresource`, e.g. `/status`), in order. */
export async function applyManifests(
  conn: KubeConnection,
  manifests: Manifest[],
  subresource = '',
): Promise<void> {
  for (const manifest of manifests) {
    const res = await kubeRequest(
      conn,
      'PATCH',
      `${objectPath(
        manifest,
      )}${subresource}?fieldManager=ml-platform-local&force=true`,
      {
        body: JSON.stringify(manifest),
        contentType: 'application/apply-patch+yaml',
      },
    );
    if (res.status < 200 || res.status > 299) {
      throw new Error(
        `Server-side apply of ${manifest.kind} ${
          manifest.metadata.name
        }${subresource} failed: HTTP ${res.status} ${res.text.slice(0, 500)}`,
      );
    }
  }
}

/**
 * Server-side applies the backend's ServiceAccount, ClusterRole and bindings
 * and returns the ServiceAccount's token, once the token controller has
 * written it.
 */
export async function ensureBackendIdentity(
  conn: KubeConnection,
  file: string,
  timeoutMs = 60_000,
): Promise<string> {
  const manifests = loadManifests(file);
  await applyManifests(conn, manifests);
  const secretPath = objectPath(tokenSecret(manifests));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await kubeRequest(conn, 'GET', secretPath);
    const token = res.status === 200 ? res.json().data?.token : undefined;
    if (typeof token === 'string' && token) {
      return Buffer.from(token, 'base64').toString('utf8');
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The token controller did not fill ${secretPath} within ${
          timeoutMs / 1000
        } s`,
      );
    }
    await sleep(250);
  }
}

/**
 * The backend's token as `up` stored it; empty for a platform started before
 * the backend had an identity of its own (`platform up` writes it).
 */
export function readBackendToken(layout: { backendToken: string }): string {
  return fs.existsSync(layout.backendToken)
    ? fs.readFileSync(layout.backendToken, 'utf8').trim()
    : '';
}
