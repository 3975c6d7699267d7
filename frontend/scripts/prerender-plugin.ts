import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';

/** The pages written at build time: the landing page replaces index.html, the shell is app.html. */
export const PRERENDERED_FILES = { landing: 'index.html', shell: 'app.html' } as const;

const ROOT_DIV = '<div id="root"></div>';
const STYLESHEET = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)">/;

/**
 * Puts the HTML of `page` into the built index.html's `#root`, marked with the page's name so the
 * browser knows what it may hydrate, and inlines the stylesheet so the first paint waits for nothing else.
 */
export function injectPage(template: string, page: string, html: string, css: string | undefined): string {
  if (!template.includes(ROOT_DIV)) throw new Error(`the built index.html has no ${ROOT_DIV}`);
  let out = template.replace(ROOT_DIV, () => `<div id="root" data-prerendered="${page}">${html}</div>`);
  if (css !== undefined) out = out.replace(STYLESHEET, () => `<style>${css}</style>`);
  return out;
}

/**
 * After the client build, renders the landing page and the signed-in shell with react-dom/server
 * (src/prerender.tsx, loaded through a Vite server with the same mode and env), and writes them as
 * static HTML, so they paint before any JavaScript has run. Build only: the dev server renders in the browser.
 */
export function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'alex-prerender',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const server = await createServer({
        configFile: false,
        root: config.root,
        mode: config.mode,
        envDir: config.envDir,
        plugins: [react()],
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        const { render } = (await server.ssrLoadModule('/src/prerender.tsx')) as {
          render(page: keyof typeof PRERENDERED_FILES): string;
        };
        const outDir = resolve(config.root, config.build.outDir);
        const template = readFileSync(join(outDir, 'index.html'), 'utf8');
        const stylesheet = STYLESHEET.exec(template)?.[1];
        const css = stylesheet && readFileSync(join(outDir, stylesheet), 'utf8');
        for (const [page, file] of Object.entries(PRERENDERED_FILES)) {
          const html = render(page as keyof typeof PRERENDERED_FILES);
          writeFileSync(join(outDir, file), injectPage(template, page, html, css || undefined));
        }
      } finally {
        await server.close();
      }
    },
  };
}
