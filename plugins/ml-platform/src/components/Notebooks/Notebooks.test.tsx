import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  notebook,
  notebookList,
  notebooksInEveryState,
  PROJECT_NAMESPACE,
  TEAM,
} from '../../testUtils/notebookFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { Notebooks } from './Notebooks';
import type { NotebookScope } from './notebookScope';

const projectScope: NotebookScope = {
  kind: 'namespace',
  namespace: PROJECT_NAMESPACE,
  team: TEAM,
};
const teamScope: NotebookScope = { kind: 'team', team: TEAM };

function renderNotebooks(
  api = fakeMlPlatformApi(),
  scope: NotebookScope = projectScope,
) {
  return renderInTestApp(<Notebooks scope={scope} />, {
    apis: [[mlPlatformApiRef, api]],
  });
}

function withNotebooks(items = notebooksInEveryState()) {
  return fakeMlPlatformApi({
    listNamespaceNotebooks: jest.fn(async () => notebookList(items)),
    listTeamNotebooks: jest.fn(async () => notebookList(items)),
  });
}

async function rowOf(name: string) {
  const cell = await screen.findByText(name);
  return within(cell.closest('tr')!);
}

describe('Notebooks', () => {
  it('shows progress while the list loads', async () => {
    const api = fakeMlPlatformApi({
      listNamespaceNotebooks: jest.fn(() => new Promise(() => {})),
    });
    renderNotebooks(api);

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.listNamespaceNotebooks).toHaveBeenCalledWith(PROJECT_NAMESPACE);
  });

  it('shows each notebook with its state, reason, resources and times', async () => {
    renderNotebooks(withNotebooks());

    const running = await rowOf('alice-eda');
    expect(running.getByText('Running')).toBeInTheDocument();
    expect(running.getByText('alice')).toHaveAttribute(
      'title',
      'user:default/alice',
    );
    expect(running.getByText('jupyter-scipy:v1.9.2')).toBeInTheDocument();
    expect(running.getByText('2 CPU · 4Gi')).toBeInTheDocument();
    expect(running.getByText('3 hours ago')).toBeInTheDocument();
    expect(running.getByText('5 minutes ago')).toBeInTheDocument();
    const open = running.getByRole('link', {
      name: 'Open notebook alice-eda, Opens in a new window',
    });
    expect(open).toHaveAttribute(
      'href',
      'http://127.0.0.1:18080/notebook/fraud-detection-transaction-risk/alice-eda/',
    );
    expect(open).toHaveAttribute('target', '_blank');
    expect(
      running.getByRole('button', { name: 'Stop notebook alice-eda' }),
    ).toBeEnabled();
    expect(running.queryByRole('button', { name: /^Start/ })).toBeNull();

    const pending = await rowOf('bob-training');
    expect(pending.getByText('Pending')).toBeInTheDocument();
    expect(
      pending.getByText(
        'Waiting for a node with a free nvidia GPU: 0/3 nodes are available',
      ),
    ).toBeInTheDocument();
    expect(
      pending.getByText('0.5 CPU · 8Gi · 1 nvidia GPU'),
    ).toBeInTheDocument();
    expect(pending.getByText('—')).toBeInTheDocument(); // no activity yet
    expect(pending.queryByRole('link', { name: /^Open/ })).toBeNull();
    expect(
      pending.getByRole('button', { name: 'Stop notebook bob-training' }),
    ).toBeInTheDocument();

    const failed = await rowOf('carol-broken');
    expect(failed.getByText('Failed')).toBeInTheDocument();
    expect(failed.getByText('custom-notebook:latest')).toBeInTheDocument();
    expect(failed.queryByRole('button', { name: /^(Stop|Start)/ })).toBeNull();
    expect(
      failed.getByRole('button', { name: 'Delete notebook carol-broken' }),
    ).toBeInTheDocument();

    const culled = await rowOf('alice-idle');
    expect(culled.getByText('Culled')).toBeInTheDocument();
    expect(
      culled.getByText('Stopped after 60 minutes without kernel activity'),
    ).toBeInTheDocument();
    expect(
      culled.getByRole('button', { name: 'Start notebook alice-idle' }),
    ).toBeInTheDocument();
    expect(culled.queryByRole('link', { name: /^Open/ })).toBeNull();

    const stopped = await rowOf('dave-old');
    expect(stopped.getByText('Stopped')).toBeInTheDocument();
    expect(
      stopped.getByText('Stopped by user:default/dave'),
    ).toBeInTheDocument();

    // One namespace: no Project column.
    expect(
      screen.queryByRole('columnheader', { name: 'Project' }),
    ).not.toBeInTheDocument();
  });

  it('counts the notebooks by state and says when idle ones are stopped', async () => {
    renderNotebooks(withNotebooks());

    const counts = within(
      await screen.findByRole('list', { name: 'Notebooks by state' }),
    );
    expect(
      counts.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual(['1 Running', '1 Pending', '1 Failed', '1 Stopped', '1 Culled']);
    expect(
      screen.getByText(
        'Idle notebooks are stopped after 60 minutes without kernel activity.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing about culling when it is off', async () => {
    renderNotebooks(
      fakeMlPlatformApi({
        listNamespaceNotebooks: jest.fn(async () =>
          notebookList([notebook()], { enabled: false }),
        ),
      }),
    );

    expect(await screen.findByText('alice-eda')).toBeInTheDocument();
    expect(screen.queryByText(/Idle notebooks/)).not.toBeInTheDocument();
  });

  it('links New notebook to the template with the project filled in', async () => {
    renderNotebooks(withNotebooks());

    const link = await screen.findByRole('button', { name: 'New notebook' });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/notebook-server');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      project: `component:default/${PROJECT_NAMESPACE}`,
    });
  });

  it("shows a team's notebooks with their project, and New notebook without project", async () => {
    const api = withNotebooks([
      notebook({ name: 'shared', namespace: TEAM }),
      notebook({ name: 'eda' }),
    ]);
    renderNotebooks(api, teamScope);

    expect(
      await screen.findByRole('columnheader', { name: 'Project' }),
    ).toBeInTheDocument();
    expect(
      (await rowOf('shared')).getByText('Team namespace'),
    ).toBeInTheDocument();
    expect(
      (await rowOf('eda')).getByText('transaction-risk'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New notebook' }),
    ).toHaveAttribute('href', '/create/templates/default/notebook-server');
    expect(api.listTeamNotebooks).toHaveBeenCalledWith(TEAM);
    expect(api.listNamespaceNotebooks).not.toHaveBeenCalled();
  });

  it('explains how to create a notebook when there is none', async () => {
    renderNotebooks(withNotebooks([]));

    expect(
      await screen.findByText(
        `No notebooks in project ${PROJECT_NAMESPACE} yet`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Create one with the New notebook button/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'New notebook' }).getAttribute('href'),
    ).toMatch(/^\/create\/templates\/default\/notebook-server\?formData=/);
  });

  it('tells a user outside the team that they cannot see its notebooks', async () => {
    const forbidden = await responseError(
      403,
      'You are not a member of team fraud-detection',
    );
    renderNotebooks(
      fakeMlPlatformApi({
        listTeamNotebooks: jest.fn().mockRejectedValue(forbidden),
      }),
      teamScope,
    );

    expect(
      await screen.findByText(
        'Warning: You are not a member of team fraud-detection, so you cannot see its notebooks',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You are not a member of team fraud-detection'),
    ).toBeInTheDocument();
  });

  it('names the unreachable cluster and tries again on request', async () => {
    const unreachable = await responseError(
      503,
      'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
    );
    const api = fakeMlPlatformApi({
      listNamespaceNotebooks: jest
        .fn()
        .mockRejectedValueOnce(unreachable)
        .mockResolvedValueOnce(notebookList([notebook()])),
    });
    renderNotebooks(api);

    expect(
      await screen.findByText('Error: Cluster unreachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Kubernetes cluster "local" at https://127.0.0.1:16443 is unreachable: ECONNREFUSED',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('alice-eda')).toBeInTheDocument();
  });

  it('stops a notebook, showing progress, then reads the list again', async () => {
    let finishStop: () => void = () => {};
    const api = fakeMlPlatformApi({
      listNamespaceNotebooks: jest
        .fn()
        .mockResolvedValueOnce(notebookList([notebook()]))
        .mockResolvedValueOnce(
          notebookList([notebook({ state: 'Stopping', url: undefined })]),
        ),
      stopNotebook: jest.fn(
        () =>
          new Promise(resolve => {
            finishStop = () => resolve(notebook({ state: 'Stopping' }));
          }),
      ),
    });
    renderNotebooks(api);

    const row = await rowOf('alice-eda');
    await userEvent.click(
      row.getByRole('button', { name: 'Stop notebook alice-eda' }),
    );
    expect(api.stopNotebook).toHaveBeenCalledWith(
      PROJECT_NAMESPACE,
      'alice-eda',
    );
    expect(
      row.getByRole('progressbar', { name: 'Stopping notebook alice-eda' }),
    ).toBeInTheDocument();
    expect(
      row.getByRole('button', { name: 'Delete notebook alice-eda' }),
    ).toBeDisabled();

    finishStop();
    expect(await screen.findByText('Stopping')).toBeInTheDocument();
    expect(api.listNamespaceNotebooks).toHaveBeenCalledTimes(2);
    expect(
      screen.queryByRole('button', { name: 'Stop notebook alice-eda' }),
    ).not.toBeInTheDocument();
  });

  it('starts a culled notebook', async () => {
    const api = withNotebooks([notebook({ state: 'Culled' })]);
    renderNotebooks(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Start notebook alice-eda' }),
    );
    expect(api.startNotebook).toHaveBeenCalledWith(
      PROJECT_NAMESPACE,
      'alice-eda',
    );
    await waitFor(() =>
      expect(api.listNamespaceNotebooks).toHaveBeenCalledTimes(2),
    );
  });

  it("shows the backend's message when an action fails", async () => {
    const full = await responseError(
      409,
      'Starting alice-eda would exceed the quota of fraud-detection-transaction-risk (requests.cpu)',
    );
    const api = fakeMlPlatformApi({
      listNamespaceNotebooks: jest.fn(async () =>
        notebookList([notebook({ state: 'Stopped' })]),
      ),
      startNotebook: jest.fn().mockRejectedValue(full),
    });
    renderNotebooks(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Start notebook alice-eda' }),
    );
    expect(
      await screen.findByText(
        'Could not start notebook alice-eda: Starting alice-eda would exceed the quota of fraud-detection-transaction-risk (requests.cpu)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start notebook alice-eda' }),
    ).toBeEnabled();
    expect(api.listNamespaceNotebooks).toHaveBeenCalledTimes(1);
  });

  it('deletes a notebook after confirmation, keeping its workspace by default', async () => {
    const api = withNotebooks([notebook()]);
    renderNotebooks(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete notebook alice-eda' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Delete notebook alice-eda?')).toBeInTheDocument();
    const checkbox = dialog.getByRole('checkbox', {
      name: 'Also delete the workspace volume alice-eda-workspace',
    });
    expect(checkbox).not.toBeChecked();
    expect(
      dialog.getByText(/The workspace volume alice-eda-workspace is kept/),
    ).toBeInTheDocument();

    await userEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    expect(api.deleteNotebook).toHaveBeenCalledWith(
      PROJECT_NAMESPACE,
      'alice-eda',
      { deleteWorkspace: false },
    );
    expect(
      await screen.findByText(
        'Deleted notebook alice-eda. Kept PersistentVolumeClaim/alice-eda-workspace.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.listNamespaceNotebooks).toHaveBeenCalledTimes(2),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('deletes the workspace volume too when ticked', async () => {
    const api = withNotebooks([notebook()]);
    renderNotebooks(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete notebook alice-eda' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(
      dialog.getByRole('checkbox', {
        name: 'Also delete the workspace volume alice-eda-workspace',
      }),
    );
    expect(
      dialog.getByText(/alice-eda-workspace is deleted too/),
    ).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Delete' }));

    expect(api.deleteNotebook).toHaveBeenCalledWith(
      PROJECT_NAMESPACE,
      'alice-eda',
      { deleteWorkspace: true },
    );
    expect(
      await screen.findByText('Deleted notebook alice-eda.'),
    ).toBeInTheDocument();
  });

  it('deletes nothing when the dialog is cancelled', async () => {
    const api = withNotebooks([notebook()]);
    renderNotebooks(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete notebook alice-eda' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.deleteNotebook).not.toHaveBeenCalled();
  });
});
