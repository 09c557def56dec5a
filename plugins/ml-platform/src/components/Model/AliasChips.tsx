import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';

/** Aliases as chips, e.g. "champion" or, with versions, "champion → v2". */
export function AliasChips(props: {
  aliases: { alias: string; version?: string }[];
  emptyText?: string;
}) {
  if (props.aliases.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'none'}
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {props.aliases.map(({ alias, version }) => (
        <Chip
          key={alias}
          size="small"
          color="primary"
          variant="outlined"
          label={version ? `${alias} → v${version}` : alias}
          data-testid={`alias-${alias}`}
          style={{ margin: 0 }}
        />
      ))}
    </Box>
  );
}
