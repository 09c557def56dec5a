import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';

/** Asks before a change that removes predictors or the deployment. */
export function ConfirmDialog(props: {
  title: string;
  text: string[];
  confirm: string;
  destructive?: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  return (
    <Dialog
      open
      onClose={props.onCancel}
      aria-labelledby="confirm-serving-title"
    >
      <DialogTitle id="confirm-serving-title">{props.title}</DialogTitle>
      <DialogContent>
        {props.text.map((text, index) => (
          <DialogContentText key={index}>{text}</DialogContentText>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color={props.destructive ? 'secondary' : 'primary'}
          variant="contained"
          onClick={props.onConfirm}
        >
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
