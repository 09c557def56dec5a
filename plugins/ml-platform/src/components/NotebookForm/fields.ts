import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { NotebookGpuPicker } from './NotebookGpuPicker';
import { NotebookImagePicker } from './NotebookImagePicker';
import { validateNotebookImage } from './validateNotebookImage';
import {
  NotebookGpuPickerFieldSchema,
  NotebookImagePickerFieldSchema,
} from './schemas';

/** `ui:field: NotebookImagePicker` of the scaffolder. */
export const NotebookImagePickerField = createFormField({
  name: 'NotebookImagePicker',
  component: NotebookImagePicker,
  schema: NotebookImagePickerFieldSchema,
  validation: validateNotebookImage,
});

/** `ui:field: NotebookGpuPicker` of the scaffolder. */
export const NotebookGpuPickerField = createFormField({
  name: 'NotebookGpuPicker',
  component: NotebookGpuPicker,
  schema: NotebookGpuPickerFieldSchema,
});
