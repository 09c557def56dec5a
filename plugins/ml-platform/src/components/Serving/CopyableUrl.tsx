import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A URL on one line (the whole in its tooltip) with a copy button. */
export function CopyableUrl(props: {
  url: string | undefined;
  /** Names the URL for the copy button, e.g. "prediction URL of scorer". */
  label: string;
  /** What to say when there is no URL. */
  missing?: string;
  maxWidth?: number;
}) {
  if (!props.url) {
    return (
      <Typography variant="caption" color="textSecondary">
        {props.missing ?? '—'}
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      gridGap={4}
      maxWidth={props.maxWidth ?? 320}
    >
      <Typography
        variant="caption"
        component="code"
        noWrap
        title={props.url}
        style={{ fontFamily: 'monospace', minWidth: 0 }}
      >
        {props.url}
      </Typography>
      <CopyTextButton
        text={props.url}
        tooltipText="Copied"
        aria-label={`Copy the ${props.label}`}
      />
    </Box>
  );
}
