import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ComponentType, ReactNode } from 'react';
import type { StateDisplay, StatusTone } from './sparkStates';

const STATUS_BY_TONE: Record<
  StatusTone,
  ComponentType<{ children?: ReactNode }>
> = {
  ok: StatusOK,
  running: StatusRunning,
  pending: StatusPending,
  warning: StatusWarning,
  error: StatusError,
  aborted: StatusAborted,
};

/** A Spark workload's state with its colour, and why it is in it below. */
export function SparkStatus(props: {
  display: StateDisplay;
  reason?: string;
  /** The state as the operator writes it, as tooltip. */
  raw?: string;
}) {
  const Status = STATUS_BY_TONE[props.display.tone] ?? StatusAborted;
  return (
    <>
      <Typography
        variant="body2"
        component="span"
        display="block"
        style={{ whiteSpace: 'nowrap' }}
        title={props.raw}
      >
        <Status>{props.display.label}</Status>
      </Typography>
      {props.reason && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          title={props.reason}
          // four lines at most in a table; the whole reason is the tooltip and in the details
          style={{
            wordBreak: 'break-word',
            display: '-webkit-box',
            WebkitLineClamp: 4,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
        >
          {props.reason}
        </Typography>
      )}
    </>
  );
}
