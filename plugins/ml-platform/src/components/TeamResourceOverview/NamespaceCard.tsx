import type { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { NamespaceOverview } from '@ml-platform/backstage-plugin-ml-platform-common';
import { QuotaBars } from './QuotaBars';
import { WarningEventsTable } from './WarningEventsTable';
import { WorkloadList } from './WorkloadList';

function cardTitle(namespace: NamespaceOverview): string {
  return namespace.project
    ? `Project ${namespace.project}`
    : `Team namespace ${namespace.name}`;
}

function cardSubheader(namespace: NamespaceOverview): string {
  if (!namespace.project) {
    return 'Shared by the whole team';
  }
  const where = `Namespace ${namespace.name}`;
  return namespace.description ? `${namespace.description} · ${where}` : where;
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </>
  );
}

/** Quota, workloads and recent warnings of one namespace of a team. */
export function NamespaceCard({ namespace }: { namespace: NamespaceOverview }) {
  return (
    <section aria-label={`Namespace ${namespace.name}`}>
      <InfoCard
        title={cardTitle(namespace)}
        subheader={cardSubheader(namespace)}
      >
        <Grid container spacing={3}>
          <Grid item xs={12} md={5}>
            <Section title="Quota">
              <QuotaBars quotas={namespace.quotas} />
            </Section>
          </Grid>
          <Grid item xs={12} md={7}>
            <Section title="Workloads">
              <WorkloadList workloads={namespace.workloads} />
            </Section>
          </Grid>
          <Grid item xs={12}>
            <Section title="Recent warnings">
              <WarningEventsTable events={namespace.warnings} />
            </Section>
          </Grid>
        </Grid>
      </InfoCard>
    </section>
  );
}
