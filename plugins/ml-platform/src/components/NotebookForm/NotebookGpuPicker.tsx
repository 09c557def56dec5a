import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { GpuOption } from '@ml-platform/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import {
  chosenGpu,
  gpuCounts,
  gpuHelperText,
  normalizeGpu,
  sameGpu,
  type NotebookGpuValue,
} from './notebookGpus';
import { optionsErrorMessage } from './optionsError';
import type { NotebookGpuPickerProps } from './schemas';
import { useNotebookOptions } from './useNotebookOptions';

/** The field while it cannot offer GPUs: loading, failed, or a cluster without them. */
function UnavailableGpus(props: {
  id: string;
  label: string;
  helperText: string;
  loading?: boolean;
  error?: boolean;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.loading ? '' : '0'}
      disabled
      margin="dense"
      variant="outlined"
      error={props.error}
      helperText={props.helperText}
      InputProps={
        props.loading
          ? {
              endAdornment: <CircularProgress size={20} aria-label="Loading" />,
            }
          : undefined
      }
    />
  );
}

function GpuSelects(props: {
  id: string;
  label: string;
  gpus: GpuOption[];
  value: NotebookGpuValue;
  disabled?: boolean;
  invalid: boolean;
  onChange: (value: NotebookGpuValue) => void;
}) {
  const { gpus, value, onChange } = props;
  const gpu = chosenGpu(gpus, value)!;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {gpus.length > 1 && (
        <TextField
          id={`${props.id}-vendor`}
          select
          label="GPU vendor"
          value={gpu.vendor}
          disabled={props.disabled}
          onChange={e =>
            onChange(
              normalizeGpu(gpus, {
                count: value.count,
                vendor: e.target.value,
              }),
            )
          }
          SelectProps={{ native: true }}
          margin="dense"
          variant="outlined"
          style={{ minWidth: 180 }}
        >
          {gpus.map(option => (
            <option key={option.vendor} value={option.vendor}>
              {option.vendor}
            </option>
          ))}
        </TextField>
      )}
      <TextField
        id={`${props.id}-count`}
        select
        label={props.label}
        value={String(value.count)}
        disabled={props.disabled}
        onChange={e =>
          onChange(
            normalizeGpu(gpus, {
              count: Number(e.target.value),
              vendor: gpu.vendor,
            }),
          )
        }
        SelectProps={{ native: true }}
        margin="dense"
        variant="outlined"
        error={props.invalid}
        helperText={gpuHelperText(gpu)}
        style={{ minWidth: 180 }}
      >
        {gpuCounts(gpu.maxPerNode).map(count => (
          <option key={count} value={String(count)}>
            {count}
          </option>
        ))}
      </TextField>
    </Box>
  );
}

/**
 * The GPUs of a notebook (`ui:field: NotebookGpuPicker`): only vendors some
 * node of the cluster has, at most as many as one node has; `{ count: 0 }`
 * when no node has any.
 */
export function NotebookGpuPicker(props: NotebookGpuPickerProps) {
  const {
    onChange,
    formData,
    required,
    rawErrors = [],
    errors,
    idSchema,
    uiSchema,
    schema: { title = 'GPUs', description },
  } = props;
  const { value: options, loading, error } = useNotebookOptions();
  const id = idSchema?.$id ?? 'notebook-gpu';
  const disabled = props.disabled || props.readonly;
  const gpus = options?.gpus;
  const value = gpus ? normalizeGpu(gpus, formData) : undefined;

  useEffect(() => {
    if (value && !sameGpu(formData, value)) {
      onChange(value);
    }
  }, [value, formData, onChange]);

  let field;
  if (loading) {
    field = (
      <UnavailableGpus
        id={id}
        label={title}
        loading
        helperText="Reading which GPUs the cluster's nodes have…"
      />
    );
  } else if (error || !gpus || !value) {
    field = (
      <UnavailableGpus
        id={id}
        label={title}
        error
        helperText={`Could not read which GPUs the cluster's nodes have: ${
          error ? optionsErrorMessage(error) : 'no answer'
        }`}
      />
    );
  } else if (gpus.length === 0) {
    field = (
      <UnavailableGpus
        id={id}
        label={title}
        helperText="No node of this cluster has GPUs"
      />
    );
  } else {
    field = (
      <GpuSelects
        id={id}
        label={title}
        gpus={gpus}
        value={value}
        disabled={disabled}
        invalid={rawErrors.length > 0}
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
