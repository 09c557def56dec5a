import Typography from '@material-ui/core/Typography';
import { formatRelativeTime } from '../TeamResourceOverview/formatRelativeTime';
import { formatTimestamp } from './formatValue';

/** How long ago, with the local date and time below it (and as tooltip). */
export function TimestampCell({ iso }: { iso?: string }) {
  const absolute = formatTimestamp(iso);
  if (!absolute) {
    return (
      <Typography variant="body2" color="textSecondary">
        unknown
      </Typography>
    );
  }
  return (
    <span title={iso}>
      <Typography variant="body2" component="span" display="block">
        {formatRelativeTime(iso, Date.now())}
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        {absolute}
      </Typography>
    </span>
  );
}
