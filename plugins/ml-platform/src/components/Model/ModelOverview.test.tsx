import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import { MLFLOW_URL, modelDetails } from '../../testUtils/mlflowFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { ModelOverview } from './ModelOverview';

function renderModel(api = fakeMlPlatformApi()) {
  return renderInTestApp(
    <ModelOverview name="fraud-risk-classifier" team="fraud-detection" />,
    { apis: [[mlPlatformApiRef, api]] },
  );
}

function versionRows() {
  const table = screen.getByTestId('model-versions-table');
  return within(table)
    .getAllByRole('row')
    .filter(row => within(row).queryAllByRole('cell').length > 0);
}

describe('ModelOverview', () => {
  it('shows progress while the model loads', async () => {
    const api = fakeMlPlatformApi({
      getModel: jest.fn(() => new Promise(() => {})),
    });
    renderModel(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.getModel).toHaveBeenCalledWith('fraud-risk-classifier');
  });

  it('lists the versions newest first with aliases, status, source run and lineage', async () => {
    renderModel();

    expect(
      await screen.findByText('Model fraud-risk-classifier'),
    ).toBeInTheDocument();

    // Facts: team, visibility, aliases with their versions, lineage.
    const facts = within(screen.getByTestId('model-facts'));
    expect(facts.getByText('fraud-detection')).toBeInTheDocument();
    expect(facts.getByText(/^Team only/)).toBeInTheDocument();
    expect(facts.getByText('champion → v2')).toBeInTheDocument();
    expect(facts.getByText('challenger → v1')).toBeInTheDocument();
    expect(facts.getByText('3, latest v3')).toBeInTheDocument();
    expect(
      facts.getByRole('link', { name: /^fraud-detection\/transaction-risk/ }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/experiments/1`);
    expect(
      screen.getByRole('link', { name: /Open in MLflow/ }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/models/fraud-risk-classifier`);

    // Versions, newest first; no Stage column since no version has one.
    const table = within(screen.getByTestId('model-versions-table'));
    expect(table.queryByText('Stage')).not.toBeInTheDocument();
    for (const header of ['accuracy', 'f1_macro', 'val_accuracy']) {
      expect(
        table.getByRole('columnheader', { name: header }),
      ).toBeInTheDocument();
    }
    const rows = versionRows();
    // the version number links to the version in MLflow
    expect(
      rows.map(
        row =>
          within(within(row).getAllByRole('cell')[0]).getByRole('link')
            .firstChild?.textContent,
      ),
    ).toEqual(['v3', 'v2', 'v1']);

    const champion = within(rows[1]);
    expect(champion.getByText('champion')).toBeInTheDocument();
    expect(champion.getByText('Ready')).toBeInTheDocument();
    expect(
      champion.getByRole('link', { name: /^Run random-forest-wine in MLflow/ }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/experiments/1/runs/run-forest`);
    expect(
      champion.getByRole('link', {
        name: /^fraud-detection\/transaction-risk/,
      }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/experiments/1`);
    expect(
      champion.getByText(
        'model_type=random-forest · max_depth=4 · dataset=wine',
      ),
    ).toBeInTheDocument();
    expect(
      champion.getByRole('link', { name: /^Version 2 in MLflow/ }),
    ).toHaveAttribute(
      'href',
      `${MLFLOW_URL}/#/models/fraud-risk-classifier/versions/2`,
    );
    // v1's accuracy and val_accuracy, in their columns
    expect(within(rows[2]).getAllByText('0.9777')).toHaveLength(2);
  });

  it('compares a chosen metric across versions on a bar chart', async () => {
    const { container } = renderModel();
    const chart = within(await screen.findByTestId('compare-versions-chart'));

    const select = chart.getByLabelText('Metric');
    expect(select).toHaveValue('accuracy');
    await waitFor(() =>
      expect(
        container.querySelectorAll('.recharts-bar-rectangle'),
      ).toHaveLength(3),
    );
    // oldest version first, aliases in the axis labels
    expect(chart.getByText('v1 (challenger)')).toBeInTheDocument();
    expect(chart.getByText('v2 (champion)')).toBeInTheDocument();

    await userEvent.selectOptions(select, 'val_log_loss');
    await waitFor(() =>
      expect(
        container.querySelectorAll('.recharts-bar-rectangle'),
      ).toHaveLength(1),
    );
    expect(
      chart.getByText(
        /Without val_log_loss: v1 \(challenger\), v2 \(champion\)/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the stage column when a version still has a stage, and unavailable runs', async () => {
    const model = modelDetails();
    model.versions[0] = {
      ...model.versions[0],
      stage: 'Production',
      run: undefined,
      runUnavailable: 'the run was deleted',
    };
    model.versions[2] = {
      ...model.versions[2],
      status: 'FAILED_REGISTRATION',
      statusMessage: 'artifact upload failed',
    };
    renderModel(fakeMlPlatformApi({ getModel: jest.fn(async () => model) }));

    const table = within(await screen.findByTestId('model-versions-table'));
    expect(
      table.getByRole('columnheader', { name: 'Stage' }),
    ).toBeInTheDocument();
    expect(table.getByText('Production')).toBeInTheDocument();
    expect(
      table.getByText('Run unavailable: the run was deleted'),
    ).toBeInTheDocument();
    expect(table.getByText('Registration failed')).toBeInTheDocument();
    expect(table.getByText('artifact upload failed')).toBeInTheDocument();
  });

  it('tells how to register a first version of a model without versions', async () => {
    renderModel(
      fakeMlPlatformApi({
        getModel: jest.fn(async () =>
          modelDetails({ versions: [], aliases: [], metricKeys: [] }),
        ),
      }),
    );

    expect(
      await screen.findByText(
        'Model fraud-risk-classifier has no versions yet',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('no-versions')).toHaveTextContent(
        'mlflow.register_model(info.model_uri, "fraud-risk-classifier")',
      ),
    );
    expect(
      screen.queryByTestId('model-versions-table'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('compare-versions-chart'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('Open the model in MLflow').closest('a'),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/models/fraud-risk-classifier`);
  });

  it('explains an unreachable MLflow, names its URL, and tries again', async () => {
    const down = await responseError(
      503,
      'MLflow at http://127.0.0.1:15000 is unreachable: connection refused',
    );
    const api = fakeMlPlatformApi({
      getModel: jest
        .fn()
        .mockRejectedValueOnce(down)
        .mockResolvedValueOnce(modelDetails()),
    });
    renderModel(api);

    expect(
      await screen.findByText('Error: MLflow cannot be reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'MLflow at http://127.0.0.1:15000 is unreachable: connection refused',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('yarn platform status')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByTestId('model-versions-table'),
    ).toBeInTheDocument();
    expect(api.getModel).toHaveBeenCalledTimes(2);
  });

  it('tells a user outside the team that the model is not public', async () => {
    const forbidden = await responseError(
      403,
      'Model fraud-risk-classifier belongs to team fraud-detection',
    );
    renderModel(
      fakeMlPlatformApi({ getModel: jest.fn().mockRejectedValue(forbidden) }),
    );

    expect(
      await screen.findByText(
        'Warning: You are not a member of team fraud-detection',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/and is not public/)).toBeInTheDocument();
  });

  it('says when MLflow does not know the model', async () => {
    const notFound = await responseError(
      404,
      'No registered model fraud-risk-classifier',
    );
    renderModel(
      fakeMlPlatformApi({ getModel: jest.fn().mockRejectedValue(notFound) }),
    );

    expect(
      await screen.findByText(
        'Warning: MLflow has no model fraud-risk-classifier',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No registered model fraud-risk-classifier'),
    ).toBeInTheDocument();
  });
});
