import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { teamsRouteRef } from '../../routes';
import { fakeMlPlatformApi } from '../../testUtils/overviewFixtures';
import { MlPlatformPage } from './MlPlatformPage';

describe('MlPlatformPage', () => {
  it('links to the My teams page', async () => {
    renderInTestApp(<MlPlatformPage />, {
      apis: [[mlPlatformApiRef, fakeMlPlatformApi()]],
      mountedRoutes: { '/ml-platform/teams': teamsRouteRef },
    });

    expect((await screen.findByText('My teams')).closest('a')).toHaveAttribute(
      'href',
      '/ml-platform/teams',
    );
    expect(
      await screen.findByText('Platform connections (test)'),
    ).toBeInTheDocument();
  });
});
