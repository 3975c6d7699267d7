/**
 * Bundles every Lambda with esbuild into dist/lambdas/<service>.zip (handler index.handler), and
 * fails if a bundle holds another service's code or a module a Lambda never runs (lib/lambda-bundle.ts).
 *   pnpm run package [service…]
 */
import { relative } from 'node:path';
import { runMain, UsageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/env.ts';
import { forbiddenInputs } from './lib/lambda-bundle.ts';
import {
  availableServices,
  foreignServiceInputs,
  LAMBDA_SERVICES,
  packageLambda,
} from './lib/package-lambdas.ts';

const USAGE = `Usage: pnpm run package [${LAMBDA_SERVICES.join('|')} …]`;

await runMain(async () => {
  const wanted = process.argv.slice(2).filter((a) => a !== '--');
  if (wanted.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = wanted.filter((s) => !(LAMBDA_SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`Unknown service: ${unknown.join(', ')}`);
  const present = availableServices(REPO_ROOT);
  const missing = wanted.filter((s) => !(present as string[]).includes(s));
  if (missing.length > 0) throw new Error(`Not built yet in this checkout: ${missing.join(', ')}`);
  const services = wanted.length > 0 ? wanted : present;
  if (services.length === 0) throw new Error('No services/<name>/src/handler.ts found to package');
  for (const service of services) {
    const packaged = await packageLambda(REPO_ROOT, service);
    const foreign = foreignServiceInputs(packaged);
    if (foreign.length > 0)
      throw new Error(`${service} bundles another service's code: ${foreign.join(', ')}`);
    const forbidden = forbiddenInputs(packaged.metafile);
    if (forbidden.length > 0)
      throw new Error(
        `${service} bundles what a Lambda never runs: ${forbidden.map((f) => `${f.module} (${f.input})`).join(', ')}`,
      );
    console.log(
      `✓ ${service.padEnd(10)} ${relative(REPO_ROOT, packaged.zipPath)}  ${(packaged.zipBytes / 1024).toFixed(0)} KiB zipped, ${(packaged.bundleBytes / 1024).toFixed(0)} KiB bundle`,
    );
  }
  return 0;
}, USAGE);
