import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  emptyOverview,
  fakeMlPlatformApi,
  populatedOverview,
  responseError,
} from '../../testUtils/overviewFixtures';
import { TeamResourceOverview } from './TeamResourceOverview';

function renderOverview(api = fakeMlPlatformApi()) {
  return renderInTestApp(<TeamResourceOverview team="fraud-detection" />, {
    apis: [[mlPlatformApiRef, api]],
  });
}

describe('TeamResourceOverview', () => {
  it('shows progress while the overview loads', async () => {
    const api = fakeMlPlatformApi({
      getTeamOverview: jest.fn(() => new Promise(() => {})),
    });
    renderOverview(api);

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.getTeamOverview).toHaveBeenCalledWith('fraud-detection');
  });

  it('explains how a team without namespace gets one, with the template links', async () => {
    renderOverview(
      fakeMlPlatformApi({
        getTeamOverview: jest.fn(async () => emptyOverview('fraud-detection')),
      }),
    );

    expect(
      await screen.findByText('Team fraud-detection has no namespace yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Create the team namespace (admins)').closest('a'),
    ).toHaveAttribute('href', '/create/templates/default/team-namespace');
    // no budget yet, so no project link
    expect(screen.queryByText('Create a project')).not.toBeInTheDocument();
  });

  it('shows quotas, workloads and warnings, the team namespace before its projects', async () => {
    renderOverview(
      fakeMlPlatformApi({
        getTeamOverview: jest.fn(async () =>
          populatedOverview('fraud-detection'),
        ),
      }),
    );

    const teamCard = await screen.findByText('Team namespace fraud-detection');
    const projectCard = screen.getByText('Project scoring');
    expect(
      teamCard.compareDocumentPosition(projectCard) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Real-time card scoring · Namespace fraud-detection-scoring',
      ),
    ).toBeInTheDocument();

    // Quota lines in people's units.
    expect(screen.getByText('1.5 / 4 cores')).toBeInTheDocument();
    expect(screen.getByText('3 GiB / 8 GiB')).toBeInTheDocument();
    expect(screen.getByText('0 / 0 GPUs')).toBeInTheDocument();
    expect(screen.getByText('80 GiB / 100 GiB')).toBeInTheDocument();
    expect(screen.getByText('20 / 20 pods')).toBeInTheDocument();

    // The levels are said in words, not only in the bar's colour.
    expect(screen.getByText('Close to the limit (80 %).')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Limit reached (100 %): workloads that need more are refused.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Pods quota' }),
    ).toHaveAttribute('aria-valuenow', '100');

    // Workloads by kind with their states; empty kinds in one line.
    const workloads = within(
      screen.getByRole('table', { name: 'Workloads by kind' }),
    );
    expect(workloads.getAllByRole('row').map(row => row.textContent)).toEqual([
      'Pods3Running: 2Pending: 1',
      'Notebooks1Running: 1',
    ]);
    expect(
      screen.getByText('None yet: Spark applications, Seldon deployments.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No workloads yet.')).toBeInTheDocument();

    // Recent warnings in plain language, with object, count and age.
    expect(
      screen.getByText(
        "A pod could not be created: the namespace's pod quota is used up",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('ReplicaSet/scorer-7d9f')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();
    expect(screen.getByText('No recent warnings.')).toBeInTheDocument();
  });

  it('names the unreachable cluster and the reason, and tries again on request', async () => {
    const unreachable = await responseError(
      503,
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
    );
    const api = fakeMlPlatformApi({
      getTeamOverview: jest
        .fn()
        .mockRejectedValueOnce(unreachable)
        .mockResolvedValueOnce(populatedOverview('fraud-detection')),
    });
    renderOverview(api);

    expect(
      await screen.findByText('Error: Cluster unreachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('Team namespace fraud-detection'),
    ).toBeInTheDocument();
    expect(api.getTeamOverview).toHaveBeenCalledTimes(2);
  });

  it('tells a user outside the team that they are not a member', async () => {
    const forbidden = await responseError(
      403,
      'You are not a member of team fraud-detection',
    );
    renderOverview(
      fakeMlPlatformApi({
        getTeamOverview: jest.fn().mockRejectedValue(forbidden),
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

  it('says when the team is unknown', async () => {
    const notFound = await responseError(404, 'No group fraud-detection');
    renderOverview(
      fakeMlPlatformApi({
        getTeamOverview: jest.fn().mockRejectedValue(notFound),
      }),
    );

    expect(
      await screen.findByText('Warning: Unknown team fraud-detection'),
    ).toBeInTheDocument();
    expect(screen.getByText('No group fraud-detection')).toBeInTheDocument();
  });

  it('shows other failures with the generic error panel', async () => {
    const failure = await responseError(500, 'Something broke');
    renderOverview(
      fakeMlPlatformApi({
        getTeamOverview: jest.fn().mockRejectedValue(failure),
      }),
    );

    await waitFor(() =>
      expect(
        screen.getByText(
          'Error: Could not read the resources of team fraud-detection',
        ),
      ).toBeInTheDocument(),
    );
    expect(screen.getAllByText(/Something broke/).length).toBeGreaterThan(0);
  });
});
