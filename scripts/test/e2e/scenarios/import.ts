import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newVisitor, shot, signIn, uniqueUser } from '../harness.ts';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Import a CSV (a bad row is shown and nothing is written; fixed, it imports), then export it. */
export function importScenarios(e2e: E2E): void {
  describe('import and export', () => {
    let context: BrowserContext;
    let page: Page;
    const user = uniqueUser('import');

    beforeAll(async () => {
      ({ context, page } = await newVisitor(e2e));
      await signIn(page, user);
    });

    afterEach(async (test) => {
      if (test.task.result?.state === 'fail')
        await shot(page, `failed-import-${test.task.name.slice(0, 40)}`).catch(() => {});
    });

    afterAll(async () => {
      await context?.close();
    });

    it('previews a file with one bad row, names it, and writes nothing', async () => {
      await page.getByRole('link', { name: 'Portfolio' }).first().click();
      await page.getByRole('link', { name: 'Import or export CSV' }).click();
      await page
        .getByLabel('CSV file', { exact: true })
        .setInputFiles(
          csv('bad.csv', 'account,symbol,quantity,cash\nE2E Roth,SPY,3,120\nE2E Roth,BND,-4,\n'),
        );

      const alert = page.getByRole('alert');
      await alert.getByText('Line 3: quantity: must be greater than 0').waitFor();
      expect(await page.getByRole('button', { name: /^Import / }).count()).toBe(0);
      await shot(page, 'import-01-bad-row');

      await page.getByRole('link', { name: 'Portfolio' }).first().click();
      await page.getByText('No accounts yet').waitFor();
    });

    it('imports the fixed file and shows its positions with dated prices', async () => {
      await page.goto(page.url().replace(/\/portfolio$/, '/import'));
      await page
        .getByLabel('CSV file', { exact: true })
        .setInputFiles(
          csv('fixed.csv', 'account,symbol,quantity,cash\nE2E Roth,SPY,3,120\nE2E Roth,BND,4,\n'),
        );
      await page.getByText('(new)').waitFor();
      await page.getByRole('button', { name: 'Import fixed.csv' }).click();
      await page.getByText('Imported fixed.csv: 2 positions in 1 accounts').waitFor();
      await shot(page, 'import-02-imported');

      await page.getByRole('link', { name: 'See your portfolio' }).click();
      await page.getByRole('heading', { name: 'E2E Roth' }).waitFor();
      await page.getByRole('rowheader', { name: 'BND', exact: true }).waitFor();
      expect(await page.getByText(/^as of [A-Z][a-z]{2} \d{1,2}, \d{4}$/).count()).toBeGreaterThanOrEqual(2);
    });

    it('downloads the export as CSV, with the imported positions', async () => {
      await page.getByRole('link', { name: 'Import or export CSV' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);

      expect(download.suggestedFilename()).toMatch(/^alex-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile((await download.path()) ?? '', 'utf8');
      expect(text.split('\r\n')[0]).toBe(
        'account,symbol,quantity,cash,name,price,price_as_of,value,as_of_date,account_purpose',
      );
      expect(text).toMatch(/^E2E Roth,SPY,3(\.0+)?,/m);
      expect(text).toMatch(/^E2E Roth,,,120(\.00)?,/m);
    });
  });
}
