import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { useEffect, useState } from 'react';
import { optionsErrorMessage } from '../NotebookForm/optionsError';
import {
  confOf,
  keyChoices,
  keyIssue,
  rowsOf,
  sameConf,
  valueIssue,
  type ConfRow,
} from './confRows';
import type { SparkConfEditorProps } from './schemas';
import { useSparkOptions } from './useSparkOptions';

/**
 * Spark conf entries of a job or cluster (`ui:field: SparkConfEditor`):
 * rows of a key, picked from the keys the platform allows, and a value.
 * When the allowed keys cannot be read, keys are typed (the backend checks
 * them on creation).
 */
export function SparkConfEditor(props: SparkConfEditorProps) {
  const {
    onChange,
    formData,
    required,
    rawErrors = [],
    errors,
    idSchema,
    uiSchema,
    schema: { title = 'Spark conf', description },
  } = props;
  const { value: options, loading, error } = useSparkOptions();
  const id = idSchema?.$id ?? 'spark-conf';
  const disabled = props.disabled || props.readonly;
  const [rows, setRows] = useState<ConfRow[]>(() => rowsOf(formData));

  // A value given to the form from elsewhere replaces the rows.
  useEffect(() => {
    if (!sameConf(formData, confOf(rows))) {
      setRows(rowsOf(formData));
    }
    // only when the value changes, not while a row has no key yet
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formData]);

  const change = (next: ConfRow[]) => {
    setRows(next);
    const conf = confOf(next);
    if (!sameConf(formData, conf)) {
      onChange(conf);
    }
  };
  const allowedKeys = options?.allowedConfKeys;

  let body;
  if (loading) {
    body = (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <CircularProgress size={20} aria-label="Loading" />
        <Typography variant="body2">
          Reading the Spark conf keys the platform allows…
        </Typography>
      </Box>
    );
  } else {
    body = (
      <>
        {(error || !options) && (
          <Typography variant="body2" color="error">
            Could not read the Spark conf keys the platform allows:{' '}
            {error ? optionsErrorMessage(error) : 'no answer'}. Type the keys;
            the backend checks them when the job is created.
          </Typography>
        )}
        {allowedKeys?.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            The platform allows no Spark conf keys
            (mlPlatform.spark.allowedConfKeys).
          </Typography>
        )}
        {rows.map((row, index) => (
          <ConfRowFields
            key={index}
            id={`${id}-${index}`}
            index={index}
            row={row}
            choices={allowedKeys && keyChoices(allowedKeys, rows, index)}
            allowedKeys={allowedKeys}
            disabled={disabled}
            onChange={next =>
              change(rows.map((r, i) => (i === index ? next : r)))
            }
            onRemove={() => change(rows.filter((_, i) => i !== index))}
          />
        ))}
        <Button
          size="small"
          startIcon={<AddIcon />}
          disabled={
            disabled ||
            rows.some(row => row.key === '') ||
            (allowedKeys !== undefined && rows.length >= allowedKeys.length)
          }
          onClick={() => change([...rows, { key: '', value: '' }])}
        >
          Add a Spark conf entry
        </Button>
      </>
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
      <Typography variant="subtitle1" component="div">
        {title}
      </Typography>
      {body}
    </ScaffolderField>
  );
}

function ConfRowFields(props: {
  id: string;
  index: number;
  row: ConfRow;
  /** The keys the row may pick; undefined when keys are typed. */
  choices: string[] | undefined;
  allowedKeys: string[] | undefined;
  disabled?: boolean;
  onChange: (row: ConfRow) => void;
  onRemove: () => void;
}) {
  const { row, choices, index } = props;
  const badKey = row.key ? keyIssue(row.key, props.allowedKeys) : undefined;
  // An empty value is refused on Next; while one is being typed, only a hint.
  const badValue =
    row.key && row.value ? valueIssue(row.key, row.value) : undefined;
  const keyLabel = `Key ${index + 1}`;
  return (
    <Box display="flex" alignItems="flex-start" style={{ gap: 16 }}>
      {choices ? (
        <TextField
          id={`${props.id}-key`}
          select
          label={keyLabel}
          value={row.key}
          disabled={props.disabled}
          onChange={e => props.onChange({ ...row, key: e.target.value })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          variant="outlined"
          error={badKey !== undefined}
          helperText={badKey}
          style={{ minWidth: 320 }}
        >
          {row.key === '' && <option value="">Pick a key</option>}
          {choices.map(key => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </TextField>
      ) : (
        <TextField
          id={`${props.id}-key`}
          label={keyLabel}
          value={row.key}
          disabled={props.disabled}
          onChange={e => props.onChange({ ...row, key: e.target.value.trim() })}
          margin="dense"
          variant="outlined"
          style={{ minWidth: 320 }}
        />
      )}
      <TextField
        id={`${props.id}-value`}
        label={`Value ${index + 1}`}
        value={row.value}
        disabled={props.disabled}
        onChange={e => props.onChange({ ...row, value: e.target.value })}
        margin="dense"
        variant="outlined"
        error={badValue !== undefined}
        helperText={
          badValue ?? (row.key && !row.value ? 'Give a value' : undefined)
        }
        style={{ flex: 1, minWidth: 200 }}
      />
      <IconButton
        aria-label={`Remove Spark conf entry ${index + 1}`}
        disabled={props.disabled}
        onClick={props.onRemove}
        style={{ marginTop: 8 }}
      >
        <DeleteIcon />
      </IconButton>
    </Box>
  );
}
