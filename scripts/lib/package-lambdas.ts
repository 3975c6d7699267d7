import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LAMBDA_NAMES } from '@alex/core';
import { build, type Metafile } from 'esbuild';
import { type Zippable, zipSync } from 'fflate';

/** The deployables, each `services/<name>/src/handler.ts` exporting `handler`. */
export const LAMBDA_SERVICES = LAMBDA_NAMES;
export type LambdaService = (typeof LAMBDA_SERVICES)[number];

/** What packaging one service produced. */
export interface PackagedLambda {
  service: string;
  zipPath: string;
  zipBytes: number;
  bundleBytes: number;
  /** Source files in the bundle, relative to the repository root. */
  inputs: string[];
}

// ESM bundles of CommonJS dependencies still call require(); give them one.
const REQUIRE_SHIM =
  "import { createRequire as __alexCreateRequire } from 'node:module'; const require = __alexCreateRequire(import.meta.url);";

// A fixed timestamp keeps zips byte-identical across builds, so Terraform's hash changes only with code.
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

/** The services that exist in this checkout (a part not built yet is simply absent). */
export function availableServices(root: string): LambdaService[] {
  return LAMBDA_SERVICES.filter((s) => existsSync(join(root, 'services', s, 'src', 'handler.ts')));
}

/**
 * Bundles one service with esbuild (ESM, minified, source maps, Node 20 syntax) into
 * `dist/lambdas/<service>/index.mjs` and zips it to `dist/lambdas/<service>.zip` with the handler
 * `index.handler`.
 */
export async function packageLambda(root: string, service: string): Promise<PackagedLambda> {
  const outDir = join(root, 'dist', 'lambdas', service);
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'services', service, 'src', 'handler.ts')],
    outfile: join(outDir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    // Error classes name themselves with new.target.name: keep the names readable in logs.
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    banner: { js: REQUIRE_SHIM },
    mainFields: ['module', 'main'],
    conditions: ['import', 'node'],
    metafile: true,
    logLevel: 'silent',
  });
  const files = readdirSync(outDir).filter((f) => f === 'index.mjs' || f === 'index.mjs.map');
  const entries: Zippable = {};
  for (const f of files) entries[f] = [new Uint8Array(readFileSync(join(outDir, f))), { mtime: ZIP_MTIME }];
  const zip = zipSync(entries, { level: 9 });
  const zipPath = join(root, 'dist', 'lambdas', `${service}.zip`);
  writeFileSync(zipPath, zip);
  return {
    service,
    zipPath,
    zipBytes: zip.byteLength,
    bundleBytes: statSync(join(outDir, 'index.mjs')).size,
    inputs: bundleInputs(result.metafile, root),
  };
}

function bundleInputs(metafile: Metafile, root: string): string[] {
  return Object.keys(metafile.inputs).map((input) => relative(root, join(root, input)));
}

/** Source files from another service's folder: a bundle must contain none. */
export function foreignServiceInputs(packaged: PackagedLambda): string[] {
  return packaged.inputs.filter(
    (input) => input.startsWith('services/') && !input.startsWith(`services/${packaged.service}/`),
  );
}
