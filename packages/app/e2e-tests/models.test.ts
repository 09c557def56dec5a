import { expect, test } from '@playwright/test';
import {
  BACKEND_URL,
  collectBrowserErrors,
  screenshot,
  signInAs,
} from './helpers';

// What the local platform's seed registers for the fraud-detection team
// (platform/seed/seed_mlflow.py): three runs on the wine data set, each
// registered as a version of fraud-risk-classifier, best as champion.
const MODEL = 'fraud-risk-classifier';
const RUNS = [
  'sgd-logistic-regression-wine',
  'random-forest-wine',
  'gradient-boosting-wine',
];

test("a team member opens a model's page and sees its versions with their runs", async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');

  await page.goto(`/catalog/default/resource/${MODEL}`);
  await expect(page.getByTestId('model-summary-card')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Model', exact: true })
    .click();

  const versions = page.getByTestId('model-versions-table');
  await expect(versions).toBeVisible();
  await expect(
    versions.getByRole('link', { name: /^Version 3 in MLflow/ }),
  ).toBeVisible();
  await expect(versions.getByText('champion', { exact: true })).toBeVisible();
  await expect(versions.getByText('challenger', { exact: true })).toBeVisible();
  // lineage: each version's source run, linked to MLflow
  for (const run of RUNS) {
    await expect(
      versions.getByRole('link', { name: new RegExp(`^Run ${run} in MLflow`) }),
    ).toHaveAttribute('href', /\/#\/experiments\/\d+\/runs\/[0-9a-f]{32}$/);
  }
  const chart = page.getByTestId('compare-versions-chart');
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(3);
  await screenshot(page, '20-model-page');
  expect(errors).toEqual([]);
});

test("a team member compares two runs of the team's experiments", async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');

  await page.goto('/catalog/default/group/fraud-detection/experiments');
  await expect(page.getByTestId('experiments-table')).toBeVisible();
  const runs = page.getByTestId('runs-table');
  for (const run of RUNS) {
    await expect(runs.getByText(run, { exact: true })).toBeVisible();
  }

  // a filter MLflow refuses: its reason appears next to the box
  const filter = page.getByLabel('Filter runs (MLflow search syntax)');
  await filter.fill('metrics.accuracy >>> 0.5');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-filter-helper')).toContainText(
    'rejected the search with filter',
  );
  await filter.fill("params.model_type != 'sgd-logistic-regression'");
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(runs.getByText(RUNS[0], { exact: true })).toBeHidden();

  await page.getByRole('checkbox', { name: `Select run ${RUNS[1]}` }).check();
  await page.getByRole('checkbox', { name: `Select run ${RUNS[2]}` }).check();
  await expect(
    page.getByRole('heading', { name: 'Compare runs' }),
  ).toBeVisible();
  const history = page.getByTestId('metric-history-chart');
  await expect(history.locator('.recharts-line')).toHaveCount(2);
  await expect(history.locator('.recharts-legend-item-text')).toHaveText(
    [RUNS[1], RUNS[2]],
    { useInnerText: true },
  );
  await expect(page.getByTestId('param-metric-chart')).toBeVisible();
  await screenshot(page, '21-compare-runs');
  // the browser logs the refused filter's 400, which this test asked for
  expect(errors.filter(e => !e.includes('status of 400'))).toEqual([]);
});

test("another team's model stays hidden, in the catalog and in the API", async ({
  page,
  request,
}) => {
  await signInAs(page, 'bob');
  await page.goto(`/catalog/default/resource/${MODEL}`);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await screenshot(page, '22-model-hidden');

  const signIn = await request.get(`${BACKEND_URL}/api/auth/demo/refresh`, {
    headers: { 'x-ml-platform-demo-user': 'bob' },
  });
  const { backstageIdentity } = await signIn.json();
  const model = await request.get(
    `${BACKEND_URL}/api/ml-platform/models/${MODEL}`,
    { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
  );
  expect(model.status()).toBe(403);
  expect((await model.json()).error.message).toContain(
    'belongs to team "fraud-detection"',
  );
});
