import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LAMBDA_NAMES } from '@alex/core';
import { build, type Metafile } from 'esbuild';
import { type Zippable, zipSync } from 'fflate';
import { lambdaTrimPlugin } from './lambda-bundle.ts';

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
  /** esbuild's metafile (also written next to the bundle as `meta.json`). */
  metafile: Metafile;
}

/** Where to write: `dist/lambdas` of the repository unless a test asks for a folder of its own. */
export interface PackageOptions {
  outRoot?: string;
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
 * Bundles one service with esbuild (ESM, minified with class and function names kept, Node 20 syntax,
 * the AWS SDK included) into `dist/lambdas/<service>/index.mjs` and zips the bundle alone to
 * `dist/lambdas/<service>.zip` with the handler `index.handler`. The source map and esbuild's metafile
 * stay beside the bundle, out of the zip: the runtime reads no source map unless started with
 * `--enable-source-maps`, which the functions are not.
 */
export async function packageLambda(
  root: string,
  service: string,
  options: PackageOptions = {},
): Promise<PackagedLambda> {
  const outRoot = options.outRoot ?? join(root, 'dist', 'lambdas');
  const outDir = join(outRoot, service);
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
    // 'module': @smithy/core and others list it (ES modules, tree-shaken) before 'node' (CommonJS, whole).
    conditions: ['module', 'import', 'node'],
    plugins: [lambdaTrimPlugin],
    metafile: true,
    logLevel: 'silent',
  });
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  const entries: Zippable = {
    'index.mjs': [new Uint8Array(readFileSync(join(outDir, 'index.mjs'))), { mtime: ZIP_MTIME }],
  };
  const zip = zipSync(entries, { level: 9 });
  const zipPath = join(outRoot, `${service}.zip`);
  writeFileSync(zipPath, zip);
  return {
    service,
    zipPath,
    zipBytes: zip.byteLength,
    bundleBytes: statSync(join(outDir, 'index.mjs')).size,
    inputs: bundleInputs(result.metafile, root),
    metafile: result.metafile,
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
