import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import type { SparkWorkloadKind } from '../../api/MlPlatformClient';
import { describeTarget, type SparkTarget } from './sparkActions';

/** What deleting each kind does, in plain words. */
function consequence(kind: SparkWorkloadKind, target: SparkTarget): string {
  const { name, namespace } = target;
  switch (kind) {
    case 'jobs':
      return `The SparkApplication ${name} in ${namespace} is removed with its driver and executor pods; if it still runs, it stops. Its logs go with the pods.`;
    case 'schedules':
      return `The schedule ${name} in ${namespace} is removed and makes no more runs; the runs it made are owned by it and go with it.`;
    default:
      return `The Spark cluster ${name} in ${namespace} is removed with its server and executors; sessions connected to it end.`;
  }
}

/** Asks before deleting a Spark job, schedule or cluster. */
export function DeleteSparkDialog(props: {
  kind: SparkWorkloadKind;
  target: SparkTarget;
  onCancel(): void;
  onConfirm(kind: SparkWorkloadKind, target: SparkTarget): void;
}) {
  const { kind, target, onCancel, onConfirm } = props;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="delete-spark-title">
      <DialogTitle id="delete-spark-title">
        Delete {describeTarget(kind, target)}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{consequence(kind, target)}</DialogContentText>
        <DialogContentText>This cannot be undone.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          onClick={() => onConfirm(kind, target)}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
