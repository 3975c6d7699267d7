/**
 * Loads the built landing page in headless Chromium under a throttled 4G profile (Lighthouse's
 * mobile settings: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU slowdown), cold cache, served
 * gzipped like CloudFront; prints the median of several loads and the initial JS size.
 *   pnpm --filter @alex/frontend build && pnpm --filter @alex/frontend bench:web [--runs 3] [--json]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initialJs } from './bundle-size.ts';
import { launchPage } from './cdp.ts';
import { serveStatic } from './static-server.ts';

/** The throttled 4G profile. */
export const THROTTLED_4G = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
} as const;

/** One load of the landing page, in milliseconds from navigation start. */
export interface LoadTiming {
  firstContentfulPaintMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** When the landing page's heading was on screen (the app had rendered). */
  appRenderedMs: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Loads `url` cold under {@link THROTTLED_4G} `runs` times; returns the median of each timing. */
export async function measureLoad(url: string, runs = 3): Promise<LoadTiming> {
  const timings: LoadTiming[] = [];
  for (let run = 0; run < runs; run += 1) {
    const page = await launchPage();
    try {
      await page.send('Page.enable');
      await page.send('Network.enable');
      await page.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLED_4G.latencyMs,
        downloadThroughput: THROTTLED_4G.downloadBytesPerSecond,
        uploadThroughput: THROTTLED_4G.uploadBytesPerSecond,
      });
      await page.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED_4G.cpuSlowdown });
      const loaded = page.once('Page.loadEventFired');
      await page.send('Page.navigate', { url });
      await loaded;
      const { result } = await page.send<{ result: { value: LoadTiming } }>('Runtime.evaluate', {
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => {
          for (let i = 0; i < 200 && !document.querySelector('h1'); i++) await new Promise(r => setTimeout(r, 25));
          const rendered = performance.now();
          await new Promise(r => setTimeout(r, 100));
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            firstContentfulPaintMs: fcp ? fcp.startTime : NaN,
            domContentLoadedMs: nav.domContentLoadedEventEnd,
            loadMs: nav.loadEventEnd,
            appRenderedMs: rendered,
          };
        })()`,
      });
      timings.push(result.value);
    } finally {
      await page.close();
    }
  }
  return {
    firstContentfulPaintMs: median(timings.map((t) => t.firstContentfulPaintMs)),
    domContentLoadedMs: median(timings.map((t) => t.domContentLoadedMs)),
    loadMs: median(timings.map((t) => t.loadMs)),
    appRenderedMs: median(timings.map((t) => t.appRenderedMs)),
  };
}

async function main() {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
  const size = initialJs(dist);
  const server = await serveStatic(dist);
  try {
    const timing = await measureLoad(`${server.url}/`, runs);
    const results = [
      {
        suite: 'frontend',
        name: 'frontend initial JS (gzipped)',
        value: Math.round(size.gzipBytes / 102.4) / 10,
        unit: 'KB',
        note: 'budget 200 KB',
      },
      {
        suite: 'frontend',
        name: 'frontend landing FCP, throttled 4G',
        value: Math.round(timing.firstContentfulPaintMs),
        unit: 'ms',
      },
      {
        suite: 'frontend',
        name: 'frontend landing rendered, throttled 4G',
        value: Math.round(timing.appRenderedMs),
        unit: 'ms',
      },
      {
        suite: 'frontend',
        name: 'frontend landing load event, throttled 4G',
        value: Math.round(timing.loadMs),
        unit: 'ms',
      },
    ];
    if (process.argv.includes('--json')) console.log(JSON.stringify(results));
    else
      for (const r of results) console.log(`${r.name.padEnd(44)} ${String(r.value).padStart(8)} ${r.unit}`);
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (typeof WebSocket === 'undefined') {
    // Node 20 has WebSocket behind a flag: run again with it.
    const args = ['--experimental-websocket', ...process.execArgv, ...process.argv.slice(1)];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
  } else {
    await main();
  }
}
