import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  APP,
  addAccountWithPositions,
  type E2E,
  newVisitor,
  shot,
  signIn,
  uniqueUser,
} from '../harness.ts';

/** The headline figures the report shows for the retirement projection. */
async function headline(page: Page): Promise<{ chance: string; income: string; median: string }> {
  await page.getByTestId('retirement-chance').waitFor({ timeout: 90_000 });
  const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  return {
    chance: await text('retirement-chance'),
    income: await text('retirement-income'),
    median: await text('retirement-median'),
  };
}

/** Starts an analysis from the dashboard and waits for its report's retirement figures. */
async function analyse(page: Page) {
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await page.getByRole('button', { name: 'Start analysis' }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  return headline(page);
}

/** The user's own retirement plan: edit it in /settings, see the analysis use it, try what-ifs. */
export function planScenarios(e2e: E2E): void {
  describe('a retirement plan the user owns', () => {
    let context: BrowserContext;
    let page: Page;
    let first = { chance: '', income: '', median: '' };
    const user = uniqueUser('plan');

    beforeAll(async () => {
      ({ context, page } = await newVisitor(e2e));
    });

    afterEach(async (test) => {
      if (test.task.result?.state === 'fail')
        await shot(page, `plan-failed-${test.task.name.slice(0, 40)}`).catch(() => {});
    });

    afterAll(async () => {
      await context?.close();
    });

    it('enters a plan in /settings and sees the next analysis use it, with units on every figure', async () => {
      await signIn(page, user);
      await addAccountWithPositions(page, {
        name: 'Plan Brokerage',
        cash: '150000',
        positions: [['SPY', '100']],
      });

      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByRole('heading', { name: 'Your retirement plan' }).waitFor();
      await page.getByLabel('Year of birth').fill(String(new Date().getFullYear() - 45));
      await page.getByLabel('Retirement age').fill('65');
      await page.getByLabel(/Target retirement income/).fill('50000');
      await page.getByLabel(/Yearly saving until retirement/).fill('5000');
      await page.getByRole('button', { name: 'Save my plan' }).click();
      await page.getByText('Plan saved. Your next analysis uses it.').waitFor();
      expect(await page.getByLabel('Years until retirement').inputValue()).toBe('20');
      await shot(page, 'plan-01-settings');

      first = await analyse(page);
      expect(
        await page.getByText("Income that lasts in 9 of 10 markets (today's dollars)").count(),
      ).toBeGreaterThan(0);
      expect(await page.getByText('Median portfolio at age 65').count()).toBe(1);
      await shot(page, 'plan-02-report');
    });

    it('saves more in the plan and sees the figures change in the next analysis', async () => {
      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByLabel(/Yearly saving until retirement/).fill('40000');
      await page.getByRole('button', { name: 'Save my plan' }).click();
      await page.getByText('Plan saved. Your next analysis uses it.').waitFor();

      const second = await analyse(page);

      expect(second.median).not.toBe(first.median);
      expect(second.income).not.toBe(first.income);
      await shot(page, 'plan-03-report-after');
    });

    it('moves a what-if slider and sees the projection update with no API request made', async () => {
      const median = page.getByTestId('what-if-median');
      await median.waitFor({ timeout: 60_000 });
      const before = await median.textContent();
      const apiRequests: string[] = [];
      const watch = (request: Request) => {
        if (request.url().startsWith(API)) apiRequests.push(request.url());
      };
      page.on('request', watch);

      const slider = page.getByRole('slider', { name: /Yearly saving/ });
      await slider.focus();
      for (let step = 0; step < 20; step += 1) await page.keyboard.press('ArrowRight');
      await expect.poll(async () => median.textContent(), { timeout: 30_000 }).not.toBe(before);

      page.off('request', watch);
      expect(apiRequests).toEqual([]);
      await shot(page, 'plan-04-what-if');
    });

    it('asks before Back or Forward leaves unsaved plan edits, keeping the address and the edits on Cancel', async () => {
      const report = page.url();
      await page.getByRole('link', { name: 'Settings' }).first().click();
      const saving = page.getByLabel(/Yearly saving until retirement/);
      await saving.waitFor();
      // Forward needs a page ahead: visit the dashboard and come Back (nothing to lose yet), then edit.
      await page.getByRole('link', { name: 'Dashboard' }).first().click();
      await page.waitForURL(`${APP}/dashboard`);
      await page.goBack();
      await saving.fill('41000');
      const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });

      await page.goForward();
      await dialog.waitFor();
      await shot(page, 'plan-05-unsaved-forward');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await expect.poll(() => page.url()).toBe(`${APP}/settings`);
      expect(await dialog.count()).toBe(0);
      expect(await saving.inputValue()).toBe('41000');

      await page.goBack();
      await dialog.getByRole('button', { name: 'Leave without saving' }).click();

      await page.waitForURL(report);
      await page.getByTestId('what-if').waitFor();
    });
  });
}
