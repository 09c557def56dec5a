import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  establishedCrds,
  kubeRequest,
  type KubeConnection,
} from './kubeapi.ts';
import { sleep } from './processes.ts';

export const FIELD_MANAGER = 'ml-platform';

export type CrdSource = {
  file: string;
  name: string;
  manifest: Record<string, any>;
};

function crdFiles(crdsDir: string): string[] {
  if (!fs.existsSync(crdsDir)) {
    throw new Error(
      `The CRD folder ${crdsDir} does not exist. It should be ../shared/crds next to the repository; set ML_PLATFORM_CRDS_DIR to its location`,
    );
  }
  const files = fs
    .readdirSync(crdsDir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()
    .map(f => path.join(crdsDir, f));
  if (files.length === 0) {
    throw new Error(`No CRD files (*.yaml) in ${crdsDir}`);
  }
  return files;
}

type Schema = Record<string, any>;

/**
 * Recursive types cannot be expressed in a CRD schema. Seldon's generated
 * base CRD leaves the recursive `graph.children` as `items: {}`, which is not
 * a structural schema, so the apiserver rejects the whole CRD. Upstream only
 * ever installs it through kustomize, whose JSON6902 patch
 * (operator/config/crd_v1/patches/graph_children.yaml) nests copies of the
 * graph node schema a fixed number of levels deep. The CRD folder holds the
 * unpatched base, so the same transformation is done here, before applying.
 */
export const RECURSIVE_ITEMS_FIXES: Record<
  string,
  { property: string; depth: number }
> = {
  'seldondeployments.machinelearning.seldon.io': {
    property: 'children',
    depth: 10,
  },
};

/** A digest of the CRD files: installing is skipped while it matches what was installed last. */
export function crdsDigest(crdsDir: string): string {
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify(RECURSIVE_ITEMS_FIXES));
  for (const file of crdFiles(crdsDir)) {
    hash
      .update(path.basename(file))
      .update('\0')
      .update(fs.readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function isEmptySchema(schema: unknown): boolean {
  return (
    typeof schema === 'object' &&
    schema !== null &&
    Object.keys(schema).length === 0
  );
}

/** Copy of `node` whose `property` array items are `depth` nested levels of `node`, then any object. */
function unrollNode(node: Schema, property: string, depth: number): Schema {
  const copy = structuredClone(node);
  copy.properties[property] = {
    ...copy.properties[property],
    items:
      depth > 0
        ? unrollNode(node, property, depth - 1)
        : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  };
  return copy;
}

/** Replaces every object schema's `property: {type: array, items: {}}` by its unrolled node schema. Pure. */
export function unrollRecursiveItems(
  schema: Schema,
  property: string,
  depth: number,
): Schema {
  if (Array.isArray(schema)) {
    return schema.map(s => unrollRecursiveItems(s, property, depth));
  }
  if (typeof schema !== 'object' || schema === null) {
    return schema;
  }
  const prop = schema.properties?.[property];
  if (prop?.type === 'array' && isEmptySchema(prop.items)) {
    return unrollNode(schema, property, depth);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      unrollRecursiveItems(value, property, depth),
    ]),
  );
}

export function loadCrds(crdsDir: string): CrdSource[] {
  const crds: CrdSource[] = [];
  for (const file of crdFiles(crdsDir)) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      let manifest = doc.toJS({ maxAliasCount: -1 });
      if (manifest?.kind !== 'CustomResourceDefinition') {
        continue;
      }
      const fix = RECURSIVE_ITEMS_FIXES[manifest.metadata.name];
      if (fix) {
        manifest = unrollRecursiveItems(manifest, fix.property, fix.depth);
      }
      crds.push({ file, name: manifest.metadata.name, manifest });
    }
  }
  return crds;
}

/** Names of the CRDs in the folder, without parsing the large schemas. */
export function crdNames(crdsDir: string): string[] {
  return loadCrds(crdsDir).map(c => c.name);
}

/**
 * Server-side applies every CRD (client-side apply would not fit the large
 * ones into the last-applied annotation) and waits until all are Established.
 */
export async function installCrds(
  conn: KubeConnection,
  crds: CrdSource[],
  onProgress: (message: string) => void,
  timeoutMs = 120_000,
): Promise<void> {
  for (const crd of crds) {
    const res = await kubeRequest(
      conn,
      'PATCH',
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.name}?fieldManager=${FIELD_MANAGER}&force=true`,
      {
        body: JSON.stringify(crd.manifest),
        contentType: 'application/apply-patch+yaml',
        timeoutMs: 60_000,
      },
    );
    if (res.status < 200 || res.status > 299) {
      throw new Error(
        `Server-side apply of CRD ${crd.name} (${path.basename(
          crd.file,
        )}) failed: HTTP ${res.status} ${res.text.slice(0, 500)}`,
      );
    }
    onProgress(`applied ${crd.name}`);
  }
  const names = crds.map(c => c.name);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const established = await establishedCrds(conn, names);
    if (established.size === names.length) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `CRDs not Established after ${timeoutMs / 1000}s: ${names
          .filter(n => !established.has(n))
          .join(', ')}`,
      );
    }
    await sleep(500);
  }
}
