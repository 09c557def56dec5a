import { expect, test } from '@playwright/test';
import { collectBrowserErrors, screenshot, signInAs } from './helpers';

// fraud-detection's seeded project (packages/local-platform/src/seed.ts)
const namespace = 'fraud-detection-transaction-risk';
const notebook = `e2e-${Date.now().toString(36)}`;
const notebooksTab = `/catalog/default/component/${namespace}/notebooks`;

test('a team member creates a notebook from the template, opens it from the Notebooks tab and stops it; another team sees none of it; she deletes it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');

  await page.goto(notebooksTab);
  await expect(page.getByTestId('notebooks')).toBeVisible();
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(
    page.getByRole('heading', { name: 'Notebook server' }),
  ).toBeVisible();
  // the project comes filled in from the tab
  await expect(page.getByLabel('ML project')).toHaveValue(
    new RegExp(namespace),
  );
  await page.getByLabel('Name').fill(notebook);
  await screenshot(page, '30-notebook-form');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/^CPU\s*\*?$/).fill('250m');
  await page.getByLabel(/^Memory\s*\*?$/).fill('512Mi');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Workspace size').fill('1Gi');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('link', { name: "The project's notebooks" }),
  ).toBeVisible({ timeout: 60_000 });
  await screenshot(page, '31-notebook-created');

  await page.goto(notebooksTab);
  const table = page.getByTestId('notebooks-table');
  const open = table.getByRole('link', { name: `Open notebook ${notebook}` });
  // Running once the controller's pod runs (kwok plays the kubelet)
  await expect(async () => {
    await page.reload();
    await expect(open).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(open).toHaveAttribute(
    'href',
    `http://localhost:8080/notebook/${namespace}/${notebook}/`,
  );
  await screenshot(page, '32-notebook-running');

  await table
    .getByRole('button', { name: `Stop notebook ${notebook}` })
    .click();
  await expect(async () => {
    await page.reload();
    await expect(
      table.getByRole('button', { name: `Start notebook ${notebook}` }),
    ).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(table.getByText('stopped by alice')).toBeVisible();
  await screenshot(page, '33-notebook-stopped');

  // bob, of another team, while the notebook exists
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signInAs(bob, 'bob');
  await bob.goto('/catalog/default/group/fraud-detection/notebooks');
  await expect(
    bob
      .getByText(
        'You are not a member of team fraud-detection, so you cannot see its notebooks',
      )
      .first(),
  ).toBeVisible();
  await expect(bob.getByText(notebook)).toHaveCount(0);
  await bob.goto(notebooksTab);
  await expect(bob.getByText(/not found/i).first()).toBeVisible();
  await screenshot(bob, '34-notebooks-other-team');
  await bobContext.close();

  await table
    .getByRole('button', { name: `Delete notebook ${notebook}` })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(`Also delete the workspace volume ${notebook}-workspace`)
    .check();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByText(notebook, { exact: true })).toBeHidden({
    timeout: 30_000,
  });
  expect(errors).toEqual([]);
});
