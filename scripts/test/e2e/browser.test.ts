import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DevServer, startDevServer } from './dev-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, type E2E } from './harness.ts';
import { coreScenarios } from './scenarios/core.ts';
import { importScenarios } from './scenarios/import.ts';
import { planScenarios } from './scenarios/plan.ts';
import { toolsScenarios } from './scenarios/tools.ts';
import { uxScenarios } from './scenarios/ux.ts';

// One `pnpm dev` (fixed ports 8000/5173) and one Chromium for every scenario: the scenarios are
// modules under scenarios/, each with its own user and browser context, registered here in order.
describe('Alex in Chromium against pnpm dev', () => {
  let dev: DevServer | undefined;
  let browser: Browser | undefined;
  const e2e: E2E = {
    dev: () => {
      if (!dev) throw new Error('pnpm dev is not running');
      return dev;
    },
    browser: () => {
      if (!browser) throw new Error('Chromium is not running');
      return browser;
    },
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
    }
    dev = await startDevServer({ dataApiPort: 8017 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  coreScenarios(e2e);
  uxScenarios(e2e);
  toolsScenarios(e2e);
  importScenarios(e2e);
  planScenarios(e2e);
});
