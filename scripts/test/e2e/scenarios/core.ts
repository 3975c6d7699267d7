import { localDataApiClient } from '@alex/database';
import type { BrowserContext, Page } from 'playwright-core';
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

/** The main path: sign in, build a portfolio, set targets, analyse, read the report, sign out. */
export function coreScenarios(e2e: E2E): void {
  describe('the main path', () => {
    let context: BrowserContext;
    let page: Page;
    let jobId = '';
    const user = uniqueUser('core');

    beforeAll(async () => {
      ({ context, page } = await newVisitor(e2e));
    });

    afterEach(async (test) => {
      if (test.task.result?.state === 'fail')
        await shot(page, `failed-${test.task.name.slice(0, 40)}`).catch(() => {});
    });

    afterAll(async () => {
      await context?.close();
    });

    it('signs in locally from the landing page', async () => {
      await page.goto(APP);
      await shot(page, '01-landing');
      await signIn(page, user);
      await shot(page, '02-signed-in');
    });

    it('creates an account and adds positions, one of them an unknown symbol', async () => {
      await addAccountWithPositions(page, {
        name: 'E2E Brokerage',
        cash: '2500',
        positions: [
          ['SPY', '10'],
          ['BND', '20'],
          ['QWXYZ', '5'],
        ],
      });
      await shot(page, '03-portfolio');
    });

    it('sets targets that sum to 100', async () => {
      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByLabel('Equity (%)').fill('60');
      await page.getByLabel('Fixed income (%)').fill('40');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await shot(page, '04-settings');
    });

    it('runs an analysis and shows the report, the charts and the retirement projection', async () => {
      await page.getByRole('link', { name: 'Dashboard' }).first().click();
      await page.getByRole('button', { name: 'Start analysis' }).click();
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
      jobId = page.url().split('/').at(-1) ?? '';
      await page
        .getByRole('heading', { name: 'Retirement Projection', exact: true })
        .waitFor({ timeout: 90_000 });
      await page.getByText('Executive Summary').first().waitFor();
      expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(3);
      // The offline model's text passed the figure check: no part of it is the fallback writer's.
      expect(await page.getByRole('note', { name: "Written by Alex's built-in writer" }).count()).toBe(0);
      await shot(page, '05-report');
      await page.getByRole('link', { name: 'Reports' }).first().click();
      await page
        .getByRole('link', { name: /report|analysis/i })
        .first()
        .waitFor();
      await shot(page, '06-reports');
    });

    it("says on the report page when a report's text is the built-in writer's", async () => {
      const client = localDataApiClient(e2e.dev().dataApiUrl);
      await client.execute("UPDATE reports SET generated_by = 'offline-fallback' WHERE job_id = :job::uuid", {
        job: jobId,
      });
      await page.goto(`${APP}/reports/${jobId}`);
      const notice = page.getByRole('note', { name: "Written by Alex's built-in writer" });
      await notice.waitFor({ timeout: 90_000 });
      expect(await notice.textContent()).toContain(
        "Claude's answer could not be used for the summary and full report",
      );
    });

    it('shows HTML in a report as text and never runs it', async () => {
      const client = localDataApiClient(e2e.dev().dataApiUrl);
      const evil =
        '# Report\n\n<script>window.__xss = "script"</script>\n\n<img src="x" onerror="window.__xss = \'img\'">\n';
      await client.execute('UPDATE reports SET report_detail = :detail WHERE job_id = :job::uuid', {
        detail: evil,
        job: jobId,
      });
      await page.goto(`${APP}/reports/${jobId}`);
      await page.getByText('<script>window.__xss = "script"</script>').waitFor();
      expect(await page.evaluate(() => (globalThis as { __xss?: string }).__xss)).toBeUndefined();
      expect(await page.locator('main img[src="x"]').count()).toBe(0);
      await shot(page, '07-report-with-html');
    });

    it('signs out, after which the API answers 401', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page
        .getByRole('link', { name: /Sign in/ })
        .first()
        .waitFor();
      const status = await page.evaluate(async (api) => (await fetch(`${api}/api/user`)).status, API);
      expect(status).toBe(401);
      await shot(page, '08-signed-out');
    });
  });
}
