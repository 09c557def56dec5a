import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';
import type { SparkTimelineEntry } from '@ml-platform/backstage-plugin-ml-platform-common';
import { formatTimestamp } from '../Mlflow/formatValue';
import { formatRelativeTime } from '../TeamResourceOverview/formatRelativeTime';
import { sortTimeline } from './formatSpark';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  entry: {
    display: 'flex',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 1.5),
    borderLeft: `3px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(0.5),
  },
  warning: {
    borderLeftColor: theme.palette.warning.main,
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(255, 152, 0, 0.12)'
        : 'rgba(255, 152, 0, 0.08)',
  },
  warningIcon: { color: theme.palette.warning.main },
  normalIcon: { color: theme.palette.success.main },
  message: { wordBreak: 'break-word' },
}));

/** One step of the job's history: when, what happened, to what. */
function TimelineEntry({ entry }: { entry: SparkTimelineEntry }) {
  const classes = useStyles();
  const warning = entry.type === 'Warning';
  return (
    <li
      className={`${classes.entry} ${warning ? classes.warning : ''}`}
      data-type={entry.type}
    >
      {warning ? (
        <WarningIcon
          fontSize="small"
          className={classes.warningIcon}
          titleAccess="Warning"
        />
      ) : (
        <CheckCircleOutlineIcon
          fontSize="small"
          className={classes.normalIcon}
          titleAccess="Normal"
        />
      )}
      <div>
        <Typography variant="body2" component="div">
          <strong>{entry.reason}</strong>
          {warning && ' (Warning)'}
        </Typography>
        <Typography variant="body2" component="div" className={classes.message}>
          {entry.message}
        </Typography>
        <Typography variant="caption" color="textSecondary" title={entry.time}>
          {formatRelativeTime(entry.time, Date.now()) ?? entry.time}
          {formatTimestamp(entry.time) && ` · ${formatTimestamp(entry.time)}`}
          {' · '}
          {entry.object}
        </Typography>
      </div>
    </li>
  );
}

/** The job's attempts as the operator's and the scheduler's events tell them, newest last. */
export function SparkTimeline({
  timeline,
}: {
  timeline: SparkTimelineEntry[];
}) {
  const classes = useStyles();
  if (timeline.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events are left of this job (Kubernetes keeps events for about an
        hour).
      </Typography>
    );
  }
  return (
    <ol className={classes.list} aria-label="Timeline">
      {sortTimeline(timeline).map((entry, index) => (
        <TimelineEntry key={`${entry.time}-${index}`} entry={entry} />
      ))}
    </ol>
  );
}
