import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** `ui:field: NotebookImagePicker`: a configured image's name, or a custom image reference. */
export const NotebookImagePickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A configured image by name (mlPlatform.notebooks.images), or an image reference when custom images are allowed',
      ),
});

/** `ui:field: NotebookGpuPicker`: how many GPUs, of which vendor some node of the cluster has. */
export const NotebookGpuPickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .object({
        count: z.number().int().min(0).describe('How many GPUs'),
        vendor: z
          .string()
          .optional()
          .describe('A configured GPU vendor some node has, e.g. nvidia'),
      })
      .describe('GPUs of the notebook, at most as many as one node has'),
});

export type NotebookImagePickerProps =
  typeof NotebookImagePickerFieldSchema.TProps;
export type NotebookGpuPickerProps = typeof NotebookGpuPickerFieldSchema.TProps;
