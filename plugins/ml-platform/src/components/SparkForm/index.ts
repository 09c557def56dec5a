export {
  SparkConfEditorField,
  SparkSchedulePickerField,
  SparkVersionPickerField,
} from './fields';
