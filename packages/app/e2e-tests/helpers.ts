import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BACKEND_URL = process.env.BACKEND_URL ?? 'http://localhost:7007';
const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'e2e-screenshots');

/**
 * React's development build reports deprecations ("Warning: ...") through
 * console.error. Those raised inside third-party packages (material-table,
 * Material UI, react-router under Backstage's core components) are not ours to
 * fix; the same warning raised by a component of this repository still fails.
 */
export function isUpstreamReactWarning(text: string): boolean {
  if (!text.startsWith('Warning:')) {
    return false;
  }
  const firstSourceFrame = text
    .split('\n')
    .find(line => /^\s*at .*\(webpack-internal:/.test(line));
  return firstSourceFrame?.includes('/node_modules/') ?? false;
}

/** Collects console errors and uncaught exceptions; a test fails on any. */
export function collectBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error' && !isUpstreamReactWarning(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', error => errors.push(`page: ${error.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
  });
}

/** Signs in through the demo sign-in page by clicking the user's button. */
export async function signInAs(page: Page, userName: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('Sign in as a demo user')).toBeVisible();
  await page.getByRole('button', { name: `Sign in as ${userName}` }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
