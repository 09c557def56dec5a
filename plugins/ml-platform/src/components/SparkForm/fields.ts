import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { SparkConfEditor } from './SparkConfEditor';
import { SparkSchedulePicker } from './SparkSchedulePicker';
import { SparkVersionPicker } from './SparkVersionPicker';
import {
  SparkConfEditorFieldSchema,
  SparkSchedulePickerFieldSchema,
  SparkVersionPickerFieldSchema,
} from './schemas';
import {
  validateSparkConf,
  validateSparkSchedule,
  validateSparkVersion,
} from './validation';

/** `ui:field: SparkVersionPicker` of the scaffolder. */
export const SparkVersionPickerField = createFormField({
  name: 'SparkVersionPicker',
  component: SparkVersionPicker,
  schema: SparkVersionPickerFieldSchema,
  validation: validateSparkVersion,
});

/** `ui:field: SparkSchedulePicker` of the scaffolder. */
export const SparkSchedulePickerField = createFormField({
  name: 'SparkSchedulePicker',
  component: SparkSchedulePicker,
  schema: SparkSchedulePickerFieldSchema,
  validation: validateSparkSchedule,
});

/** `ui:field: SparkConfEditor` of the scaffolder. */
export const SparkConfEditorField = createFormField({
  name: 'SparkConfEditor',
  component: SparkConfEditor,
  schema: SparkConfEditorFieldSchema,
  validation: validateSparkConf,
});
