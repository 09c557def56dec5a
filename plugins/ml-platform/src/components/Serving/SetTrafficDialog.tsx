import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import InputAdornment from '@material-ui/core/InputAdornment';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ModelDeploymentSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { type CallOutcome, DeploymentOutcome } from './DeploymentOutcome';
import {
  backendMessage,
  describeChange,
  initialTrafficShares,
  servingPredictors,
  trafficIssue,
  trafficRequest,
  type TrafficShares,
} from './servingActions';

/**
 * One share per predictor that takes traffic (the shadow takes none),
 * checked to add up to 100 before the backend sees them.
 */
export function SetTrafficDialog(props: {
  deployment: ModelDeploymentSummary;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { deployment, onClose } = props;
  const api = useApi(mlPlatformApiRef);
  const predictors = servingPredictors(deployment);
  const [shares, setShares] = useState<TrafficShares>(() =>
    initialTrafficShares(deployment),
  );
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<CallOutcome>();
  const issue = trafficIssue(shares);

  const save = async () => {
    setRunning(true);
    setOutcome(undefined);
    try {
      const traffic = trafficRequest(shares);
      const result = await api.setTraffic(
        deployment.namespace,
        deployment.name,
        traffic,
      );
      props.onDone(
        describeChange(
          `Set the traffic of ${deployment.name}: ${Object.entries(traffic)
            .map(([name, share]) => `${name} ${share} %`)
            .join(', ')}.`,
          result,
        ),
      );
    } catch (error) {
      setOutcome({ kind: 'error', message: backendMessage(error as Error) });
      setRunning(false);
    }
  };

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="set-traffic-title"
    >
      <DialogTitle id="set-traffic-title">
        Set the traffic of {deployment.name}
      </DialogTitle>
      <DialogContent dividers>
        <DialogContentText>
          The share of the requests each version answers, in percent; together
          100 %.
          {deployment.predictors.some(p => p.shadow) &&
            ' The shadow gets a copy of every request and takes no share.'}
        </DialogContentText>
        <Box display="flex" flexDirection="column" gridGap={16}>
          {predictors.map(predictor => (
            <TextField
              key={predictor.name}
              id={`traffic-${predictor.name}`}
              label={`Traffic to ${predictor.name}`}
              type="number"
              value={shares[predictor.name] ?? ''}
              onChange={e =>
                setShares(current => ({
                  ...current,
                  [predictor.name]: e.target.value,
                }))
              }
              variant="outlined"
              size="small"
              disabled={running}
              helperText={`Version ${predictor.version}${
                predictor.main ? ', the main predictor' : ''
              }`}
              inputProps={{ min: 0, max: 100, step: 1 }}
              InputProps={{
                endAdornment: <InputAdornment position="end">%</InputAdornment>,
              }}
            />
          ))}
        </Box>
        <Box mt={2}>
          {issue ? (
            <Typography
              variant="body2"
              color="error"
              role="alert"
              data-testid="traffic-issue"
            >
              {issue}
            </Typography>
          ) : (
            <Typography variant="body2" color="textSecondary">
              Together 100 %.
            </Typography>
          )}
        </Box>
        {running && (
          <Box mt={2}>
            <LinearProgress aria-label="Setting the traffic" />
          </Box>
        )}
        {outcome && (
          <Box mt={2}>
            <DeploymentOutcome outcome={outcome} checkedTitle="" doneTitle="" />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={running || !!issue}
          onClick={save}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
