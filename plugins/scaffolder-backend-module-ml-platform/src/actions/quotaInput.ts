import type { z as zod } from 'zod/v3';

/** The `size` and `quota` inputs shared by both namespace actions. */
export const sizeInput = (z: typeof zod) =>
  z
    .string()
    .optional()
    .describe(
      'A size preset from app-config (mlPlatform.namespaces.sizes): small, medium or large by default',
    );

export const quotaInput = (z: typeof zod) =>
  z
    .object({
      cpu: z.union([z.string(), z.number()]).optional(),
      cpuLimit: z.union([z.string(), z.number()]).optional(),
      memory: z.string().optional(),
      memoryLimit: z.string().optional(),
      gpu: z.union([z.number(), z.string()]).optional(),
      storage: z.string().optional(),
      persistentVolumeClaims: z.union([z.number(), z.string()]).optional(),
      pods: z.union([z.number(), z.string()]).optional(),
    })
    .optional()
    .describe(
      "Explicit quota values (Kubernetes quantities); each overrides the size preset's, within the admin-configured maxima",
    );
