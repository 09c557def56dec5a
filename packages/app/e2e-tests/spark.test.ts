import { expect, test } from '@playwright/test';
import { collectBrowserErrors, screenshot, signInAs } from './helpers';

// fraud-detection's seeded project (packages/local-platform/src/seed.ts)
const namespace = 'fraud-detection-transaction-risk';
const job = `e2e-${Date.now().toString(36)}`;
const sparkTab = `/catalog/default/component/${namespace}/spark`;

test('a data engineer submits a scheduled job from the template, sees its next runs, its first run complete and its next run time; another team sees none of it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors = collectBrowserErrors(page);
  await signInAs(page, 'alice');

  await page.goto(sparkTab);
  await expect(page.getByTestId('spark')).toBeVisible();
  await screenshot(page, '40-spark-tab');
  await page.getByRole('button', { name: 'New Spark job' }).click();
  await expect(page.getByRole('heading', { name: 'Spark job' })).toBeVisible();
  await expect(page.getByLabel('ML project')).toHaveValue(
    new RegExp(namespace),
  );
  await page.getByLabel(/^Name/).fill(job);
  // the Python Pi of the Spark image, the template's default
  await expect(page.getByLabel(/^Main application file/)).toHaveValue(
    'local:///opt/spark/examples/src/main/python/pi.py',
  );
  await screenshot(page, '41-spark-job-form');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/^Number of executors/).fill('1');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Run on a schedule').check();
  await page.getByLabel(/^Cron schedule/).fill('* * * * *');
  // the browser's zone by default
  const timeZone = page.getByLabel(/^Time zone/);
  if ((await timeZone.inputValue()) !== 'UTC') {
    await timeZone.fill('UTC');
    await page.getByRole('option', { name: 'UTC', exact: true }).click();
  }
  const runs = page.getByTestId('spark-schedule-next-runs');
  await expect(runs.getByRole('listitem')).toHaveCount(3);
  await screenshot(page, '42-spark-job-schedule');
  await page.getByRole('button', { name: 'Review' }).click();
  // the review step shows the schedule and its next three runs
  await expect(page.getByRole('cell', { name: 'Cron schedule' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '* * * * *' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Next runs (UTC)' }),
  ).toBeVisible();
  await expect(
    page.getByText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/),
  ).toHaveCount(3);
  await screenshot(page, '43-spark-job-review');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('link', { name: "The project's Spark jobs" }),
  ).toBeVisible({ timeout: 90_000 });
  await screenshot(page, '44-spark-job-created');

  await page.goto(sparkTab);
  const schedules = page.getByTestId('spark-schedules-table');
  // the scaffolder's write is its own plugin's: the tab's lists, shared for
  // a few seconds (mlPlatform.kubernetes.cacheSeconds), show it on a reload
  await expect(async () => {
    await page.reload();
    await expect(schedules.getByText(job, { exact: true })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(schedules.getByText('Scheduled').first()).toBeVisible();
  // the first run (on the next minute) completes: the driver ends on its kwok node
  const jobs = page.getByTestId('spark-jobs-table');
  await expect(async () => {
    await page.reload();
    const completed = jobs
      .getByRole('row')
      .filter({ hasText: `run of schedule ${job}` })
      .filter({ hasText: 'Completed' });
    await expect(completed.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 200_000 });
  // and the schedule says when it runs next
  const scheduleRow = schedules.getByRole('row').filter({ hasText: job });
  await expect(scheduleRow).toContainText(
    /(in \d+ seconds?|in a minute|in 1 minute|any moment now)\d+\/\d+\/\d{4}, \d+:\d\d:00/,
  );
  await expect(scheduleRow).toContainText(/1 succeeded/);
  await screenshot(page, '45-spark-first-run-completed');

  // bob, of another team
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signInAs(bob, 'bob');
  await bob.goto('/catalog/default/group/fraud-detection/spark');
  await expect(
    bob.getByText(/You are not a member of team fraud-detection/).first(),
  ).toBeVisible();
  await expect(bob.getByText(job)).toHaveCount(0);
  await screenshot(bob, '46-spark-other-team');
  await bobContext.close();

  // delete the schedule (its runs go with it)
  await scheduleRow
    .getByRole('button', { name: `Delete Spark schedule ${job}` })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(schedules.getByText(job, { exact: true })).toBeHidden({
    timeout: 30_000,
  });
  expect(errors).toEqual([]);
});
