import { parseEntityRef } from '@backstage/catalog-model';
import type { NotebookSummary } from '@ml-platform/backstage-plugin-ml-platform-common';

/** The image without its registry and path, e.g. `jupyter-scipy:v1.9.2`. */
export function shortImage(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

/** CPU cores from a Kubernetes quantity: `500m` is 0.5. */
function formatCpu(quantity: string): string {
  const millis = /^(\d+)m$/.exec(quantity);
  const cores = millis ? String(Number(millis[1]) / 1000) : quantity;
  return `${cores} CPU`;
}

/** The notebook's requests, e.g. "2 CPU · 4Gi · 1 nvidia GPU"; undefined without any. */
export function formatResources(notebook: NotebookSummary): string | undefined {
  const parts: string[] = [];
  if (notebook.cpu) {
    parts.push(formatCpu(notebook.cpu));
  }
  if (notebook.memory) {
    parts.push(notebook.memory);
  }
  if (notebook.gpu && notebook.gpu.count > 0) {
    const { count, vendor } = notebook.gpu;
    parts.push(`${count} ${vendor} ${count === 1 ? 'GPU' : 'GPUs'}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The name of a user entity ref (`user:default/alice` is alice). */
export function creatorName(entityRef: string | undefined): string | undefined {
  if (!entityRef) {
    return undefined;
  }
  try {
    return parseEntityRef(entityRef, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    }).name;
  } catch {
    return entityRef;
  }
}
