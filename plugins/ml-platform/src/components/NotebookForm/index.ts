export { NotebookGpuPickerField, NotebookImagePickerField } from './fields';
