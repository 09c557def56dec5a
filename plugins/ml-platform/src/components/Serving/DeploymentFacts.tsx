import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ModelDeploymentSummary } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ReactNode } from 'react';
import { formatTimestamp } from '../Mlflow/formatValue';
import { SparkStatus } from '../Spark/SparkStatus';
import { CopyableUrl } from './CopyableUrl';
import { protocolLabel } from './deployForm';
import { EntityLinkOrText } from './EntityLink';
import {
  deploymentStateDisplay,
  formatAutoscaling,
  formatResources,
  modelEntityRef,
  userName,
} from './formatServing';

function Fact(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid item xs={12} sm={props.wide ? 12 : 6} md={props.wide ? 6 : 3}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        style={{ wordBreak: 'break-word' }}
      >
        {props.children}
      </Typography>
    </Grid>
  );
}

/** What a deployment serves, where, how big, and how to reach it. */
export function DeploymentFacts({
  deployment,
}: {
  deployment: ModelDeploymentSummary;
}) {
  return (
    <Grid container spacing={2} data-testid="deployment-facts">
      <Fact label="Model">
        <EntityLinkOrText
          entityRef={modelEntityRef(deployment.model)}
          aria-label={`Model ${deployment.model}`}
        >
          {deployment.model}
        </EntityLinkOrText>
      </Fact>
      <Fact label="State">
        <SparkStatus
          display={deploymentStateDisplay(deployment.state)}
          reason={deployment.reason}
          raw={deployment.state}
        />
      </Fact>
      <Fact label="Namespace">{deployment.namespace}</Fact>
      <Fact label="Team">
        {deployment.team}
        {deployment.project ? ` · project ${deployment.project}` : ''}
      </Fact>
      <Fact label="Prediction URL" wide>
        <CopyableUrl
          url={deployment.predictionUrl}
          label={`prediction URL of ${deployment.name}`}
          maxWidth={560}
          missing="No gateway is configured: call the service URL from inside the cluster."
        />
      </Fact>
      <Fact label="Service URL" wide>
        <CopyableUrl
          url={deployment.serviceUrl}
          label={`service URL of ${deployment.name}`}
          maxWidth={560}
        />
      </Fact>
      <Fact label="Protocol">{protocolLabel(deployment.protocol)}</Fact>
      <Fact label="Resources">{formatResources(deployment)}</Fact>
      <Fact label="Autoscaling">
        {formatAutoscaling(deployment.autoscaling)}
      </Fact>
      <Fact label="Created">
        {formatTimestamp(deployment.createdAt) ?? '—'}
        {deployment.createdBy && (
          <span title={deployment.createdBy}>
            {' '}
            by {userName(deployment.createdBy)}
          </span>
        )}
      </Fact>
    </Grid>
  );
}
