#!/usr/bin/env node
// Part of ./scripts/install-into-new-app.sh: checks the suite inside the new
// app it started (backend :7107, frontend :3100), as its users would meet it:
// the backend routes with a guest token, the templates in the catalog, the
// scaffolder actions, and the frontend page in Chromium. Exits 1 naming what
// did not hold.
//
//   node scripts/new-app-check.mjs <work dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BACKEND = 'http://localhost:7107';
const FRONTEND = 'http://localhost:3100';
const START_TIMEOUT_MS = 8 * 60_000;
const workDir = process.argv[2];
const checks = [];

function check(what, ok, detail = '') {
  checks.push({ what, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitUntilUp() {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (
      (await answers(`${BACKEND}/.backstage/health/v1/readiness`)) &&
      (await answers(FRONTEND))
    ) {
      return true;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  return false;
}

async function getJson(path, token) {
  const response = await fetch(`${BACKEND}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

async function backendChecks() {
  const refresh = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await refresh.json())?.backstageIdentity?.token;
  check('guest sign-in of the new app gives a token', !!token);

  const anonymous = await getJson('/api/ml-platform/status');
  check(
    'ml-platform routes refuse a request without a token',
    anonymous.status === 401,
    `${anonymous.status}`,
  );

  const status = await getJson('/api/ml-platform/status', token);
  const states = (status.body?.connections ?? []).map(
    c => `${c.component}: ${c.state}`,
  );
  check(
    'GET /api/ml-platform/status answers with the three systems reachable',
    status.status === 200 &&
      states.length === 3 &&
      states.every(s => s.endsWith(': ok')),
    `${status.status} ${states.join(', ')}`,
  );

  const openapi = await getJson('/api/ml-platform/openapi.json', token);
  check(
    'the OpenAPI document is served',
    openapi.status === 200 && !!openapi.body?.paths,
    `${openapi.status}`,
  );

  const overview = await getJson(
    '/api/ml-platform/teams/fraud-detection/overview',
    token,
  );
  check(
    "the suite's policy refuses a guest another team's overview",
    overview.status === 403,
    `${overview.status} ${overview.body?.error?.message ?? ''}`,
  );

  const templates = await getJson(
    '/api/catalog/entities/by-query?filter=kind=template',
    token,
  );
  const names = (templates.body?.items ?? []).map(t => t.metadata.name);
  check(
    'the templates team-namespace and ml-project are in the catalog',
    names.includes('team-namespace') && names.includes('ml-project'),
    names.join(', '),
  );

  const actions = await getJson('/api/scaffolder/v2/actions', token);
  const ids = (Array.isArray(actions.body) ? actions.body : []).map(a => a.id);
  const ours = ids.filter(id => id.startsWith('ml-platform:'));
  check(
    "the scaffolder offers the suite's actions",
    [
      'ml-platform:namespace:team',
      'ml-platform:namespace:project',
      'ml-platform:mlflow:experiment',
    ].every(id => ours.includes(id)),
    ours.join(', '),
  );
}

async function frontendChecks() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(`${FRONTEND}/`);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.click({ timeout: 120_000 });
    await page.goto(`${FRONTEND}/ml-platform`);
    const heading = page.getByText(
      'Platform connections (new app on the local platform)',
    );
    await heading.waitFor({ timeout: 120_000 });
    const reachable = await page
      .getByText('Reachable', { exact: true })
      .count();
    await page.screenshot({
      path: join(workDir, 'ml-platform-page.png'),
      fullPage: true,
    });
    check(
      "the suite's page /ml-platform renders in the new app, the three systems reachable",
      reachable === 3,
      `${reachable} reachable; screenshot ${join(
        workDir,
        'ml-platform-page.png',
      )}`,
    );
    check(
      'no uncaught error in the page',
      errors.length === 0,
      errors.join('; '),
    );
  } catch (error) {
    check(
      "the suite's page /ml-platform renders in the new app",
      false,
      String(error),
    );
  } finally {
    await browser.close();
  }
}

if (!(await waitUntilUp())) {
  check(
    'the new app starts',
    false,
    'backend :7107 or frontend :3100 did not answer',
  );
  console.log(
    readFileSync(join(workDir, 'app.log'), 'utf8')
      .split('\n')
      .slice(-60)
      .join('\n'),
  );
} else {
  check('the new app starts', true);
  await backendChecks();
  await frontendChecks();
}
const failed = checks.filter(c => !c.ok).length;
console.log(`new-app: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
