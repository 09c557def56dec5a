import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputAdornment from '@material-ui/core/InputAdornment';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import type {
  ModelDeploymentSummary,
  ModelDetails,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { type VersionChoiceOption, versionChoices } from './deployForm';
import { type CallOutcome, DeploymentOutcome } from './DeploymentOutcome';
import {
  addablePredictors,
  backendMessage,
  type CanaryForm,
  canaryIssue,
  canaryRequest,
  describeChange,
} from './servingActions';
import { VersionChoiceSelect } from './VersionChoiceSelect';

/** The versions and aliases of the model that the deployment does not serve yet. */
function unservedChoices(
  model: ModelDetails,
  deployment: ModelDeploymentSummary,
): VersionChoiceOption[] {
  const served = new Set(deployment.predictors.map(p => p.version));
  return versionChoices(model).filter(option => !served.has(option.version));
}

function CanaryFormContent(props: {
  model: ModelDetails;
  deployment: ModelDeploymentSummary;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { model, deployment } = props;
  const api = useApi(mlPlatformApiRef);
  const addable = addablePredictors(deployment);
  const options = useMemo(
    () => unservedChoices(model, deployment),
    [model, deployment],
  );
  const [form, setForm] = useState<CanaryForm>(() => ({
    choice: options.find(o => !o.alias)?.value ?? options[0]?.value ?? '',
    traffic: '10',
    shadow: !addable.canary,
  }));
  const [running, setRunning] = useState<'check' | 'add'>();
  const [outcome, setOutcome] = useState<CallOutcome>();
  const issue = canaryIssue(form);

  const update = (changes: Partial<CanaryForm>) => {
    setForm(current => ({ ...current, ...changes }));
    setOutcome(undefined);
  };

  const submit = async (dryRun: boolean) => {
    setRunning(dryRun ? 'check' : 'add');
    setOutcome(undefined);
    try {
      const result = await api.addPredictor(
        deployment.namespace,
        deployment.name,
        canaryRequest(form, dryRun),
      );
      if (dryRun) {
        setOutcome({ kind: 'checked', result });
        setRunning(undefined);
      } else {
        const option = options.find(o => o.value === form.choice);
        const what = option ? `v${option.version}` : 'the version';
        props.onDone(
          describeChange(
            form.shadow
              ? `Added ${what} as a shadow of ${deployment.name}.`
              : `Added ${what} to ${
                  deployment.name
                } at ${form.traffic.trim()} % of the traffic.`,
            result,
          ),
        );
      }
    } catch (error) {
      setOutcome({ kind: 'error', message: backendMessage(error as Error) });
      setRunning(undefined);
    }
  };

  if (options.length === 0) {
    return (
      <>
        <DialogContent dividers>
          <DialogContentText>
            Deployment {deployment.name} serves every version of {model.name}{' '}
            already. Register a new version to try it here.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Close</Button>
        </DialogActions>
      </>
    );
  }

  return (
    <>
      <DialogContent dividers>
        <DialogContentText>
          A canary answers a share of the requests beside the main version; a
          shadow gets a copy of every request and its answers are only logged.
          Promote it or roll back afterwards.
        </DialogContentText>
        <Box display="flex" flexDirection="column" gridGap={16}>
          <VersionChoiceSelect
            id="canary-version"
            options={options}
            value={form.choice}
            disabled={running !== undefined}
            onChange={choice => update({ choice })}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={form.shadow}
                onChange={e => update({ shadow: e.target.checked })}
                disabled={
                  running !== undefined || !addable.canary || !addable.shadow
                }
                color="primary"
              />
            }
            label="Shadow: a copy of every request, no share of the answers"
          />
          {!form.shadow && (
            <TextField
              id="canary-traffic"
              label="Traffic to the canary"
              type="number"
              value={form.traffic}
              onChange={e => update({ traffic: e.target.value })}
              variant="outlined"
              size="small"
              disabled={running !== undefined}
              helperText="1 to 99 %; the other versions share the rest in proportion"
              inputProps={{ min: 1, max: 99, step: 1 }}
              InputProps={{
                endAdornment: <InputAdornment position="end">%</InputAdornment>,
              }}
            />
          )}
          {issue && (
            <DialogContentText color="error" role="alert">
              {issue}
            </DialogContentText>
          )}
        </Box>
        {running && (
          <Box mt={2}>
            <LinearProgress aria-label="Adding the version" />
          </Box>
        )}
        {outcome && (
          <Box mt={2}>
            <DeploymentOutcome
              outcome={outcome}
              checkedTitle={`Dry run passed: the cluster would accept the change of ${deployment.name}.`}
              doneTitle=""
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={running !== undefined}>
          Cancel
        </Button>
        <Button
          variant="outlined"
          color="primary"
          disabled={running !== undefined || !!issue}
          onClick={() => submit(true)}
        >
          Check (dry run)
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={running !== undefined || !!issue}
          onClick={() => submit(false)}
        >
          Add
        </Button>
      </DialogActions>
    </>
  );
}

/** Adds a version of the deployment's model as a canary at a share of the traffic, or as a shadow. */
export function AddCanaryDialog(props: {
  deployment: ModelDeploymentSummary;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { deployment, onClose } = props;
  const api = useApi(mlPlatformApiRef);
  const model = useAsync(
    () => api.getModel(deployment.model),
    [api, deployment.model],
  );
  let content;
  if (model.loading) {
    content = (
      <DialogContent>
        <Progress />
      </DialogContent>
    );
  } else if (model.error) {
    content = (
      <>
        <DialogContent>
          <ResponseErrorPanel
            error={model.error}
            title={`Could not read the versions of model ${deployment.model}`}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
        </DialogActions>
      </>
    );
  } else {
    content = (
      <CanaryFormContent
        model={model.value!}
        deployment={deployment}
        onClose={onClose}
        onDone={props.onDone}
      />
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="add-canary-title"
    >
      <DialogTitle id="add-canary-title">
        Add a canary to {deployment.name}
      </DialogTitle>
      {content}
    </Dialog>
  );
}
