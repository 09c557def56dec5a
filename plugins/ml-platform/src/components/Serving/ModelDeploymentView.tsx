import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import TuneIcon from '@material-ui/icons/Tune';
import UndoIcon from '@material-ui/icons/Undo';
import Alert from '@material-ui/lab/Alert';
import type {
  ModelDeploymentSummary,
  ServingPredictor,
} from '@ml-platform/backstage-plugin-ml-platform-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { AddCanaryDialog } from './AddCanaryDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { DeploymentFacts } from './DeploymentFacts';
import { HowToCall } from './DeploymentOutcome';
import type { DeploymentTarget } from './formatServing';
import { PredictorsTable } from './PredictorsTable';
import {
  addablePredictors,
  backendMessage,
  isForbidden,
  isNotFound,
  servingPredictors,
} from './servingActions';
import { ServingHistory } from './ServingHistory';
import { SetTrafficDialog } from './SetTrafficDialog';
import { useDeploymentActions } from './useDeploymentActions';

type OpenDialog =
  | { kind: 'add' }
  | { kind: 'traffic' }
  | { kind: 'promote'; predictor: ServingPredictor }
  | { kind: 'rollback' }
  | { kind: 'delete' };

const FORBIDDEN_TITLE =
  'You are not a member of the team that owns this deployment';

function DeploymentError(props: {
  target: DeploymentTarget;
  error: Error;
  onRetry(): void;
}) {
  const { target, error } = props;
  if (isForbidden(error)) {
    return (
      <WarningPanel
        title={FORBIDDEN_TITLE}
        defaultExpanded
        message="Only the team's members and the platform admins see a model deployment and change it. Ask a platform admin to add you to the team if you work with it."
      >
        <Typography variant="body2">{backendMessage(error)}</Typography>
      </WarningPanel>
    );
  }
  if (isNotFound(error)) {
    return (
      <EmptyState
        missing="data"
        title={`No deployment ${target.name} in namespace ${target.namespace}`}
        description={`${backendMessage(
          error,
        )}. It may have been deleted; the catalog drops this entry at its next refresh.`}
      />
    );
  }
  return (
    <>
      <ResponseErrorPanel
        error={error}
        title={`Could not read deployment ${target.namespace}/${target.name}`}
      />
      <Box mt={2}>
        <Button variant="outlined" onClick={props.onRetry}>
          Try again
        </Button>
      </Box>
    </>
  );
}

function Actions(props: {
  deployment: ModelDeploymentSummary;
  busy: boolean;
  open(dialog: OpenDialog): void;
}) {
  const { deployment, busy, open } = props;
  const addable = addablePredictors(deployment);
  const canAdd = addable.canary || addable.shadow;
  const canSetTraffic = servingPredictors(deployment).length > 1;
  const canRollBack = deployment.predictors.length > 1;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={8}
      mb={2}
      data-testid="deployment-actions"
    >
      <Button
        variant="outlined"
        color="primary"
        startIcon={<AddIcon />}
        disabled={busy || !canAdd}
        title={
          canAdd
            ? undefined
            : 'It has a canary and a shadow already: promote one or roll back first'
        }
        onClick={() => open({ kind: 'add' })}
      >
        Add canary
      </Button>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<TuneIcon />}
        disabled={busy || !canSetTraffic}
        title={
          canSetTraffic
            ? undefined
            : 'One version takes all the traffic: add a canary first'
        }
        onClick={() => open({ kind: 'traffic' })}
      >
        Set traffic
      </Button>
      {canRollBack && (
        <Button
          variant="outlined"
          startIcon={<UndoIcon />}
          disabled={busy}
          onClick={() => open({ kind: 'rollback' })}
        >
          Roll back
        </Button>
      )}
      <Button
        variant="outlined"
        color="secondary"
        startIcon={<DeleteIcon />}
        disabled={busy}
        onClick={() => open({ kind: 'delete' })}
      >
        Delete deployment
      </Button>
    </Box>
  );
}

function mainOf(deployment: ModelDeploymentSummary): string {
  return (
    deployment.predictors.find(p => p.main)?.name ??
    deployment.predictors[0]?.name ??
    'the main predictor'
  );
}

function DeploymentPage(props: {
  deployment: ModelDeploymentSummary;
  reloading: boolean;
  reload(): void;
  onDeleted(message: string): void;
}) {
  const { deployment } = props;
  const [dialog, setDialog] = useState<OpenDialog>();
  const actions = useDeploymentActions(deployment, {
    onChanged: props.reload,
    onDeleted: props.onDeleted,
  });
  const busy = actions.pending !== undefined;
  const close = () => setDialog(undefined);
  const main = mainOf(deployment);
  const others = deployment.predictors
    .filter(p => p.name !== main)
    .map(p => p.name);

  return (
    <Box data-testid="model-deployment">
      {(busy || props.reloading) && (
        <Box mb={2}>
          <LinearProgress
            aria-label={busy ? 'Changing the deployment' : 'Reloading'}
          />
        </Box>
      )}
      {actions.outcome && (
        <Box mb={2}>
          <Alert
            severity={actions.outcome.severity}
            onClose={actions.dismissOutcome}
          >
            {actions.outcome.message}
          </Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title={`Deployment ${deployment.name}`}
            subheader={`Serves ${deployment.model} with Seldon Core in ${deployment.namespace}`}
          >
            <Actions deployment={deployment} busy={busy} open={setDialog} />
            <DeploymentFacts deployment={deployment} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <PredictorsTable
            model={deployment.model}
            predictors={deployment.predictors}
            busy={busy}
            onPromote={predictor => setDialog({ kind: 'promote', predictor })}
          />
        </Grid>
        <Grid item xs={12} md={7}>
          <InfoCard title="Call it">
            <HowToCall
              name={deployment.name}
              predictionUrl={deployment.predictionUrl}
              curlExample={deployment.curlExample}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <ServingHistory history={deployment.history} />
        </Grid>
      </Grid>
      {dialog?.kind === 'add' && (
        <AddCanaryDialog
          deployment={deployment}
          onClose={close}
          onDone={message => {
            close();
            actions.changed(message);
          }}
        />
      )}
      {dialog?.kind === 'traffic' && (
        <SetTrafficDialog
          deployment={deployment}
          onClose={close}
          onDone={message => {
            close();
            actions.changed(message);
          }}
        />
      )}
      {dialog?.kind === 'promote' && (
        <ConfirmDialog
          title={`Promote ${dialog.predictor.name}?`}
          text={[
            `${dialog.predictor.name} (version ${
              dialog.predictor.version
            }) takes all the traffic and becomes the main predictor; ${deployment.predictors
              .filter(p => p.name !== dialog.predictor.name)
              .map(p => p.name)
              .join(', ')} ${
              deployment.predictors.length > 2 ? 'are' : 'is'
            } removed.`,
          ]}
          confirm="Promote"
          onCancel={close}
          onConfirm={() => {
            const { predictor } = dialog;
            close();
            actions.promote(predictor.name);
          }}
        />
      )}
      {dialog?.kind === 'rollback' && (
        <ConfirmDialog
          title={`Roll back ${deployment.name} to ${main}?`}
          text={[
            `${main} takes all the traffic again; ${others.join(', ')} ${
              others.length > 1 ? 'are' : 'is'
            } removed.`,
          ]}
          confirm="Roll back"
          onCancel={close}
          onConfirm={() => {
            close();
            actions.rollback(main);
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete deployment ${deployment.name}?`}
          text={[
            `Deployment ${deployment.name} in ${deployment.namespace} is removed with its model servers: its prediction URL stops answering.`,
            'This cannot be undone.',
          ]}
          confirm="Delete"
          destructive
          onCancel={close}
          onConfirm={() => {
            close();
            actions.remove();
          }}
        />
      )}
    </Box>
  );
}

/**
 * A model deployment (a SeldonDeployment the suite made): what it serves,
 * its predictors and their traffic, how to call it, its history, and the
 * changes its team may make: add a canary or a shadow, set the traffic,
 * promote, roll back, delete.
 * @public
 */
export function ModelDeploymentView(props: DeploymentTarget) {
  const { namespace, name } = props;
  const api = useApi(mlPlatformApiRef);
  const [deleted, setDeleted] = useState<string>();
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (deleted ? undefined : api.getDeployment(namespace, name)),
    [api, namespace, name, deleted],
  );

  if (deleted) {
    return (
      <Box data-testid="deployment-deleted">
        <Alert severity="success">{deleted}</Alert>
        <EmptyState
          missing="data"
          title={`Deployment ${name} is deleted`}
          description="The catalog drops this entry at its next refresh."
        />
      </Box>
    );
  }
  // A reload after a change keeps the deployment on screen.
  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <DeploymentError
        target={{ namespace, name }}
        error={error}
        onRetry={retry}
      />
    );
  }
  return (
    <DeploymentPage
      deployment={value!}
      reloading={loading}
      reload={retry}
      onDeleted={setDeleted}
    />
  );
}
