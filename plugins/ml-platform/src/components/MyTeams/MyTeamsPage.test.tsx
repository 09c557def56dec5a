import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { notebook, notebookList } from '../../testUtils/notebookFixtures';
import { sparkJob, sparkList } from '../../testUtils/sparkFixtures';
import {
  fakeMlPlatformApi,
  populatedOverview,
} from '../../testUtils/overviewFixtures';
import { MyTeamsPage } from './MyTeamsPage';

function group(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

function renderPage(ownershipEntityRefs: string[], api = fakeMlPlatformApi()) {
  return renderInTestApp(<MyTeamsPage />, {
    apis: [
      [mlPlatformApiRef, api],
      mockApis.identity({
        userEntityRef: 'user:default/alice',
        ownershipEntityRefs,
      }),
      catalogApiMock({
        entities: [
          group('fraud-detection', 'Fraud Detection'),
          group('recommendations', 'Recommendations'),
        ],
      }),
    ],
  });
}

describe('MyTeamsPage', () => {
  it("shows one tab per team of the user, with that team's overview", async () => {
    const api = fakeMlPlatformApi({
      getTeamOverview: jest.fn(async (team: string) => populatedOverview(team)),
    });
    renderPage(
      [
        'user:default/alice',
        'group:default/recommendations',
        'group:default/fraud-detection',
      ],
      api,
    );

    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map(tab => tab.textContent)).toEqual([
      'Fraud Detection',
      'Recommendations',
    ]);
    expect(
      await screen.findByText('Team namespace fraud-detection'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Recommendations' }));
    expect(
      await screen.findByText('Team namespace recommendations'),
    ).toBeInTheDocument();
    expect(api.getTeamOverview.mock.calls).toEqual([
      ['fraud-detection'],
      ['recommendations'],
    ]);
  });

  it('shows the notebooks of the selected team under its overview', async () => {
    const api = fakeMlPlatformApi({
      listTeamNotebooks: jest.fn(async (team: string) =>
        team === 'fraud-detection'
          ? notebookList([notebook({ name: 'alice-eda' })])
          : notebookList(),
      ),
    });
    renderPage(
      [
        'user:default/alice',
        'group:default/recommendations',
        'group:default/fraud-detection',
      ],
      api,
    );

    const notebooks = within(
      await screen.findByRole('region', { name: 'Notebooks' }),
    );
    expect(await notebooks.findByText('alice-eda')).toBeInTheDocument();
    expect(notebooks.getByText('1 Running')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Recommendations' }));
    expect(
      await notebooks.findByText('No notebooks in team recommendations yet.'),
    ).toBeInTheDocument();
    expect(api.listTeamNotebooks.mock.calls).toEqual([
      ['fraud-detection'],
      ['recommendations'],
    ]);
  });

  it('shows the Spark workloads of the selected team under its notebooks', async () => {
    const api = fakeMlPlatformApi({
      listTeamSpark: jest.fn(async (team: string) =>
        team === 'fraud-detection'
          ? sparkList({ jobs: [sparkJob({ name: 'alice-etl' })] })
          : sparkList(),
      ),
    });
    renderPage(
      [
        'user:default/alice',
        'group:default/recommendations',
        'group:default/fraud-detection',
      ],
      api,
    );

    const spark = within(await screen.findByRole('region', { name: 'Spark' }));
    expect(await spark.findByText('alice-etl')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Recommendations' }));
    expect(
      await spark.findByText(
        'No Spark jobs or clusters in team recommendations yet.',
      ),
    ).toBeInTheDocument();
    expect(api.listTeamSpark.mock.calls).toEqual([
      ['fraud-detection'],
      ['recommendations'],
    ]);
  });

  it('tells a user in no team to ask a platform admin', async () => {
    const api = fakeMlPlatformApi();
    renderPage(['user:default/mallory'], api);

    expect(
      await screen.findByText('You are not in any team'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask a platform admin to add you to a team/),
    ).toBeInTheDocument();
    expect(api.getTeamOverview).not.toHaveBeenCalled();
  });
});
