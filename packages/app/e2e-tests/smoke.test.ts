import { expect, test } from '@playwright/test';
import {
  BACKEND_URL,
  collectBrowserErrors,
  screenshot,
  signInAs,
} from './helpers';

test('a demo user signs in, browses the catalog, a team and the ML platform page', async ({
  page,
}) => {
  const errors = collectBrowserErrors(page);

  await signInAs(page, 'alice');
  await expect(page.getByText('Welcome to the ML platform')).toBeVisible();
  await screenshot(page, '00-home');

  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  // ML project components may fill the first page: search for ours
  await page.getByPlaceholder('Search').fill('ML platform for Backstage');
  await expect(
    page.getByRole('link', { name: 'ML platform for Backstage' }),
  ).toBeVisible();
  await screenshot(page, '01-catalog');

  await page.goto('/catalog/default/group/fraud-detection');
  await expect(
    page.getByRole('heading', { name: 'Fraud Detection' }).first(),
  ).toBeVisible();
  await expect(page.getByText('Alice Adams').first()).toBeVisible();
  await screenshot(page, '02-team-page');

  await page.goto('/ml-platform');
  await expect(
    page.getByText('Platform connections (local platform)'),
  ).toBeVisible();
  await expect(page.getByText('Reachable', { exact: true })).toHaveCount(3);
  await expect(page.getByText(/^Kubernetes v1\.34/)).toBeVisible();
  await screenshot(page, '03-ml-platform');

  expect(errors).toEqual([]);
});

test('a script gets a token for a named demo user with one HTTP call', async ({
  request,
}) => {
  const signIn = await request.get(`${BACKEND_URL}/api/auth/demo/refresh`, {
    headers: { 'x-ml-platform-demo-user': 'bob' },
  });
  expect(signIn.status()).toBe(200);
  const { backstageIdentity } = await signIn.json();
  expect(backstageIdentity.identity.userEntityRef).toBe('user:default/bob');
  expect(backstageIdentity.identity.ownershipEntityRefs).toContain(
    'group:default/recommendations',
  );

  const status = await request.get(`${BACKEND_URL}/api/ml-platform/status`, {
    headers: { Authorization: `Bearer ${backstageIdentity.token}` },
  });
  expect(status.status()).toBe(200);
  expect((await status.json()).environmentName).toBe('local platform');

  const anonymous = await request.get(`${BACKEND_URL}/api/ml-platform/status`);
  expect(anonymous.status()).toBe(401);

  const unknown = await request.get(`${BACKEND_URL}/api/auth/demo/refresh`, {
    headers: { 'x-ml-platform-demo-user': 'mallory' },
  });
  expect(unknown.status()).toBe(404);
});
