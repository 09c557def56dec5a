import type { V1Pod } from '@kubernetes/client-node';

/** A one-container pod whose requests and limits are `resources` (its image is never pulled). */
export function pod(
  name: string,
  resources: Record<string, string>,
  extra: Partial<NonNullable<V1Pod['spec']>> = {},
): V1Pod {
  return {
    metadata: { name },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.invalid/never-pulled:1',
          resources: { requests: resources, limits: resources },
        },
      ],
      ...extra,
    },
  };
}
