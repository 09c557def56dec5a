import type { z as zod } from 'zod/v3';

/**
 * The `size`, `quota` and `validateOnly` inputs of the namespace operations, shared by the
 * scaffolder actions and the actions registry (both hand in zod v3).
 */

/** @public */
export const sizeInputSchema = (z: typeof zod) =>
  z
    .string()
    .optional()
    .describe(
      'A size preset from app-config (mlPlatform.namespaces.sizes): small, medium or large by default',
    );

/** @public */
export const quotaOverridesSchema = (z: typeof zod) =>
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

/** @public */
export const validateOnlyInputSchema = (z: typeof zod) =>
  z
    .boolean()
    .optional()
    .describe(
      'Check everything (permission, budget, ownership, a server-side dry-run) and store nothing: a step before others that create things elsewhere',
    );
