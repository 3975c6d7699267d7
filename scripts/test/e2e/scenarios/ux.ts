/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser: they see the DOM.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type A11yViolation, scanA11y } from '../a11y.ts';
import { API, APP, type E2E, newVisitor, shot, signIn, uniqueUser } from '../harness.ts';

/** Creates an account through the portfolio page (the user has none yet, or has the form open). */
async function createAccount(page: Page, name: string): Promise<void> {
  await page.goto(`${APP}/portfolio`);
  const addAccount = page.getByRole('button', { name: 'Add account' });
  if (await addAccount.isVisible().catch(() => false)) await addAccount.click();
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Cash balance ($)').fill('$1,000');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

/** Adds `quantity` of `symbol` with the account's add-a-position form (opened if closed). */
async function addPosition(page: Page, account: string, symbol: string, quantity: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a position' });
  if (!(await form.isVisible().catch(() => false)))
    await page.getByText(`Add a position to ${account}`).click();
  await page.getByLabel('Symbol').fill(symbol);
  await page.getByLabel('Symbol').press('Escape');
  await page.getByLabel('Quantity').fill(quantity);
}

/** The signed-in user's API token, as the SPA stored it (local sign-in). */
async function token(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('alex.local-auth') ?? '{}').token as string);
}

/** Presses Tab until the focused element's accessible text matches `name`; returns the presses. */
async function tabTo(page: Page, name: RegExp, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`.trim();
    });
    if (name.test(text)) return presses;
  }
  throw new Error(`no focusable element named ${name} within ${max} Tab presses`);
}

/** Whether the focused element draws a visible focus indicator (outline or box shadow). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return false;
    const style = getComputedStyle(el);
    return (
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    );
  });
}

/**
 * What a new user meets (issue 11): adding a symbol already held, the app on localhost, an unknown
 * ticker resolved by hand, a keyboard-only pass, a phone, a bad report id, and an axe-core scan of
 * every main page state (no violation of moderate or higher impact).
 */
export function uxScenarios(e2e: E2E): void {
  describe('what a new user meets', () => {
    let context: BrowserContext;
    let page: Page;
    const user = uniqueUser('ux');
    const account = 'UX Brokerage';
    const violations: A11yViolation[] = [];
    const scan = async (state: string) => {
      violations.push(...(await scanA11y(page, state)));
    };
    let jobId = '';

    beforeAll(async () => {
      ({ context, page } = await newVisitor(e2e));
    });

    afterEach(async (test) => {
      if (test.task.result?.state === 'fail')
        await shot(page, `ux-failed-${test.task.name.slice(0, 40)}`).catch(() => {});
    });

    afterAll(async () => {
      await context?.close();
    });

    it('reaches the skip link with the first Tab on a fresh load', async () => {
      await page.goto(APP);
      await scan('landing');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await focusVisible(page)).toBe(true);
      await page.getByRole('link', { name: 'Sign in to get started' }).click();
      await page.getByLabel('Or type a user id').waitFor();
      await scan('sign-in');
    });

    it('signs in, and an empty portfolio cannot start an analysis anywhere, saying why', async () => {
      await signIn(page, user);
      await page.goto(`${APP}/dashboard`);
      await page.getByText('Add a position to start an analysis.').waitFor();
      expect(await page.getByRole('button', { name: 'Start analysis' }).isDisabled()).toBe(true);
      await scan('dashboard, empty');
      await page.goto(`${APP}/reports`);
      await page.getByText('Add a position to start an analysis.').waitFor();
      expect(await page.getByRole('button', { name: 'Start analysis' }).isDisabled()).toBe(true);
      await scan('reports, empty');
      await page.goto(`${APP}/portfolio`);
      await page.getByText('No accounts yet').waitFor();
      await scan('portfolio, empty');
    });

    it('moves focus to a new account, not to the top of the page', async () => {
      await createAccount(page, account);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(account);
    });

    it('asks before adding to a symbol already held, and adds by default', async () => {
      await addPosition(page, account, 'VTI', '10');
      await page.getByRole('button', { name: 'Add position' }).click();
      await page.getByRole('rowheader', { name: 'VTI', exact: true }).waitFor();

      await addPosition(page, account, 'VTI', '3');
      const choice = page.getByRole('group', { name: /already holds 10 VTI/ });
      await choice.waitFor();
      expect(await page.getByRole('radio', { name: 'Add to it (13 in total)' }).isChecked()).toBe(true);
      await scan('portfolio, adding a symbol already held');
      await shot(page, 'ux-01-held-symbol');
      await page.getByRole('button', { name: 'Add to VTI' }).click();

      const row = page.getByRole('row', { name: /^VTI/ });
      await row.getByText('13', { exact: true }).waitFor();
    });

    it('ends an unknown ticker in a clear state after an analysis, and resolves it by hand', async () => {
      await addPosition(page, account, 'ZZZQ', '4');
      await page.getByRole('button', { name: 'Add position' }).click();
      await page.getByText('Alex looks it up at the next analysis.').waitFor();

      await page.goto(`${APP}/dashboard`);
      await page.getByRole('button', { name: 'Start analysis' }).click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      jobId = page.url().split('/').at(-1) ?? '';
      await page.getByRole('heading', { name: 'Full report' }).waitFor({ timeout: 90_000 });
      await scan('report, completed');

      const job: { progress: { tagger: { symbols: unknown[]; message: string } } } = await page.evaluate(
        async ([api, id, bearer]) =>
          (await fetch(`${api}/api/jobs/${id}`, { headers: { Authorization: `Bearer ${bearer}` } })).json(),
        [API, jobId, await token(page)] as const,
      );
      expect(job.progress.tagger.symbols).toContainEqual({ symbol: 'ZZZQ', outcome: 'not_found' });
      expect(job.progress.tagger.message).toContain('Not found: ZZZQ.');

      await page.goto(`${APP}/portfolio`);
      await page.getByText('Not found. Check the symbol, or enter its price and class yourself.').waitFor();
      await page.getByRole('button', { name: /Enter price and class/ }).click();
      await page.getByLabel('Name (optional)').fill('My unlisted fund');
      await page.getByLabel('Price of one share ($)').fill('$25.50');
      await page.getByLabel('Asset class').selectOption('fixed_income');
      await page.getByLabel('Region').selectOption('europe');
      await page.getByLabel('Sector').selectOption('corporate');
      await scan('portfolio, classifying a symbol by hand');
      await page.getByRole('button', { name: 'Save ZZZQ' }).click();
      const row = page.getByRole('row', { name: /^ZZZQ/ });
      await row.getByText('My unlisted fund').waitFor();
      await row.getByText('$102.00').waitFor();
      expect(await page.getByText(/Not found\. Check the symbol/).count()).toBe(0);
      await shot(page, 'ux-02-classified-by-hand');
    });

    it('goes portfolio → analysis → report with the keyboard alone, charts adding no Tab stops', async () => {
      await page.goto(`${APP}/portfolio`);
      await page.getByRole('heading', { name: account }).waitFor();
      await tabTo(page, /^Dashboard$/);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Asset allocation' }).waitFor();
      await tabTo(page, /^Start analysis$/);
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) => /\/reports\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(jobId),
      );
      await page.getByRole('heading', { name: 'Full report' }).waitFor({ timeout: 90_000 });
      // The analysis charts (figure[data-chart]) are pictures of their tables: no Tab stops inside.
      const chartStops = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll(
            'figure[data-chart] [tabindex]:not([tabindex="-1"]), figure[data-chart] a[href], figure[data-chart] button',
          ),
        ).map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(await page.locator('figure[data-chart]').count()).toBeGreaterThanOrEqual(3);
      expect(chartStops).toEqual([]);
      // So is the retirement projection's drawing (its figures are in the table below it).
      await page.getByTestId('projection-retirement').waitFor({ timeout: 90_000 });
      const projectionStops = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.chart-plot [tabindex]:not([tabindex="-1"])')).map((el) =>
          el.outerHTML.slice(0, 120),
        ),
      );
      expect(projectionStops).toEqual([]);
      // From the page's start, the last link of the page is reached without passing through a chart.
      await page.locator('main').focus();
      const presses = await tabTo(page, /All reports/, 40);
      expect(presses).toBeLessThan(40);
    });

    it('opens a missing or malformed report id with a way back, not a retry', async () => {
      for (const id of ['not-a-report', '00000000-0000-4000-8000-000000000000']) {
        await page.goto(`${APP}/reports/${id}`);
        await page.getByRole('heading', { name: 'There is no analysis at this address' }).waitFor();
        expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Back to your reports' }).getAttribute('href')).toBe(
          '/reports',
        );
      }
      await scan('report, not found');
      await page.getByRole('link', { name: 'Back to your reports' }).click();
      await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
      await scan('reports, with history');
      await page.goto(`${APP}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await scan('page not found');
    });

    it('lays positions out as cards on a 375 px phone, with nothing off-screen', async () => {
      const phone = await e2e.browser().newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
      try {
        const small = await phone.newPage();
        await small.goto(APP);
        await small.evaluate(([key, value]) => localStorage.setItem(key, value), [
          'alex.local-auth',
          await page.evaluate(() => localStorage.getItem('alex.local-auth') ?? ''),
        ] as const);
        await small.goto(`${APP}/portfolio`);
        await small.getByRole('heading', { name: account }).waitFor();
        expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        for (const name of [/^Edit\s*VTI/, /^Delete\s*VTI/]) {
          const box = await small.getByRole('button', { name }).boundingBox();
          expect(box).not.toBeNull();
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
        }
        violations.push(...(await scanA11y(small, 'portfolio, phone')));
        await shot(small, 'ux-03-phone-portfolio');

        await small.goto(`${APP}/dashboard`);
        const total = small.locator('.stat dd').first();
        await total.waitFor();
        const lines = await total.evaluate((el) => {
          const style = getComputedStyle(el);
          const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
          return el.getBoundingClientRect().height / line;
        });
        expect(lines).toBeLessThan(1.5);
        violations.push(...(await scanA11y(small, 'dashboard, phone')));
        await shot(small, 'ux-04-phone-dashboard');
      } finally {
        await phone.close();
      }
    });

    it('scans settings and the dashboard with data', async () => {
      await page.goto(`${APP}/settings`);
      await page.getByRole('button', { name: 'Save settings' }).waitFor();
      await scan('settings');
      await page.goto(`${APP}/dashboard`);
      await page.getByRole('heading', { name: 'Asset allocation' }).waitFor();
      await scan('dashboard, with data');
    });

    it('finds no accessibility violation of moderate or higher impact in any page state', () => {
      expect(violations).toEqual([]);
    });
  });

  describe('the app opened at http://localhost:5173', () => {
    it('signs in and loads the dashboard, as on 127.0.0.1', async () => {
      const { context, page } = await newVisitor(e2e);
      try {
        await page.goto('http://localhost:5173/sign-in');
        await page.getByLabel('Or type a user id').fill(uniqueUser('localhost'));
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        await page.goto('http://localhost:5173/dashboard');
        await page.getByRole('heading', { name: 'Your dashboard' }).waitFor();
        expect(await page.getByRole('alert').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
}
