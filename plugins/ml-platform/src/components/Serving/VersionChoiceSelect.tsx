import TextField from '@material-ui/core/TextField';
import type { VersionChoiceOption } from './deployForm';

/** One select of a model's versions (newest first) and its aliases. */
export function VersionChoiceSelect(props: {
  id: string;
  options: VersionChoiceOption[];
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <TextField
      id={props.id}
      select
      label="Version or alias"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      variant="outlined"
      size="small"
      fullWidth
      disabled={props.disabled}
      error={!!props.error}
      helperText={
        props.error ??
        'An alias deploys the version it names now; moving the alias later does not change the deployment.'
      }
    >
      {props.value === '' && <option value="">Choose…</option>}
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
