import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import { MyTeamsOverview } from './MyTeamsOverview';

/** The page at /ml-platform/teams: the signed-in user's teams and their resources. */
export function MyTeamsPage() {
  return (
    <Content>
      <ContentHeader title="My teams">
        <SupportButton>
          Quotas, workloads, recent warnings, notebooks and Spark jobs and
          clusters of the namespaces of each team you belong to.
        </SupportButton>
      </ContentHeader>
      <MyTeamsOverview />
    </Content>
  );
}
