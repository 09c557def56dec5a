import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useState } from 'react';
import { Notebooks } from '../Notebooks';
import { SparkView } from '../Spark';
import { TeamResourceOverview } from '../TeamResourceOverview';
import type { MyTeam } from './myTeams';
import { useMyTeams } from './useMyTeams';

function TeamTabs({ teams }: { teams: MyTeam[] }) {
  const [selectedRef, setSelectedRef] = useState(teams[0].ref);
  const selected = teams.find(team => team.ref === selectedRef) ?? teams[0];
  return (
    <>
      <Tabs
        value={selected.ref}
        onChange={(_event, ref: string) => setSelectedRef(ref)}
        indicatorColor="primary"
        variant="scrollable"
        aria-label="My teams"
      >
        {teams.map(team => (
          <Tab key={team.ref} value={team.ref} label={team.title} />
        ))}
      </Tabs>
      <Box mt={3}>
        <TeamResourceOverview team={selected.name} />
      </Box>
      <Box mt={3} component="section" aria-label="Notebooks">
        <InfoCard title="Notebooks" subheader="Of every namespace of the team">
          <Notebooks
            key={selected.ref}
            scope={{ kind: 'team', team: selected.name }}
            compact
          />
        </InfoCard>
      </Box>
      <Box mt={3} component="section" aria-label="Spark">
        <InfoCard title="Spark" subheader="Of every namespace of the team">
          <SparkView
            key={selected.ref}
            scope={{ kind: 'team', team: selected.name }}
            compact
          />
        </InfoCard>
      </Box>
    </>
  );
}

/** The resource overview of each team the signed-in user belongs to, one tab per team. */
export function MyTeamsOverview() {
  const { value: teams, loading, error } = useMyTeams();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not list your teams" />
    );
  }
  if (teams!.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="You are not in any team"
        description="Team resources (namespaces, quotas, notebooks, Spark jobs, models) belong to teams. Ask a platform admin to add you to a team; its resources show up here once you are a member."
      />
    );
  }
  return <TeamTabs teams={teams!} />;
}
