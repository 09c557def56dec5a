import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';

const LABELS: Record<string, string> = {
  FINISHED: 'Finished',
  RUNNING: 'Running',
  SCHEDULED: 'Scheduled',
  FAILED: 'Failed',
  KILLED: 'Killed',
};

/** An MLflow run status with its colour. */
export function RunStatus({ status }: { status: string }) {
  const label = LABELS[status] ?? status;
  switch (status) {
    case 'FINISHED':
      return <StatusOK>{label}</StatusOK>;
    case 'RUNNING':
      return <StatusRunning>{label}</StatusRunning>;
    case 'SCHEDULED':
      return <StatusPending>{label}</StatusPending>;
    case 'FAILED':
      return <StatusError>{label}</StatusError>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}
