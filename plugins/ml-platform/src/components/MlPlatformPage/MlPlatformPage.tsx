import {
  Content,
  ContentHeader,
  LinkButton,
  SupportButton,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import { teamsRouteRef } from '../../routes';
import { PlatformStatusCard } from '../PlatformStatus';

/** The ML platform's home page. @public */
export function MlPlatformPage() {
  const myTeamsLink = useRouteRef(teamsRouteRef);
  return (
    <Content>
      <ContentHeader title="ML Platform">
        {myTeamsLink && (
          <LinkButton to={myTeamsLink()} variant="outlined" color="primary">
            My teams
          </LinkButton>
        )}
        <SupportButton>
          Team namespaces, notebooks, Spark, model serving and MLflow,
          provisioned through software templates within your team's quota.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <PlatformStatusCard />
        </Grid>
      </Grid>
    </Content>
  );
}
