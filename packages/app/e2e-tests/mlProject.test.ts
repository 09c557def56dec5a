import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { collectBrowserErrors, screenshot, signInAs } from './helpers';

const project = `e2e-${Date.now().toString(36)}`;
const namespace = `fraud-detection-${project}`;

test.afterAll(async () => {
  // The project takes part of the team's budget: give it back.
  if (process.env.KUBECTL) {
    execFileSync(process.env.KUBECTL, [
      'delete',
      'namespace',
      namespace,
      '--ignore-not-found',
      '--wait=false',
    ]);
  }
  const mlflow = process.env.MLFLOW_TRACKING_URI;
  if (mlflow) {
    const found = await fetch(
      `${mlflow}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(
        `fraud-detection/${project}`,
      )}`,
    );
    if (found.ok) {
      const { experiment } = await found.json();
      await fetch(`${mlflow}/api/2.0/mlflow/experiments/delete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ experiment_id: experiment.experiment_id }),
      });
    }
  }
});

test('a team member runs the ml-project template and sees the new namespace with its quota in the team overview', async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');

  await page.goto('/create/templates/default/ml-project');
  await expect(page.getByRole('heading', { name: 'ML project' })).toBeVisible();
  // alice is in one team only: the picker chooses it for her
  await expect(page.getByLabel('Team')).toHaveValue('Fraud Detection');
  await page.getByLabel('Name').fill(project);
  await page.getByLabel('Description').fill('Made by the browser test');
  await screenshot(page, '10-ml-project-form');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await screenshot(page, '11-ml-project-review');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(
    page.getByRole('link', { name: 'Project in the catalog' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('link', { name: 'MLflow experiment' }),
  ).toHaveAttribute('href', /\/#\/experiments\/\d+$/);
  await screenshot(page, '12-ml-project-done');

  await page.getByRole('link', { name: 'Team resources' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/group\/fraud-detection\/resources/,
  );
  const card = page.getByRole('region', { name: `Namespace ${namespace}` });
  await expect(card).toBeVisible();
  await expect(card.getByText(project).first()).toBeVisible();
  await expect(card.getByText(/CPU/).first()).toBeVisible();
  await expect(card.getByText('0 / 2 cores')).toBeVisible();
  await screenshot(page, '13-team-resources');

  await page.goto(`/catalog/default/component/${namespace}`);
  await expect(
    page.getByRole('heading', { name: new RegExp(project) }).first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Made by the browser test')).toBeVisible();
  await screenshot(page, '14-ml-project-component');

  // the stock Kubernetes tab reads the component's namespace and label selector
  await page.getByText('Kubernetes', { exact: true }).click();
  await expect(page).toHaveURL(/\/kubernetes$/);
  await expect(page.getByText('local', { exact: true }).first()).toBeVisible();
  await screenshot(page, '15-ml-project-kubernetes');

  expect(errors).toEqual([]);
});

test("another team does not see the project or its team's resources", async ({
  page,
}) => {
  await signInAs(page, 'bob');
  await page.goto(`/catalog/default/component/${namespace}`);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await page.goto('/catalog/default/group/fraud-detection/resources');
  await expect(
    page.getByText('You are not a member of team fraud-detection', {
      exact: false,
    }),
  ).toBeVisible();
  await screenshot(page, '17-other-team-denied');
});

test('a member of two teams sees both on the My teams page', async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'dave');
  await page.goto('/ml-platform');
  await page.getByText('My teams', { exact: true }).click();
  await expect(page).toHaveURL(/\/ml-platform\/teams$/);
  await expect(
    page.getByRole('tab', { name: 'Fraud Detection' }),
  ).toBeVisible();
  await expect(
    page.getByRole('tab', { name: 'Recommendations' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', {
      name: 'Namespace fraud-detection',
      exact: true,
    }),
  ).toBeVisible();
  await screenshot(page, '16-my-teams');
  expect(errors).toEqual([]);
});
