import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../frontend/scripts/static-server.ts';
import { REPO_ROOT } from '../lib/env.ts';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// A key of the right shape for a Clerk instance that does not exist: the build takes the Clerk path.
const CLERK_KEY = `pk_test_${Buffer.from('alex-test.clerk.accounts.dev$').toString('base64')}`;
const HEADING = 'Plan your retirement with a team of AI agents';

/** Builds the SPA into a fresh folder; development React, whose hydration checks are the most detailed. */
async function buildSpa(clerkKey: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'alex-spa-'));
  await run(
    'pnpm',
    ['--filter', '@alex/frontend', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'development', VITE_CLERK_PUBLISHABLE_KEY: clerkKey },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return outDir;
}

/** Everything the page said on the console (errors and warnings) or threw, and the scripts it fetched. */
async function visit(context: BrowserContext, url: string, ready: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  // Tag the first element the HTML parser puts in #root: hydration keeps that node, a fresh render replaces it.
  // (Browser code as strings: this project compiles without the DOM library.)
  await page.addInitScript({
    content: `const observer = new MutationObserver(() => {
      const first = document.getElementById('root')?.firstElementChild;
      if (!first) return;
      first.alexProbe = 'from-html';
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });`,
  });
  await page.goto(url);
  await page.getByText(ready).first().waitFor();
  // React marks the DOM nodes it owns: wait until it has taken over the pre-rendered HTML.
  await page.waitForFunction(`(() => {
    const el = document.getElementById('root')?.firstElementChild;
    return !!el && Object.keys(el).some((k) => k.startsWith('__reactFiber'));
  })()`);
  await page.waitForLoadState('networkidle');
  const hydrated = await page.evaluate<boolean>(
    `document.getElementById('root')?.firstElementChild?.alexProbe === 'from-html'`,
  );
  return { page, problems, scripts, hydrated };
}

describe('the pre-rendered SPA in Chromium', () => {
  let browser: Browser;
  const folders: string[] = [];
  const servers: StaticServer[] = [];
  let local: StaticServer;
  let clerk: StaticServer;

  beforeAll(async () => {
    const [localDir, clerkDir] = await Promise.all([buildSpa(''), buildSpa(CLERK_KEY)]);
    folders.push(localDir, clerkDir);
    local = await serveStatic(localDir);
    clerk = await serveStatic(clerkDir);
    servers.push(local, clerk);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('writes the landing page and the signed-in shell as HTML', () => {
    const [localDir] = folders;
    if (!localDir) throw new Error('no build');
    expect(readdirSync(localDir)).toEqual(expect.arrayContaining(['index.html', 'app.html']));
    expect(readFileSync(join(localDir, 'index.html'), 'utf8')).toContain(`data-prerendered="landing">`);
    expect(readFileSync(join(localDir, 'app.html'), 'utf8')).toMatch(
      /data-prerendered="shell">.*Checking sign-in/,
    );
  });

  it('paints the landing page and the shell with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(local.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADING);
    await page.goto(`${local.url}/portfolio`);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Checking sign-in/);
    // Neither "Sign in" nor "Sign out" while nobody knows who is there.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('hydrates the landing page without a warning, signed out and signed in', async () => {
    const out = await browser.newContext();
    const signedOut = await visit(out, local.url, HEADING);
    expect(signedOut.problems).toEqual([]);
    expect(signedOut.hydrated).toBe(true);
    await out.close();

    const inn = await browser.newContext();
    await inn.addInitScript({
      content: `localStorage.setItem('alex.local-auth', ${JSON.stringify(JSON.stringify({ userId: 'user_test_123', token: 'x' }))});`,
    });
    // The HTML says "Sign in"; after hydration the stored session turns it into the dashboard link.
    const signedIn = await visit(inn, local.url, 'Go to your dashboard');
    expect(signedIn.problems).toEqual([]);
    expect(signedIn.hydrated).toBe(true);
    await inn.close();
  });

  it('hydrates the signed-in shell without a warning, then asks a signed-out visitor to sign in', async () => {
    const context = await browser.newContext();
    const { page, problems, hydrated } = await visit(context, `${local.url}/reports`, 'Sign in');
    await page.waitForURL(/\/sign-in\?next=%2Freports$/);
    expect(problems).toEqual([]);
    expect(hydrated).toBe(true);
    await context.close();
  });

  it('leaves Clerk out of the landing page and fetches it where sign-in is needed', async () => {
    const context = await browser.newContext();
    const landing = await visit(context, clerk.url, HEADING);
    expect(landing.problems).toEqual([]);
    expect(landing.hydrated).toBe(true);
    expect(landing.scripts.some((s) => s.includes('clerk'))).toBe(false);
    expect(landing.scripts.length).toBeGreaterThan(0);

    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${clerk.url}/dashboard`);
    await page.waitForRequest((r) => r.url().includes('/assets/clerk-auth'));
    expect(scripts.some((s) => s.includes('/assets/clerk-auth'))).toBe(true);
    await context.close();
  });
});
