import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { PickedColumns } from './runColumns';

function KeyPicker(props: {
  label: string;
  options: string[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  return (
    <Autocomplete
      multiple
      size="small"
      disableCloseOnSelect
      options={props.options}
      value={props.value}
      onChange={(_event, value) => props.onChange(value)}
      style={{ flex: 1, minWidth: 260 }}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={props.label}
          placeholder={props.value.length === 0 ? 'none' : undefined}
        />
      )}
    />
  );
}

/** Which metrics and params the runs table shows as columns. */
export function RunColumnsPicker(props: {
  metricOptions: string[];
  paramOptions: string[];
  value: PickedColumns;
  onChange: (value: PickedColumns) => void;
}) {
  const { value, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16}>
      <KeyPicker
        label="Metric columns"
        options={props.metricOptions}
        value={value.metrics}
        onChange={metrics => onChange({ ...value, metrics })}
      />
      <KeyPicker
        label="Param columns"
        options={props.paramOptions}
        value={value.params}
        onChange={params => onChange({ ...value, params })}
      />
    </Box>
  );
}
