import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { NotebookOptions } from '@ml-platform/backstage-plugin-ml-platform-common';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useRef } from 'react';
import { findImage, imageHelperText, normalizeImage } from './notebookImages';
import { optionsErrorMessage } from './optionsError';
import type { NotebookImagePickerProps } from './schemas';
import { useNotebookOptions } from './useNotebookOptions';

type ImageInputProps = {
  id: string;
  label: string;
  required?: boolean;
  disabled?: boolean;
  invalid: boolean;
};

/**
 * The image of a notebook (`ui:field: NotebookImagePicker`): one of the
 * images the backend offers, by name (the backend resolves it), or any
 * image reference when custom images are allowed.
 */
export function NotebookImagePicker(props: NotebookImagePickerProps) {
  const {
    onChange,
    formData,
    required,
    rawErrors = [],
    errors,
    idSchema,
    uiSchema,
    schema: { title = 'Image', description },
  } = props;
  const { value: options, loading, error } = useNotebookOptions();
  const input: ImageInputProps = {
    id: idSchema?.$id ?? 'notebook-image',
    label: title,
    required,
    disabled: props.disabled || props.readonly,
    invalid: rawErrors.length > 0,
  };

  // Once the options are known: a reference becomes its image's name, an empty value the first image.
  const normalized = useRef(false);
  useEffect(() => {
    if (options && !normalized.current) {
      normalized.current = true;
      const value = normalizeImage(options, formData);
      if (value !== formData) {
        onChange(value);
      }
    }
  }, [options, formData, onChange]);

  let field;
  if (loading) {
    field = (
      <TextField
        id={input.id}
        label={input.label}
        required={input.required}
        value={formData ?? ''}
        disabled
        margin="dense"
        variant="outlined"
        helperText="Reading the images the platform offers…"
        InputProps={{
          endAdornment: <CircularProgress size={20} aria-label="Loading" />,
        }}
      />
    );
  } else if (error || !options) {
    // The backend checks the image on creation, so the form can go on.
    field = (
      <TextField
        id={input.id}
        label={input.label}
        required={input.required}
        disabled={input.disabled}
        value={formData ?? ''}
        onChange={e => onChange(e.target.value || undefined)}
        margin="dense"
        variant="outlined"
        error
        helperText={`Could not read the images the platform offers: ${
          error ? optionsErrorMessage(error) : 'no answer'
        }`}
      />
    );
  } else {
    field = (
      <ImageAutocomplete
        {...input}
        options={options}
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
      disabled={input.disabled}
      errors={errors}
    >
      {field}
    </ScaffolderField>
  );
}

function ImageAutocomplete(
  props: ImageInputProps & {
    options: NotebookOptions;
    value: string | undefined;
    onChange: (value: string | undefined) => void;
  },
) {
  const { options, value, onChange } = props;
  const freeSolo = options.customImages.allowed;
  const configured = findImage(options.images, value);
  const helper = imageHelperText(options, value);
  // Without custom images, only a configured image can be the value.
  const shown = configured?.name ?? (freeSolo ? value ?? '' : null);

  return (
    <Autocomplete<string, false, false, boolean>
      id={props.id}
      options={options.images.map(image => image.name)}
      value={shown}
      freeSolo={freeSolo}
      disabled={props.disabled}
      onChange={(_event, name) => onChange(name || undefined)}
      onInputChange={(_event, text, reason) => {
        if (freeSolo && reason === 'input') {
          onChange(text || undefined);
        }
      }}
      renderOption={name => (
        <div>
          <Typography variant="body2">{name}</Typography>
          <Typography variant="caption" color="textSecondary">
            {findImage(options.images, name)?.image}
          </Typography>
        </div>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          required={props.required}
          margin="dense"
          variant="outlined"
          error={helper.error || props.invalid}
          helperText={helper.text}
        />
      )}
    />
  );
}
