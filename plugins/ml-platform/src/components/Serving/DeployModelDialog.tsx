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
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import type {
  ModelDeploymentResult,
  ModelDetails,
  ModelServing,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useMemo, useRef, useState } from 'react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  type DeployForm,
  DEPLOYMENT_NAME_MAX_LENGTH,
  deployFormIssues,
  deployRequest,
  describeChoice,
  initialDeployForm,
  issueOf,
  protocolLabel,
  servingProtocols,
  type VersionChoice,
  versionChoices,
} from './deployForm';
import { type CallOutcome, DeploymentOutcome } from './DeploymentOutcome';
import { backendMessage } from './servingActions';
import { VersionChoiceSelect } from './VersionChoiceSelect';

/**
 * Deploys a version (or the version an alias names) of a model as a new
 * Seldon deployment: a dry run first if one likes, then for real; shows the
 * backend's notes or refusal as they are, and after a deployment how to call it.
 */
export function DeployModelDialog(props: {
  model: ModelDetails;
  serving: ModelServing;
  initialChoice?: VersionChoice;
  onClose(): void;
  /** After a real deployment, e.g. to read the model's serving again. */
  onDeployed?(result: ModelDeploymentResult): void;
}) {
  const { model, serving, onClose } = props;
  const api = useApi(mlPlatformApiRef);
  const [form, setForm] = useState<DeployForm>(() =>
    initialDeployForm(model, serving, props.initialChoice),
  );
  const [running, setRunning] = useState<'check' | 'deploy'>();
  const [outcome, setOutcome] = useState<CallOutcome>();
  const onDeployedRef = useRef(props.onDeployed);
  onDeployedRef.current = props.onDeployed;

  const options = useMemo(() => versionChoices(model), [model]);
  const issues = deployFormIssues(form);
  const done = outcome?.kind === 'done';
  const disabled = running !== undefined || done;
  const what = describeChoice(model, form.choice);

  const update = (changes: Partial<DeployForm>) => {
    setForm(current => ({ ...current, ...changes }));
    // A check or refusal was about the values before.
    setOutcome(current => (current?.kind === 'done' ? current : undefined));
  };

  const submit = async (dryRun: boolean) => {
    setRunning(dryRun ? 'check' : 'deploy');
    setOutcome(undefined);
    try {
      const result = await api.deployModel(
        form.namespace,
        deployRequest(model.name, form, dryRun),
      );
      setOutcome({ kind: dryRun ? 'checked' : 'done', result });
      if (!dryRun) {
        onDeployedRef.current?.(result);
      }
    } catch (error) {
      setOutcome({ kind: 'error', message: backendMessage(error as Error) });
    } finally {
      setRunning(undefined);
    }
  };

  const field = (name: keyof DeployForm) => {
    const issue = issueOf(issues, name);
    return { error: !!issue, issue };
  };
  const name = field('name');
  const replicas = field('replicas');
  const cpu = field('cpu');
  const memory = field('memory');
  const minReplicas = field('minReplicas');
  const maxReplicas = field('maxReplicas');
  const namespace = field('namespace');

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      maxWidth="md"
      fullWidth
      scroll="paper"
      aria-labelledby="deploy-model-title"
    >
      <DialogTitle id="deploy-model-title">
        Deploy {model.name} {what}
      </DialogTitle>
      <DialogContent dividers>
        <DialogContentText>
          Serves the version with Seldon Core in one of the team's namespaces,
          behind a prediction URL. Check (dry run) asks the cluster to validate
          it without creating anything.
        </DialogContentText>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6}>
            <VersionChoiceSelect
              id="deploy-version"
              options={options}
              value={form.choice}
              disabled={disabled}
              error={issueOf(issues, 'choice')}
              onChange={choice => update({ choice })}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="deploy-namespace"
              select
              label="Namespace"
              value={form.namespace}
              onChange={e => update({ namespace: e.target.value })}
              SelectProps={{ native: true }}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              error={namespace.error}
              helperText={
                namespace.issue ??
                "The team's namespace or one of its projects' namespaces"
              }
            >
              {serving.namespaces.length === 0 && (
                <option value="">No namespace you may deploy to</option>
              )}
              {serving.namespaces.map(ns => (
                <option key={ns} value={ns}>
                  {ns}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="deploy-name"
              label="Deployment name"
              value={form.name}
              onChange={e => update({ name: e.target.value })}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              error={name.error}
              helperText={
                name.issue ??
                `Lower case letters, digits and "-", at most ${DEPLOYMENT_NAME_MAX_LENGTH} characters`
              }
              inputProps={{ spellCheck: false }}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="deploy-protocol"
              select
              label="Protocol"
              value={form.protocol}
              onChange={e =>
                update({ protocol: e.target.value as DeployForm['protocol'] })
              }
              SelectProps={{ native: true }}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              helperText="How clients call it: Seldon's protocol, or the V2 inference protocol of MLServer"
            >
              {servingProtocols(serving).map(protocol => (
                <option key={protocol} value={protocol}>
                  {protocolLabel(protocol)}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              id="deploy-replicas"
              label="Replicas"
              type="number"
              value={form.replicas}
              onChange={e => update({ replicas: e.target.value })}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              error={replicas.error}
              helperText={replicas.issue ?? 'Model servers to run'}
              inputProps={{ min: 1, step: 1 }}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              id="deploy-cpu"
              label="CPU"
              value={form.cpu}
              onChange={e => update({ cpu: e.target.value })}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              error={cpu.error}
              helperText={cpu.issue ?? 'Of each model server, e.g. 500m or 2'}
              inputProps={{ spellCheck: false }}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              id="deploy-memory"
              label="Memory"
              value={form.memory}
              onChange={e => update({ memory: e.target.value })}
              variant="outlined"
              size="small"
              fullWidth
              disabled={disabled}
              error={memory.error}
              helperText={
                memory.issue ?? 'Of each model server, e.g. 1Gi or 512Mi'
              }
              inputProps={{ spellCheck: false }}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={form.autoscaling}
                  onChange={e => update({ autoscaling: e.target.checked })}
                  disabled={disabled}
                  color="primary"
                />
              }
              label="Autoscaling"
            />
          </Grid>
          {form.autoscaling && (
            <>
              <Grid item xs={12} sm={4}>
                <TextField
                  id="deploy-min-replicas"
                  label="Minimum replicas"
                  type="number"
                  value={form.minReplicas}
                  onChange={e => update({ minReplicas: e.target.value })}
                  variant="outlined"
                  size="small"
                  fullWidth
                  disabled={disabled}
                  error={minReplicas.error}
                  helperText={minReplicas.issue}
                  inputProps={{ min: 1, step: 1 }}
                />
              </Grid>
              <Grid item xs={12} sm={4}>
                <TextField
                  id="deploy-max-replicas"
                  label="Maximum replicas"
                  type="number"
                  value={form.maxReplicas}
                  onChange={e => update({ maxReplicas: e.target.value })}
                  variant="outlined"
                  size="small"
                  fullWidth
                  disabled={disabled}
                  error={maxReplicas.error}
                  helperText={maxReplicas.issue}
                  inputProps={{ min: 1, step: 1 }}
                />
              </Grid>
            </>
          )}
        </Grid>
        {running && (
          <Box mt={2}>
            <LinearProgress
              aria-label={
                running === 'check'
                  ? 'Checking the deployment'
                  : 'Deploying the model'
              }
            />
          </Box>
        )}
        {outcome && (
          <Box mt={2}>
            <DeploymentOutcome
              outcome={outcome}
              checkedTitle={`Dry run passed: the cluster would accept deployment ${form.name} in ${form.namespace}.`}
              doneTitle={
                outcome.kind === 'done'
                  ? `Deployed ${model.name} ${what} as ${outcome.result.namespace}/${outcome.result.name}.`
                  : ''
              }
              showHowToCall
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running !== undefined}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <>
            <Button
              variant="outlined"
              color="primary"
              disabled={disabled || issues.length > 0}
              onClick={() => submit(true)}
            >
              Check (dry run)
            </Button>
            <Button
              variant="contained"
              color="primary"
              disabled={disabled || issues.length > 0}
              onClick={() => submit(false)}
            >
              Deploy
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
