import { StatusError, StatusWarning } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  QuotaLevel,
  QuotaUsage,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import {
  formatQuotaUsage,
  quotaLabel,
  quotaLevelMessage,
  quotaPercent,
} from './formatQuota';

const useStyles = makeStyles(theme => ({
  line: {
    marginBottom: theme.spacing(2),
  },
  heading: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  track: {
    height: 8,
    borderRadius: 4,
    backgroundColor: theme.palette.action.hover,
  },
  ok: { backgroundColor: theme.palette.status.ok },
  warning: { backgroundColor: theme.palette.status.warning },
  exceeded: { backgroundColor: theme.palette.status.error },
}));

function LevelMessage(props: { level: QuotaLevel; message?: string }) {
  if (!props.message) {
    return null;
  }
  return (
    <Typography variant="body2">
      {props.level === 'exceeded' ? (
        <StatusError>{props.message}</StatusError>
      ) : (
        <StatusWarning>{props.message}</StatusWarning>
      )}
    </Typography>
  );
}

function QuotaBar({ quota }: { quota: QuotaUsage }) {
  const classes = useStyles();
  const label = quotaLabel(quota.resource);
  const percent = quotaPercent(quota);
  return (
    <Box className={classes.line}>
      <Box className={classes.heading}>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2">{formatQuotaUsage(quota)}</Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={Math.min(percent, 100)}
        aria-label={`${label} quota`}
        aria-valuetext={`${formatQuotaUsage(quota)} (${percent} %)`}
        classes={{ root: classes.track, bar: classes[quota.level] }}
      />
      <LevelMessage level={quota.level} message={quotaLevelMessage(quota)} />
    </Box>
  );
}

/** One bar per quota line of a namespace: used against hard. */
export function QuotaBars({ quotas }: { quotas: QuotaUsage[] }) {
  if (quotas.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        This namespace has no resource quota.
      </Typography>
    );
  }
  return (
    <>
      {quotas.map(quota => (
        <QuotaBar key={quota.key} quota={quota} />
      ))}
    </>
  );
}
