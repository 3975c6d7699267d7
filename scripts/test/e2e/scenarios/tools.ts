import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP, addAccountWithPositions, type E2E, newVisitor, shot, signIn, uniqueUser } from '../harness.ts';

/** Runs an analysis from the dashboard and waits for its report. */
async function analyse(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await page.getByRole('button', { name: 'Start analysis' }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await page
    .getByRole('heading', { name: 'Retirement Projection', exact: true })
    .waitFor({ timeout: 90_000 });
}

/** The portfolio tools: rebalance trades that net to zero, a risk check turning red, two reports compared. */
export function toolsScenarios(e2e: E2E): void {
  describe('the portfolio tools', () => {
    let context: BrowserContext;
    let page: Page;
    const user = uniqueUser('tools');

    beforeAll(async () => {
      ({ context, page } = await newVisitor(e2e));
      await signIn(page, user);
    });

    afterEach(async (test) => {
      if (test.task.result?.state === 'fail')
        await shot(page, `tools-failed-${test.task.name.slice(0, 40)}`).catch(() => {});
    });

    afterAll(async () => {
      await context?.close();
    });

    it('builds an equity-heavy portfolio with a little cash', async () => {
      await addAccountWithPositions(page, {
        name: 'Tools IRA',
        cash: '400',
        positions: [
          ['SPY', '10'],
          ['BND', '10'],
        ],
      });
    });

    it('shows rebalancing trades by holding that net to zero with cash', async () => {
      await page.getByRole('link', { name: 'Dashboard' }).first().click();
      await page.getByRole('link', { name: 'See the trades that reach your targets' }).click();
      await page.waitForURL(`${APP}/rebalance`);
      const trades = page.getByRole('table', { name: 'Trades to reach your asset-class targets' });
      await trades.waitFor();
      // 70/30 by default: SPY is sold, BND bought, in whole shares.
      await trades.getByText('SPY').waitFor();
      await trades.getByText('BND').waitFor();
      expect(await page.getByTestId('trades-net').textContent()).toContain('$0.00');
      await shot(page, 'tools-01-rebalance');
    });

    it('turns a risk check red on the dashboard when its threshold is crossed', async () => {
      await analyse(page);
      await page.getByRole('link', { name: 'Dashboard' }).first().click();
      const cash = page.locator('li[data-rule="cash_drag"]');
      await cash.waitFor();
      expect(await cash.getAttribute('class')).toContain('risk-pass');

      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByLabel('Limit (%) for Cash drag').fill('3');
      await page.getByRole('button', { name: 'Save risk checks' }).click();
      await page.getByText('Risk checks saved.').waitFor();

      await page.getByRole('link', { name: 'Dashboard' }).first().click();
      await page.locator('li[data-rule="cash_drag"].risk-fail').waitFor();
      expect(await page.locator('li[data-rule="cash_drag"]').textContent()).toContain('limit 3%');
      await shot(page, 'tools-02-risk-red');
    });

    it('compares two reports side by side with what changed highlighted', async () => {
      await analyse(page);
      await page.getByRole('link', { name: 'Reports' }).first().click();
      await page.getByRole('heading', { name: 'Compare two analyses' }).waitFor();
      const changed = page.getByRole('row', { name: /Needing attention/ });
      await changed.waitFor();
      expect(await changed.getAttribute('data-changed')).toBe('true');
      expect(await changed.textContent()).toContain('Cash drag');
      expect(await page.getByRole('row', { name: /Total value/ }).getAttribute('data-changed')).toBe('false');
      await shot(page, 'tools-03-compare');
    });
  });
}
