import type { JsonObject } from '@backstage/types';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReviewState } from '@backstage/plugin-scaffolder-react/alpha';
import { screen } from '@testing-library/react';
// The templates are files of the repository, not of a package; the jest YAML
// transform of backstage-cli parses them.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import clusterTemplateYaml from '../../../../../templates/spark-cluster/template.yaml';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import jobTemplateYaml from '../../../../../templates/spark-job/template.yaml';
import { CONCURRENCY_POLICY_LABELS } from './schedulePreview';
import {
  SparkConfEditorField,
  SparkSchedulePickerField,
  SparkVersionPickerField,
} from './fields';

/** The templates as the catalog reads them. */
type Template = { spec: { parameters: JsonObject[] } };
const jobTemplate = jobTemplateYaml as unknown as Template;
const clusterTemplate = clusterTemplateYaml as unknown as Template;

/** Every `ui:field` a template names, wherever it is in its parameters. */
function uiFields(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(uiFields);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'ui:field' ? [String(inner)] : uiFields(inner),
    );
  }
  return [];
}

/** The rows of the review step, as the scaffolder's Stepper renders them for these steps. */
function reviewRows(template: Template, formState: JsonObject) {
  // useTemplateSchema gives ReviewState each step's parameters as mergedSchema
  const schemas = template.spec.parameters.map(step => ({
    title: String(step.title),
    mergedSchema: structuredClone(step),
    schema: {},
    uiSchema: {},
  }));
  renderInTestApp(<ReviewState schemas={schemas} formState={formState} />);
  return screen
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('td,th')).map(cell => cell.textContent),
    );
}

const nextRuns = [
  '2026-12-01T01:00:00.000Z',
  '2026-12-02T01:00:00.000Z',
  '2026-12-03T01:00:00.000Z',
];

describe('the Spark templates', () => {
  it('name only the fields this plugin registers, besides the stock ones', () => {
    const ours = [
      SparkVersionPickerField,
      SparkSchedulePickerField,
      SparkConfEditorField,
    ].map(field => (field as unknown as { name: string }).name);
    expect(ours).toEqual([
      'SparkVersionPicker',
      'SparkSchedulePicker',
      'SparkConfEditor',
    ]);
    expect(uiFields(jobTemplate.spec.parameters)).toEqual([
      'EntityPicker',
      'SparkVersionPicker',
      'SparkConfEditor',
      'SparkSchedulePicker',
    ]);
    expect(uiFields(clusterTemplate.spec.parameters)).toEqual([
      'EntityPicker',
      'SparkVersionPicker',
      'SparkConfEditor',
    ]);
  });

  it('call the concurrency policies in the review what the field calls them', () => {
    const schedule = jobTemplate.spec.parameters.find(
      step => step.title === 'Schedule',
    ) as any;
    const policy = schedule.properties.schedule.properties.concurrencyPolicy;
    expect(policy.enum).toEqual(Object.keys(CONCURRENCY_POLICY_LABELS));
    expect(policy.enumNames).toEqual(Object.values(CONCURRENCY_POLICY_LABELS));
  });

  it('review a scheduled job with a row for each part of the schedule and its next runs', () => {
    const rows = reviewRows(jobTemplate, {
      name: 'nightly-etl',
      type: 'Python',
      sparkVersion: '4.0.1',
      sparkConf: { 'spark.sql.shuffle.partitions': '64' },
      scheduled: true,
      schedule: {
        cron: '0 2 * * *',
        timeZone: 'Europe/Berlin',
        concurrencyPolicy: 'Forbid',
        nextRuns,
      },
    });

    expect(rows).toEqual(
      expect.arrayContaining([
        ['Cron schedule', '0 2 * * *'],
        ['Time zone', 'Europe/Berlin'],
        ['Concurrency policy', 'Forbid (no new run while the last one runs)'],
        ['Next runs (UTC)', nextRuns.join('')],
        ['Spark conf (optional)', 'spark.sql.shuffle.partitions: 64'],
      ]),
    );
    expect(
      screen.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual(expect.arrayContaining(nextRuns));
    expect(rows.map(row => row[0])).not.toContain('Schedule');
  });

  it('review an unscheduled job without schedule rows', () => {
    const rows = reviewRows(jobTemplate, {
      name: 'once',
      scheduled: false,
      // what SparkSchedulePicker holds while "Run on a schedule" is off
      schedule: {},
    });

    expect(rows.map(row => row[0])).toEqual(['Name', 'Run on a schedule']);
  });
});
