import { Content, ContentHeader } from '@backstage/core-components';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import Grid from '@material-ui/core/Grid';

/** The widgets side by side in a fixed grid: the portal's landing page, not a customisable dashboard. */
export function HomePageLayout({ widgets }: HomePageLayoutProps) {
  return (
    <Content>
      <ContentHeader title="ML platform" />
      <Grid container spacing={3} alignItems="stretch">
        {widgets.map((widget, index) => (
          <Grid item xs={12} md={6} key={widget.name ?? index}>
            {widget.component}
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}
