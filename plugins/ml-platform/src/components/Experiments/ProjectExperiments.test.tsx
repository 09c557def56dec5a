import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RunSearchRequest } from '@ml-platform/backstage-plugin-ml-platform-common';
import { mlPlatformApiRef } from '../../api/MlPlatformClient';
import {
  EXPERIMENT_NAME,
  MLFLOW_URL,
  runSearchResponse,
  runs,
} from '../../testUtils/mlflowFixtures';
import {
  fakeMlPlatformApi,
  responseError,
} from '../../testUtils/overviewFixtures';
import { ProjectExperiments } from './ProjectExperiments';

function renderProject(api = fakeMlPlatformApi()) {
  renderInTestApp(
    <ProjectExperiments
      experiment={EXPERIMENT_NAME}
      team="fraud-detection"
      project="transaction-risk"
    />,
    { apis: [[mlPlatformApiRef, api]] },
  );
  return api;
}

function lastSearch(api: ReturnType<typeof fakeMlPlatformApi>) {
  const calls = api.searchRuns.mock.calls;
  return calls[calls.length - 1][0] as RunSearchRequest;
}

function runsTable() {
  return within(screen.getByTestId('runs-table'));
}

function headers() {
  return runsTable()
    .getAllByRole('columnheader')
    .map(header => header.textContent);
}

/** The first render of the tables takes a while in jsdom. */
async function waitForRuns() {
  await screen.findByRole(
    'checkbox',
    { name: 'Select run random-forest-wine' },
    { timeout: 5000 },
  );
}

describe('ProjectExperiments', () => {
  it('shows the experiment and its runs with the telling metric and param columns', async () => {
    const api = renderProject();

    await waitForRuns();
    expect(api.getExperimentByName).toHaveBeenCalledWith(EXPERIMENT_NAME);
    expect(
      within(screen.getByTestId('experiments-table')).getByRole('link', {
        name: /^fraud-detection\/transaction-risk/,
      }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/experiments/1`);

    expect(lastSearch(api)).toEqual({
      experimentIds: ['1'],
      orderBy: ['attributes.start_time DESC'],
      maxResults: 25,
    });
    expect(headers()).toEqual([
      'Compare',
      'Run',
      'Status',
      'Started',
      'accuracy',
      'f1_macro',
      'val_accuracy',
      'dataset',
      'max_depth',
      'model_type',
    ]);
    const forest = runsTable()
      .getByRole('checkbox', { name: 'Select run random-forest-wine' })
      .closest('[role="row"]') as HTMLElement;
    expect(within(forest).getByText('random-forest')).toBeInTheDocument();
    expect(within(forest).getByText('Finished')).toBeInTheDocument();
    expect(
      within(forest).getByRole('link', { name: /random-forest-wine/ }),
    ).toHaveAttribute('href', `${MLFLOW_URL}/#/experiments/1/runs/run-forest`);
    expect(screen.getByText('No runs selected')).toBeInTheDocument();
  });

  it('adds the metric and param columns the user picks', async () => {
    renderProject();
    await waitForRuns();

    await userEvent.click(screen.getByLabelText('Metric columns'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'train_log_loss' }),
    );
    await userEvent.click(screen.getByLabelText('Param columns'));
    await userEvent.click(await screen.findByRole('option', { name: 'alpha' }));

    await waitFor(() => expect(headers()).toContain('train_log_loss'));
    expect(headers()).toContain('alpha');
    const sgd = runsTable()
      .getByRole('checkbox', {
        name: 'Select run sgd-logistic-regression-wine',
      })
      .closest('[role="row"]') as HTMLElement;
    expect(within(sgd).getByText('0.0412')).toBeInTheDocument();
    expect(within(sgd).getByText('0.001')).toBeInTheDocument();
  });

  it('asks MLflow for the order of a clicked column header', async () => {
    const api = renderProject();
    await waitForRuns();

    await userEvent.click(
      runsTable().getByRole('columnheader', { name: /val_accuracy/ }),
    );
    await waitFor(() =>
      expect(lastSearch(api).orderBy).toEqual(['metrics.val_accuracy ASC']),
    );
    await waitForRuns();
    await userEvent.click(
      runsTable().getByRole('columnheader', { name: /val_accuracy/ }),
    );
    await waitFor(() =>
      expect(lastSearch(api).orderBy).toEqual(['metrics.val_accuracy DESC']),
    );
    await waitForRuns();
    await userEvent.click(
      runsTable().getByRole('columnheader', { name: /model_type/ }),
    );
    await waitFor(() =>
      expect(lastSearch(api).orderBy).toEqual(['params.model_type ASC']),
    );
    // three sorted reloads of the table: seconds on a busy 2-core machine
  }, 20_000);

  it("shows MLflow's objection to a filter next to the filter box", async () => {
    const rejection =
      "Invalid clause(s) in filter string: 'metrics.val_accuracy >> 0.9'";
    const api = fakeMlPlatformApi({
      searchRuns: jest.fn(async (request: RunSearchRequest) => {
        if (request.filter?.includes('>>')) {
          throw await responseError(400, rejection);
        }
        return runSearchResponse(request.filter ? runs().slice(1, 2) : runs());
      }),
    });
    renderProject(api);
    await waitForRuns();

    const box = screen.getByLabelText('Filter runs (MLflow search syntax)');
    expect(
      screen.getByRole('link', { name: /MLflow's search syntax/ }),
    ).toHaveAttribute(
      'href',
      'https://mlflow.org/docs/latest/ml/search/search-runs/',
    );

    await userEvent.type(box, 'metrics.val_accuracy >> 0.9');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const helper = await screen.findByText(rejection);
    expect(helper.closest('p')).toHaveClass('Mui-error');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(lastSearch(api).filter).toBe('metrics.val_accuracy >> 0.9');
    expect(
      screen.getByText(/No runs shown: MLflow rejected the filter/),
    ).toBeInTheDocument();

    await userEvent.clear(box);
    await userEvent.type(box, 'metrics.val_accuracy > 0.99{Enter}');
    await waitFor(() =>
      expect(lastSearch(api).filter).toBe('metrics.val_accuracy > 0.99'),
    );
    await waitForRuns();
    expect(screen.queryByText(rejection)).not.toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'false');
    expect(
      screen.queryByRole('checkbox', {
        name: 'Select run sgd-logistic-regression-wine',
      }),
    ).not.toBeInTheDocument();
  });

  it('keeps the headers clickable when MLflow refuses an order', async () => {
    const api = fakeMlPlatformApi({
      searchRuns: jest.fn(async (request: RunSearchRequest) => {
        if (request.orderBy?.[0]?.startsWith('params.')) {
          throw await responseError(400, 'Invalid order_by clause');
        }
        return runSearchResponse();
      }),
    });
    renderProject(api);
    await waitForRuns();

    await userEvent.click(
      runsTable().getByRole('columnheader', { name: /model_type/ }),
    );
    expect(
      await screen.findByText(
        'MLflow cannot order the runs this way: Invalid order_by clause. Click another column header.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Invalid order_by clause'),
    ).not.toBeInTheDocument();

    await userEvent.click(
      runsTable().getByRole('columnheader', { name: /^accuracy/ }),
    );
    await waitForRuns();
    expect(lastSearch(api).orderBy).toEqual(['metrics.accuracy ASC']);
  });

  it('compares two selected runs on charts, with the history of both', async () => {
    const api = renderProject();
    await waitForRuns();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Select run random-forest-wine' }),
    );
    expect(screen.getByText('1 run selected')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Select run gradient-boosting-wine',
      }),
    );

    const section = screen.getByRole('heading', { name: 'Compare runs' });
    expect(section).toBeInTheDocument();
    expect(screen.getByText('2 runs selected')).toBeInTheDocument();

    const history = within(await screen.findByTestId('metric-history-chart'));
    await waitFor(() =>
      expect(history.getByLabelText('History of metric')).toHaveValue(
        'val_accuracy',
      ),
    );
    // once for the first run selected, then for both
    expect(api.getMetricHistory).toHaveBeenCalledTimes(3);
    for (const runId of ['run-forest', 'run-boosting']) {
      expect(api.getMetricHistory).toHaveBeenCalledWith(
        runId,
        expect.arrayContaining(['accuracy', 'f1_macro', 'val_accuracy']),
      );
    }
    const chart = screen.getByTestId('metric-history-chart');
    await waitFor(() =>
      expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2),
    );
    const legend = [
      ...chart.querySelectorAll('.recharts-legend-item-text'),
    ].map(item => item.textContent);
    expect(legend).toEqual(['random-forest-wine', 'gradient-boosting-wine']);

    // switching to a metric already fetched needs no new request
    await userEvent.selectOptions(
      history.getByLabelText('History of metric'),
      'accuracy',
    );
    expect(api.getMetricHistory).toHaveBeenCalledTimes(3);

    // param against metric: a numeric param (both runs have max_depth) on a
    // numeric axis, one point and legend entry per run
    const scatter = screen.getByTestId('param-metric-chart');
    expect(within(scatter).getByLabelText('Parameter')).toHaveValue(
      'max_depth',
    );
    expect(within(scatter).getByLabelText('Metric')).toHaveValue('accuracy');
    await waitFor(() =>
      expect(scatter.querySelectorAll('.recharts-scatter')).toHaveLength(2),
    );
    expect(
      [...scatter.querySelectorAll('.recharts-legend-item-text')].map(
        item => item.textContent,
      ),
    ).toEqual(['random-forest-wine', 'gradient-boosting-wine']);
    const ticks = () =>
      [
        ...scatter.querySelectorAll(
          '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value',
        ),
      ].map(tick => tick.textContent);
    expect(ticks()).toEqual(expect.arrayContaining(['2', '3', '4']));
    expect(ticks().every(tick => Number.isInteger(Number(tick)))).toBe(true);
    // a categorical param on a category axis
    await userEvent.selectOptions(
      within(scatter).getByLabelText('Parameter'),
      'model_type',
    );
    await waitFor(() =>
      expect(ticks()).toEqual(['random-forest', 'gradient-boosting']),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear selection' }),
    );
    expect(screen.getByText('No runs selected')).toBeInTheDocument();
  });

  it('pages with the token MLflow hands out', async () => {
    const api = fakeMlPlatformApi({
      searchRuns: jest.fn(async (request: RunSearchRequest) =>
        request.pageToken === 'page-2'
          ? runSearchResponse(runs().slice(2))
          : runSearchResponse(runs().slice(0, 2), 'page-2'),
      ),
    });
    renderProject(api);
    await waitForRuns();

    expect(
      screen.getByText('Runs 1–2, more on the next pages'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Next table page' }),
    );
    await screen.findByRole('checkbox', {
      name: 'Select run gradient-boosting-wine',
    });
    expect(lastSearch(api).pageToken).toBe('page-2');
    expect(screen.getByText('Runs 26–26')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous table page' }),
    );
    await waitForRuns();
    expect(lastSearch(api).pageToken).toBeUndefined();
  });

  it('explains an experiment that does not exist yet', async () => {
    renderProject(
      fakeMlPlatformApi({
        getExperimentByName: jest.fn(async () => ({ experiments: [] })),
      }),
    );
    expect(
      await screen.findByText(
        `Experiment ${EXPERIMENT_NAME} does not exist yet`,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('experiment-not-created')).toHaveTextContent(
        '"ml-platform.io/team": "fraud-detection"',
      ),
    );
  });

  it('tells a user outside the team and explains an unreachable MLflow', async () => {
    const forbidden = await responseError(403, 'Not a member');
    renderProject(
      fakeMlPlatformApi({
        getExperimentByName: jest.fn().mockRejectedValue(forbidden),
      }),
    );
    expect(
      await screen.findByText(
        'Warning: You are not a member of team fraud-detection',
      ),
    ).toBeInTheDocument();
  });

  it('shows an unreachable MLflow during the run search', async () => {
    const down = await responseError(
      503,
      'MLflow at http://127.0.0.1:15000 is unreachable',
    );
    renderProject(
      fakeMlPlatformApi({ searchRuns: jest.fn().mockRejectedValue(down) }),
    );
    expect(
      await screen.findByText('Error: MLflow cannot be reached'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('MLflow at http://127.0.0.1:15000 is unreachable'),
    ).toBeInTheDocument();
  });
});
