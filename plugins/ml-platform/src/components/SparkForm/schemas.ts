import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { SPARK_CONCURRENCY_POLICIES } from '@ml-platform/backstage-plugin-ml-platform-common';

/** `ui:field: SparkVersionPicker`: a configured Spark version. */
export const SparkVersionPickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe('A configured Spark version (mlPlatform.spark.versions)'),
});

/**
 * `ui:field: SparkSchedulePicker`: a cron schedule in a time zone, with the
 * next runs it makes; `{}` while the boolean named by `scheduledBy` is off.
 */
export const SparkSchedulePickerFieldSchema = makeFieldSchema({
  output: z =>
    z
      .object({
        cron: z
          .string()
          .describe('Five cron fields or a descriptor such as @daily'),
        timeZone: z
          .string()
          .optional()
          .describe('The IANA time zone the cron is read in'),
        concurrencyPolicy: z
          .enum(SPARK_CONCURRENCY_POLICIES)
          .optional()
          .describe('What a due run does while the last one still runs'),
        nextRuns: z
          .array(z.string())
          .optional()
          .describe('ISO timestamps of the next three runs (a preview)'),
      })
      .partial()
      .describe('The schedule of a Spark job'),
  uiOptions: z =>
    z.object({
      scheduledBy: z
        .string()
        .optional()
        .describe(
          'The boolean property that turns the schedule on; while it is off the field shows nothing and holds {}',
        ),
    }),
});

/** `ui:field: SparkConfEditor`: Spark conf entries of allowed keys. */
export const SparkConfEditorFieldSchema = makeFieldSchema({
  output: z =>
    z
      .record(z.string(), z.string())
      .describe(
        'Spark conf entries; only the keys of mlPlatform.spark.allowedConfKeys',
      ),
});

export type SparkVersionPickerProps =
  typeof SparkVersionPickerFieldSchema.TProps;
export type SparkSchedulePickerProps =
  typeof SparkSchedulePickerFieldSchema.TProps;
export type SparkConfEditorProps = typeof SparkConfEditorFieldSchema.TProps;
