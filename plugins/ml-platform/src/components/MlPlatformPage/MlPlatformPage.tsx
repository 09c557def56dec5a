import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { PlatformStatusCard } from '../PlatformStatus';

/** The ML platform's home page. @public */
export function MlPlatformPage() {
  return (
    <Content>
      <ContentHeader title="ML Platform">
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
