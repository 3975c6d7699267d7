import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A DevTools Protocol session with one page of a headless Chromium. */
export interface CdpPage {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Resolves with the params of the next `event`. */
  once(event: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Chromium's path: CHROMIUM_PATH, else `chromium` on the PATH. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || 'chromium';
}

/**
 * Launches headless Chromium and opens a CDP session to its page. Needs a global WebSocket
 * (Node 22, or Node 20 with --experimental-websocket).
 */
export async function launchPage(executable = chromiumPath()): Promise<CdpPage> {
  const profile = mkdtempSync(join(tmpdir(), 'alex-chromium-'));
  const port = 9400 + Math.floor(Math.random() * 500);
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    `--remote-debugging-port=${port}`,
  ];
  const chrome: ChildProcess = spawn(executable, [...args, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  let pageUrl: string | undefined;
  for (let attempt = 0; attempt < 100 && !pageUrl; attempt += 1) {
    try {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
        type: string;
        webSocketDebuggerUrl: string;
      }[];
      pageUrl = targets.find((t) => t.type === 'page')?.webSocketDebuggerUrl;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (!pageUrl) {
    chrome.kill();
    throw new Error(`Chromium (${executable}) did not open a DevTools port; set CHROMIUM_PATH`);
  }
  const ws = new WebSocket(pageUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  let nextId = 0;
  const calls = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  const waiters = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) calls.get(message.id)?.(message);
    for (const waiter of waiters.get(message.method) ?? []) waiter(message.params);
    waiters.delete(message.method);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        calls.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result as never),
        );
        ws.send(JSON.stringify({ id, method, params }));
      }),
    once: (event) => new Promise((resolve) => waiters.set(event, [...(waiters.get(event) ?? []), resolve])),
    close: async () => {
      ws.close();
      chrome.kill();
      await new Promise((r) => setTimeout(r, 200));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
