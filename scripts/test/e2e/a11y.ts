/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser: they see the DOM.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Impacts that fail the scan: everything but `minor`. */
const FAILING = new Set(['moderate', 'serious', 'critical']);

/** One axe-core violation, reduced to what a failure message needs. */
export interface A11yViolation {
  state: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and returns its violations of moderate or higher impact,
 * each labelled with `state` (the page state scanned), so one assertion can report them all.
 */
export async function scanA11y(page: Page, state: string): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => FAILING.has(v.impact)).map((v) => ({ state, ...v }));
}
