import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunSearchRequest } from '@ml-platform/backstage-plugin-ml-platform-common';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { experiment } from '../../testUtils/mlflowFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { TeamExperiments } from './TeamExperiments';

function renderTeam(api = fakeMlPlatformApi()) {
  renderInTestApp(<TeamExperiments team="fraud-detection" />, {
    apis: [[mlPlatformApiRef, api]],
  });
  return api;
}

function lastSearch(api: ReturnType<typeof fakeMlPlatformApi>) {
  const calls = api.searchRuns.mock.calls;
  return calls[calls.length - 1][0] as RunSearchRequest;
}

describe('TeamExperiments', () => {
  it("lists the team's experiments and shows the runs of the ticked ones", async () => {
    const api = renderTeam(
      fakeMlPlatformApi({
        getTeamExperiments: jest.fn(async () => ({
          experiments: [
            experiment(),
            experiment({
              id: '7',
              name: 'fraud-detection/chargebacks',
              project: 'chargebacks',
              updatedAt: '2025-06-01T09:00:00.000Z',
            }),
          ],
        })),
      }),
    );

    await screen.findByRole(
      'checkbox',
      { name: 'Select run random-forest-wine' },
      { timeout: 5000 },
    );
    expect(api.getTeamExperiments).toHaveBeenCalledWith('fraud-detection');
    // most recently updated first
    expect(lastSearch(api).experimentIds).toEqual(['7', '1']);

    const experiments = within(screen.getByTestId('experiments-table'));
    const chargebacks = experiments.getByRole('checkbox', {
      name: 'Show runs of experiment fraud-detection/chargebacks',
    });
    expect(chargebacks).toBeChecked();
    await userEvent.click(chargebacks);
    await waitFor(() => expect(lastSearch(api).experimentIds).toEqual(['1']));

    await userEvent.click(
      experiments.getByRole('checkbox', {
        name: 'Show runs of experiment fraud-detection/transaction-risk',
      }),
    );
    expect(
      await screen.findByText(
        'Select at least one experiment above to see its runs.',
      ),
    ).toBeInTheDocument();
  });

  it('explains a team without experiments', async () => {
    renderTeam(
      fakeMlPlatformApi({
        getTeamExperiments: jest.fn(async () => ({ experiments: [] })),
      }),
    );
    expect(
      await screen.findByText(
        'Team fraud-detection has no MLflow experiments yet',
      ),
    ).toBeInTheDocument();
  });

  it('tells a user outside the team that they are not a member', async () => {
    const forbidden = await responseError(
      403,
      'You are not a member of team fraud-detection',
    );
    renderTeam(
      fakeMlPlatformApi({
        getTeamExperiments: jest.fn().mockRejectedValue(forbidden),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: You are not a member of team fraud-detection',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask a platform admin to add you/),
    ).toBeInTheDocument();
  });
});
