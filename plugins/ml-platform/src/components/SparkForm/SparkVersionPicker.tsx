import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { SparkVersionOption } from '@ml-platform/backstage-plugin-ml-platform-common';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import { useEffect, useRef } from 'react';
import { optionsErrorMessage } from '../NotebookForm/optionsError';
import type { SparkVersionPickerProps } from './schemas';
import {
  findVersion,
  normalizeVersion,
  versionHelperText,
  versionLabel,
} from './sparkVersions';
import { useSparkOptions } from './useSparkOptions';

/**
 * The Spark version of a job or cluster (`ui:field: SparkVersionPicker`):
 * one of the versions the backend offers, each shown with its image.
 */
export function SparkVersionPicker(props: SparkVersionPickerProps) {
  const {
    onChange,
    formData,
    required,
    rawErrors = [],
    errors,
    idSchema,
    uiSchema,
    schema: { title = 'Spark version', description },
  } = props;
  const { value: options, loading, error } = useSparkOptions();
  const id = idSchema?.$id ?? 'spark-version';
  const disabled = props.disabled || props.readonly;

  // Once the versions are known, an empty value becomes the first version.
  const normalized = useRef(false);
  useEffect(() => {
    if (options && !normalized.current) {
      normalized.current = true;
      const value = normalizeVersion(options.versions, formData);
      if (value !== formData) {
        onChange(value);
      }
    }
  }, [options, formData, onChange]);

  let field;
  if (loading) {
    field = (
      <TextField
        id={id}
        label={title}
        required={required}
        value={formData ?? ''}
        disabled
        margin="dense"
        variant="outlined"
        helperText="Reading the Spark versions the platform offers…"
        InputProps={{
          endAdornment: <CircularProgress size={20} aria-label="Loading" />,
        }}
      />
    );
  } else if (error || !options) {
    // The backend checks the version on creation, so the form can go on.
    field = (
      <TextField
        id={id}
        label={title}
        required={required}
        disabled={disabled}
        value={formData ?? ''}
        onChange={e => onChange(e.target.value || undefined)}
        margin="dense"
        variant="outlined"
        error
        helperText={`Could not read the Spark versions the platform offers: ${
          error ? optionsErrorMessage(error) : 'no answer'
        }`}
      />
    );
  } else {
    field = (
      <VersionSelect
        id={id}
        label={title}
        required={required}
        disabled={disabled}
        invalid={rawErrors.length > 0}
        versions={options.versions}
        value={formData}
        onChange={onChange}
      />
    );
  }

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema?.['ui:description'] ?? description}
      required={required}
      disabled={disabled}
      errors={errors}
    >
      {field}
    </ScaffolderField>
  );
}

function VersionSelect(props: {
  id: string;
  label: string;
  required?: boolean;
  disabled?: boolean;
  invalid: boolean;
  versions: SparkVersionOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { versions, value } = props;
  const helper = versionHelperText(versions, value);
  // A value the platform does not offer stays visible, with the reason below.
  const unknown = value && !findVersion(versions, value) ? value : undefined;
  return (
    <TextField
      id={props.id}
      select
      label={props.label}
      required={props.required}
      value={value ?? ''}
      disabled={props.disabled || versions.length === 0}
      onChange={e => props.onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      margin="dense"
      variant="outlined"
      error={helper.error || props.invalid}
      helperText={helper.text}
      style={{ minWidth: 320 }}
    >
      {unknown && <option value={unknown}>{unknown} (not offered)</option>}
      {!value && <option value="" aria-label="No version" />}
      {versions.map(option => (
        <option key={option.version} value={option.version}>
          {versionLabel(option)}
        </option>
      ))}
    </TextField>
  );
}
