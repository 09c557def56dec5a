import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { WorkloadState } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ComponentType, ReactNode } from 'react';

const STATUS_BY_STATE: Record<
  WorkloadState,
  ComponentType<{ children?: ReactNode }>
> = {
  Running: StatusOK,
  Starting: StatusPending,
  Pending: StatusPending,
  Stopping: StatusPending,
  Failed: StatusError,
  Stopped: StatusAborted,
  Culled: StatusAborted,
};

/** A notebook's state with its colour, and why it is in it below. */
export function NotebookStatus(props: {
  state: WorkloadState;
  reason?: string;
}) {
  const Status = STATUS_BY_STATE[props.state] ?? StatusAborted;
  return (
    <>
      <Typography
        variant="body2"
        component="span"
        display="block"
        style={{ whiteSpace: 'nowrap' }}
      >
        <Status>{props.state}</Status>
      </Typography>
      {props.reason && (
        <Typography variant="caption" color="textSecondary" display="block">
          {props.reason}
        </Typography>
      )}
    </>
  );
}
