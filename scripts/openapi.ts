/**
 * Writes the API's OpenAPI 3.1 document, generated from the HTTP contract (@alex/contract), to
 * dist/openapi.json. The local API serves the same document at /openapi.json.
 *   pnpm run openapi [--out <file>]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openApiDocument } from '@alex/contract/openapi';
import { runMain, UsageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm run openapi [--out <file>]';

await runMain(async () => {
  const args = process.argv.slice(2);
  if (args[0] === '--help') {
    console.log(USAGE);
    return 0;
  }
  let out = join(REPO_ROOT, 'dist', 'openapi.json');
  if (args.length === 2 && args[0] === '--out' && args[1]) out = resolve(args[1]);
  else if (args.length > 0) throw new UsageError(`Unexpected arguments: ${args.join(' ')}`);
  const document = openApiDocument();
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${out} (${Object.keys(document.paths as object).length} paths)`);
  return 0;
}, USAGE);
