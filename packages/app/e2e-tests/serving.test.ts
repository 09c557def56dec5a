import { expect, test } from '@playwright/test';
import {
  BACKEND_URL,
  collectBrowserErrors,
  screenshot,
  signInAs,
} from './helpers';

// The seed's model of fraud-detection (platform/seed/seed_mlflow.py): three
// versions, `champion` the best, `challenger` the second; served here by the
// real Seldon operator, its pods run by kwok.
const MODEL = 'fraud-risk-classifier';
const NAMESPACE = 'fraud-detection-transaction-risk';
const NAME = `e2e-${Date.now().toString(36)}`;
const modelPage = `/catalog/default/resource/${MODEL}/model`;
const deploymentPage = `/catalog/default/component/${NAMESPACE}.${NAME}/serving`;

test("alice deploys the model's champion from its page, tries the challenger at 20 %, promotes it, and the model page shows it serving at 100 %; bob sees no deploy button", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');
  // which version the challenger is, as MLflow says
  const signIn = await request.get(`${BACKEND_URL}/api/auth/demo/refresh`, {
    headers: { 'x-ml-platform-demo-user': 'alice' },
  });
  const { backstageIdentity } = await signIn.json();
  const model = await (
    await request.get(`${BACKEND_URL}/api/ml-platform/models/${MODEL}`, {
      headers: { Authorization: `Bearer ${backstageIdentity.token}` },
    })
  ).json();
  const challenger = model.aliases.find(
    (alias: { alias: string }) => alias.alias === 'challenger',
  ).version;

  await page.goto(modelPage);
  const serving = page.getByTestId('model-serving');
  await expect(serving).toBeVisible();
  await screenshot(page, '50-model-serving');
  await serving.getByRole('button', { name: 'Deploy this version' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Version or alias')).toHaveValue(/champion/);
  await dialog.getByLabel('Namespace').selectOption(NAMESPACE);
  await dialog.getByLabel('Deployment name').fill(NAME);
  await dialog.getByLabel('CPU').fill('100m');
  await dialog.getByLabel('Memory').fill('256Mi');
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(dialog.getByText(/Dry run passed/)).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(dialog.getByText(/^Deployed /)).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog.getByText(/curl -X POST/)).toBeVisible();
  await screenshot(page, '51-deployed');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // the deployment's own page: the catalog has it at once after the change
  await expect(async () => {
    await page.goto(deploymentPage);
    await expect(page.getByTestId('model-deployment')).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 90_000 });
  const predictors = page.getByTestId('predictors-table');
  await expect(async () => {
    await page.reload();
    await expect(predictors.getByText('Ready').first()).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 120_000 });
  await screenshot(page, '52-deployment-page');

  await page.getByRole('button', { name: 'Add canary' }).click();
  const canary = page.getByRole('dialog');
  await canary.getByLabel('Version or alias').selectOption('alias:challenger');
  await canary.getByLabel('Traffic to the canary').fill('20');
  await canary.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(canary).toBeHidden({ timeout: 30_000 });
  await expect(predictors.getByRole('row')).toHaveCount(3, {
    timeout: 30_000,
  });
  await expect(predictors.getByText('80 %')).toBeVisible();
  await expect(predictors.getByText('20 %')).toBeVisible();
  await screenshot(page, '53-canary');

  await predictors.getByRole('button', { name: /^Promote / }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Promote' })
    .click();
  await expect(predictors.getByRole('row')).toHaveCount(2, {
    timeout: 30_000,
  });
  await expect(predictors.getByText('100 %')).toBeVisible();
  await screenshot(page, '54-promoted');

  // the model page: the challenger serves at 100 % in the new deployment
  await page.goto(modelPage);
  const table = page.getByTestId('serving-table');
  const row = table.getByRole('row').filter({ hasText: NAME });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('100 %')).toBeVisible();
  await expect(
    row.getByRole('cell', { name: `v${challenger}`, exact: true }),
  ).toBeVisible();
  await screenshot(page, '55-model-serving-promoted');
  expect(errors).toEqual([]);

  // bob, of another team, may not deploy it: no button, and the page says so
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signInAs(bob, 'bob');
  await bob.goto(modelPage);
  await expect(bob.getByText(/not found/i).first()).toBeVisible();
  await expect(
    bob.getByRole('button', { name: 'Deploy this version' }),
  ).toHaveCount(0);
  // nor see the deployment in the catalog
  await bob.goto(deploymentPage);
  await expect(bob.getByText(/not found/i).first()).toBeVisible();
  await expect(bob.getByTestId('model-deployment')).toHaveCount(0);
  await bobContext.close();

  // clean up: alice deletes it
  await page.goto(deploymentPage);
  await page.getByRole('button', { name: 'Delete deployment' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(page.getByTestId('deployment-deleted')).toBeVisible({
    timeout: 30_000,
  });
});
