import Button from '@material-ui/core/Button';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';

export const DEPLOY_BUTTON_LABEL = 'Deploy this version';

/** The button that opens the deploy dialog. */
export function DeployButton(props: {
  onClick(): void;
  size?: 'small' | 'medium';
  variant?: 'contained' | 'outlined' | 'text';
}) {
  return (
    <Button
      variant={props.variant ?? 'contained'}
      color="primary"
      size={props.size}
      startIcon={<CloudUploadIcon fontSize="small" />}
      onClick={props.onClick}
      style={{ whiteSpace: 'nowrap' }}
    >
      {DEPLOY_BUTTON_LABEL}
    </Button>
  );
}
