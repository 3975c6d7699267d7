/**
 * Measures the JavaScript a first visit downloads: the entry script in dist/index.html and every
 * module it preloads, gzipped. Run `pnpm --filter @alex/frontend build` first.
 *   pnpm --filter @alex/frontend size [--max-kb 100]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Sizes in bytes of the JS loaded before the app first renders. */
export interface InitialJs {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** The initial JavaScript of a Vite build in `distDir` (entry scripts and modulepreloads). */
export function initialJs(distDir: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const files = [...new Set(refs)].map((ref) => {
    const content = readFileSync(join(distDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const maxFlag = process.argv.indexOf('--max-kb');
  const maxKb = maxFlag > 0 ? Number(process.argv[maxFlag + 1]) : 100;
  const result = initialJs(dist);
  for (const f of result.files) console.log(`${f.file}  ${(f.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  const kb = result.gzipBytes / 1024;
  console.log(
    `Initial JS: ${kb.toFixed(1)} KB gzipped (${(result.bytes / 1024).toFixed(1)} KB raw), budget ${maxKb} KB`,
  );
  process.exitCode = kb <= maxKb ? 0 : 1;
}
