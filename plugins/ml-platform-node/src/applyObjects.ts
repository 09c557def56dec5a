import {
  KubernetesObjectApi,
  loadYaml,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { FIELD_MANAGER } from '@ml-platform/backstage-plugin-ml-platform-common';

/** @public */
export type ApplyOptions = {
  /** Server-side dry-run: the apiserver validates and admits, nothing is stored. */
  dryRun?: boolean;
};

/**
 * Server-side applies `objects` (wire-format manifests, as `kubectl apply`
 * takes them) in order under the suite's field manager and
 * returns what the apiserver holds (or would hold, on a dry-run). Idempotent:
 * applying the same objects again changes nothing, not even resourceVersion.
 * Conflicts with other field managers are taken over (`force`), since the
 * suite owns every field it sets on its own objects.
 * @public
 */
export async function applyObjects(
  kubeConfig: KubeConfig,
  objects: KubernetesObject[],
  options: ApplyOptions = {},
): Promise<KubernetesObject[]> {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const applied: KubernetesObject[] = [];
  for (const object of objects) {
    // The client serializes known kinds through its generated models, whose
    // property names differ from the wire format (LimitRange `default` is
    // `_default`): a wire-format manifest would silently lose such fields.
    // loadYaml (JSON is YAML) converts a manifest into the model first.
    const model = loadYaml<KubernetesObject>(JSON.stringify(object));
    applied.push(
      await client.patch(
        model,
        undefined,
        options.dryRun ? 'All' : undefined,
        FIELD_MANAGER,
        true,
        PatchStrategy.ServerSideApply,
      ),
    );
  }
  return applied;
}
