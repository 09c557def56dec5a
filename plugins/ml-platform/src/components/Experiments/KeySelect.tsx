import TextField from '@material-ui/core/TextField';

/** A native select of a metric or param key, labelled for screen readers and tests. */
export function KeySelect(props: {
  /** Unique on the page: it ties the label to the select. */
  id: string;
  label: string;
  options: string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id={props.id}
      select
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      variant="outlined"
      size="small"
      style={{ minWidth: 220 }}
    >
      {props.options.map(key => (
        <option key={key} value={key}>
          {key}
        </option>
      ))}
    </TextField>
  );
}
