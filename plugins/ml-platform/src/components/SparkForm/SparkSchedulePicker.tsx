import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  SPARK_CONCURRENCY_POLICIES,
  type SparkConcurrencyPolicy,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useRef } from 'react';
import {
  browserTimeZone,
  CONCURRENCY_POLICY_LABELS,
  describeRun,
  isEmptySchedule,
  isScheduleOn,
  normalizeSchedule,
  sameSchedule,
  scheduleProblem,
  timeZoneOptions,
  type SparkScheduleValue,
} from './schedulePreview';
import type { SparkSchedulePickerProps } from './schemas';

const CRON_HELP =
  'Minute hour day-of-month month day-of-week, e.g. "0 2 * * *" (02:00 every day) or "*/30 * * * 1-5"; or @hourly, @daily, @weekly, @monthly, @yearly';

/**
 * The schedule of a Spark job (`ui:field: SparkSchedulePicker`): a cron
 * expression, the time zone it is read in (the browser's by default) and
 * what a due run does while the last one runs, with the next three run
 * times, which it writes into its value as `nextRuns` for the review. With
 * `ui:options.scheduledBy`, it shows only while that boolean of the form is
 * on, and holds `{}` while it is off.
 */
export function SparkSchedulePicker(props: SparkSchedulePickerProps) {
  const {
    onChange,
    formData,
    required,
    rawErrors = [],
    errors,
    idSchema,
    uiSchema,
    formContext,
    schema: { description },
  } = props;
  const id = idSchema?.$id ?? 'spark-schedule';
  const disabled = props.disabled || props.readonly;
  const on = isScheduleOn(
    formContext?.formData,
    uiSchema?.['ui:options']?.scheduledBy,
  );
  const empty = isEmptySchedule(formData);
  // The schedule last shown, to come back when it is turned off and on again.
  const last = useRef<SparkScheduleValue | undefined>(undefined);
  const value = on
    ? normalizeSchedule(empty ? last.current : formData, {
        timeZone: browserTimeZone(),
      })
    : undefined;

  useEffect(() => {
    if (value) {
      last.current = value;
      if (!sameSchedule(formData, value)) {
        onChange(value);
      }
    } else if (!empty) {
      onChange({});
    }
  }, [value, empty, formData, onChange]);

  if (!value) {
    return null;
  }
  const problem = scheduleProblem(value.cron, value.timeZone);
  const update = (change: Partial<SparkScheduleValue>) =>
    onChange(normalizeSchedule({ ...value, ...change }, { timeZone: 'UTC' }));

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema?.['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <TextField
          id={`${id}-cron`}
          label="Cron schedule"
          required
          value={value.cron}
          disabled={disabled}
          onChange={e => update({ cron: e.target.value })}
          margin="dense"
          variant="outlined"
          error={problem?.field === 'cron' || rawErrors.length > 0}
          helperText={problem?.field === 'cron' ? problem.message : CRON_HELP}
          style={{ minWidth: 260, flex: 1 }}
        />
        <Autocomplete<string, false, true, false>
          id={`${id}-time-zone`}
          options={timeZoneOptions(value.timeZone)}
          value={value.timeZone ?? 'UTC'}
          disableClearable
          disabled={disabled}
          onChange={(_event, timeZone) => update({ timeZone })}
          style={{ minWidth: 260 }}
          renderInput={params => (
            <TextField
              {...params}
              label="Time zone"
              margin="dense"
              variant="outlined"
              error={problem?.field === 'timeZone'}
              helperText={
                problem?.field === 'timeZone'
                  ? problem.message
                  : 'The cron is read in this zone, daylight saving time included'
              }
            />
          )}
        />
        <TextField
          id={`${id}-concurrency-policy`}
          select
          label="Concurrency policy"
          value={value.concurrencyPolicy}
          disabled={disabled}
          onChange={e =>
            update({
              concurrencyPolicy: e.target.value as SparkConcurrencyPolicy,
            })
          }
          SelectProps={{ native: true }}
          margin="dense"
          variant="outlined"
          helperText="When a run is due while the last one still runs"
          style={{ minWidth: 260 }}
        >
          {SPARK_CONCURRENCY_POLICIES.map(policy => (
            <option key={policy} value={policy}>
              {CONCURRENCY_POLICY_LABELS[policy]}
            </option>
          ))}
        </TextField>
      </Box>
      <NextRuns value={value} problem={problem?.message} />
    </ScaffolderField>
  );
}

function NextRuns(props: { value: SparkScheduleValue; problem?: string }) {
  const { value, problem } = props;
  if (problem) {
    return (
      <Typography variant="body2" color="error" role="alert">
        No runs: {problem}
      </Typography>
    );
  }
  const now = Date.now();
  return (
    <Box mt={1} data-testid="spark-schedule-next-runs">
      <Typography variant="subtitle2">
        Next runs ({value.timeZone ?? 'UTC'})
      </Typography>
      <ul style={{ margin: 0 }}>
        {(value.nextRuns ?? []).map(run => {
          const { when, relative } = describeRun(run, value.timeZone, now);
          return (
            <li key={run}>
              <Typography variant="body2" component="span">
                {when}
              </Typography>{' '}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                ({relative})
              </Typography>
            </li>
          );
        })}
      </ul>
    </Box>
  );
}
