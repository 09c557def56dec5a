import { InfoCard, Link } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ModelDetails } from '@ml-platform/backstage-plugin-ml-platform-common';
import type { ReactNode } from 'react';
import { TimestampCell } from '../Mlflow/TimestampCell';
import { AliasChips } from './AliasChips';
import { latestVersion, sourceExperiments } from './modelVersions';

function Fact(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid item xs={12} sm={6} md={props.wide ? 6 : 3}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** Who owns the model, who may see it, its aliases and where it was trained. */
export function ModelFacts({ model }: { model: ModelDetails }) {
  const latest = latestVersion(model.versions);
  const experiments = sourceExperiments(model.versions);
  return (
    <InfoCard
      title={`Model ${model.name}`}
      subheader={model.description}
      deepLink={{ title: 'Open in MLflow', link: model.mlflowUrl }}
    >
      <Grid container spacing={2} data-testid="model-facts">
        <Fact label="Team">
          {model.team ?? 'platform admins (no team tag)'}
        </Fact>
        <Fact label="Project">{model.project ?? '–'}</Fact>
        <Fact label="Visibility">
          {model.public
            ? 'Public: every signed-in user sees it'
            : "Team only: the team's members and the platform admins"}
        </Fact>
        <Fact label="Versions">
          {model.versions.length === 0
            ? 'none yet'
            : `${model.versions.length}, latest v${latest?.version}`}
        </Fact>
        <Fact label="Aliases" wide>
          <AliasChips aliases={model.aliases} />
        </Fact>
        <Fact label="Trained in" wide>
          {experiments.length === 0
            ? '–'
            : experiments.map((experiment, index) => (
                <span key={experiment.id}>
                  {index > 0 && ', '}
                  experiment <Link to={experiment.url}>{experiment.name}</Link>
                </span>
              ))}
        </Fact>
        <Fact label="Registered">
          <TimestampCell iso={model.createdAt} />
        </Fact>
        <Fact label="Last updated">
          <TimestampCell iso={model.updatedAt} />
        </Fact>
      </Grid>
    </InfoCard>
  );
}
