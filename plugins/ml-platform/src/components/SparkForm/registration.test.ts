import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  mlPlatformPlugin,
  sparkConfEditorFormField,
  sparkSchedulePickerFormField,
  sparkVersionPickerFormField,
} from '../../plugin';

const formFieldsInput = {
  id: 'api:scaffolder/form-fields',
  input: 'formFields',
};
// The field's name is what `ui:field` names in the templates.
const nameOf = async (loader: () => Promise<unknown>) =>
  ((await loader()) as { name: string }).name;

describe('the Spark form fields', () => {
  it('are extensions of the plugin', () => {
    for (const id of [
      'scaffolder-form-field:ml-platform/spark-version-picker',
      'scaffolder-form-field:ml-platform/spark-schedule-picker',
      'scaffolder-form-field:ml-platform/spark-conf-editor',
    ] as const) {
      expect(mlPlatformPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('are given to the scaffolder under the names the templates use', async () => {
    const version = createExtensionTester(sparkVersionPickerFormField);
    expect(
      version.query(sparkVersionPickerFormField).node.spec.attachTo,
    ).toEqual(formFieldsInput);
    expect(
      await nameOf(version.get(FormFieldBlueprint.dataRefs.formFieldLoader)),
    ).toBe('SparkVersionPicker');

    const schedule = createExtensionTester(sparkSchedulePickerFormField);
    expect(
      schedule.query(sparkSchedulePickerFormField).node.spec.attachTo,
    ).toEqual(formFieldsInput);
    expect(
      await nameOf(schedule.get(FormFieldBlueprint.dataRefs.formFieldLoader)),
    ).toBe('SparkSchedulePicker');

    const conf = createExtensionTester(sparkConfEditorFormField);
    expect(conf.query(sparkConfEditorFormField).node.spec.attachTo).toEqual(
      formFieldsInput,
    );
    expect(
      await nameOf(conf.get(FormFieldBlueprint.dataRefs.formFieldLoader)),
    ).toBe('SparkConfEditor');
  });
});
