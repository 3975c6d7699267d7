/**
 * Loads the built landing page and the signed-in shell in headless Chromium under a throttled 4G profile
 * (Lighthouse's mobile settings: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU slowdown), cold cache,
 * served gzipped like CloudFront; prints the median of several loads (LCP, FCP, hydration, load event)
 * and the landing page's JS size.
 *   pnpm --filter @alex/frontend build && pnpm --filter @alex/frontend bench:web [--runs 3] [--json]
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
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

/** One load of a page, in milliseconds from navigation start. */
export interface LoadTiming {
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** When React had hydrated the pre-rendered HTML (or rendered the page): the page responds. */
  appRunningMs: number;
  /** JavaScript the page fetched by then (bytes on the wire, gzipped), lazy chunks included. */
  jsTransferBytes: number;
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
          const root = document.getElementById('root');
          const running = () => {
            const el = root && root.firstElementChild;
            return !!el && Object.keys(el).some((k) => k.startsWith('__reactFiber'));
          };
          for (let i = 0; i < 400 && !running(); i++) await new Promise(r => setTimeout(r, 25));
          const appRunning = running() ? performance.now() : NaN;
          const lcp = await new Promise((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
              .observe({ type: 'largest-contentful-paint', buffered: true });
            setTimeout(() => resolve(NaN), 2000);
          });
          const nav = performance.getEntriesByType('navigation')[0];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            firstContentfulPaintMs: fcp ? fcp.startTime : NaN,
            largestContentfulPaintMs: lcp,
            domContentLoadedMs: nav.domContentLoadedEventEnd,
            loadMs: nav.loadEventEnd,
            appRunningMs: appRunning,
            jsTransferBytes: performance.getEntriesByType('resource')
              .filter((e) => e.name.endsWith('.js'))
              .reduce((sum, e) => sum + e.encodedBodySize, 0),
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
    largestContentfulPaintMs: median(timings.map((t) => t.largestContentfulPaintMs)),
    domContentLoadedMs: median(timings.map((t) => t.domContentLoadedMs)),
    loadMs: median(timings.map((t) => t.loadMs)),
    appRunningMs: median(timings.map((t) => t.appRunningMs)),
    jsTransferBytes: median(timings.map((t) => t.jsTransferBytes)),
  };
}

async function main() {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
  const size = initialJs(dist);
  const server = await serveStatic(dist);
  try {
    const landing = await measureLoad(`${server.url}/`, runs);
    const shell = await measureLoad(`${server.url}/dashboard`, runs);
    const ms = (name: string, value: number, note?: string) => ({
      suite: 'frontend',
      name: `frontend ${name}, throttled 4G`,
      value: Math.round(value),
      unit: 'ms',
      ...(note === undefined ? {} : { note }),
    });
    const machine = `median of ${runs}; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;
    const results = [
      {
        suite: 'frontend',
        name: 'frontend landing JS (gzipped)',
        value: Math.round(size.gzipBytes / 102.4) / 10,
        unit: 'KB',
        note: 'target ≤ 100 KB: the entry and its modulepreloads',
      },
      {
        suite: 'frontend',
        name: 'frontend landing JS fetched (gzipped)',
        value: Math.round(landing.jsTransferBytes / 102.4) / 10,
        unit: 'KB',
        note: 'what the browser downloaded, lazy chunks included',
      },
      ms('landing LCP', landing.largestContentfulPaintMs, `target ≤ 1,000 ms; ${machine}`),
      ms('landing FCP', landing.firstContentfulPaintMs),
      ms('landing hydrated', landing.appRunningMs, 'React has taken over the pre-rendered HTML'),
      ms('landing load event', landing.loadMs),
      ms('signed-in shell FCP', shell.firstContentfulPaintMs, '/dashboard before sign-in is known'),
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
