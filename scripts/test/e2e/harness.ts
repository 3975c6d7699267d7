import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../lib/env.ts';
import type { DevServer } from './dev-server.ts';

export const APP = 'http://127.0.0.1:5173';
export const API = 'http://127.0.0.1:8000';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(REPO_ROOT, 'dist', 'test-artifacts', 'e2e');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** What every scenario shares: one `pnpm dev` and one Chromium, started once for the whole file. */
export interface E2E {
  dev(): DevServer;
  browser(): Browser;
}

/** A fresh browser context (own cookies and storage) with one page, as a new visitor would have. */
export async function newVisitor(
  e2e: E2E,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser().newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Saves a full-page screenshot under dist/test-artifacts/e2e/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A user id no other scenario or run uses. */
export function uniqueUser(label: string): string {
  return `user_e2e_${label}_${Date.now().toString(36)}`;
}

/** Signs `user` in through the landing page and the local sign-in form. */
export async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(APP);
  await page.getByRole('link', { name: 'Sign in to get started' }).click();
  await page.getByLabel('Or type a user id').fill(user);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * For a signed-in user with no accounts yet: opens Portfolio, creates the account `name` with `cash`
 * in it, then adds each `[symbol, quantity]` position and waits for its row.
 */
export async function addAccountWithPositions(
  page: Page,
  account: {
    name: string;
    cash: string;
    positions: ReadonlyArray<readonly [symbol: string, quantity: string]>;
  },
): Promise<void> {
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  // A user with no accounts yet gets the new-account form straight away.
  await page.getByText('No accounts yet').waitFor();
  await page.getByLabel('Account name').fill(account.name);
  await page.getByLabel('Cash balance ($)').fill(account.cash);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: account.name }).waitFor();
  await page.getByText(`Add a position to ${account.name}`).click();
  for (const [symbol, quantity] of account.positions) {
    await page.getByLabel('Symbol').fill(symbol);
    // Escape closes the symbol's suggestion list, keeping the symbol as typed.
    await page.getByLabel('Symbol').press('Escape');
    await page.getByLabel('Quantity').fill(quantity);
    await page.getByRole('button', { name: 'Add position' }).click();
    await page.getByRole('rowheader', { name: symbol, exact: true }).waitFor();
  }
}
