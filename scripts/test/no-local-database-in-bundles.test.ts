import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';
import { availableServices, packageLambda } from '../lib/package-lambdas.ts';

// The local Data API and its engines are for development only: PGlite is ~10 MB of WebAssembly and
// `pg` opens raw sockets; neither may reach a Lambda. Paths are the esbuild metafile's inputs.
const FORBIDDEN = [
  { what: 'PGlite', pattern: /(^|\/)node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?@electric-sql\/pglite\// },
  { what: 'pg', pattern: /(^|\/)node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?pg(-[a-z]+)?\// },
  { what: 'the local Data API', pattern: /(^|\/)packages\/local-data-api\// },
];

/** The metafile inputs that come from PGlite, `pg` (and its pg-* helpers) or the local Data API. */
function localDatabaseInputs(inputs: readonly string[]): string[] {
  return inputs.filter((input) => FORBIDDEN.some(({ pattern }) => pattern.test(input)));
}

describe('the pg/PGlite bundle check', () => {
  it('recognises PGlite, pg and the local Data API among metafile inputs', () => {
    const inputs = [
      'node_modules/.pnpm/@electric-sql+pglite@0.5.16/node_modules/@electric-sql/pglite/dist/index.js',
      'node_modules/.pnpm/pg@8.23.1/node_modules/pg/lib/client.js',
      'node_modules/.pnpm/pg-protocol@1.10.0/node_modules/pg-protocol/dist/parser.js',
      'packages/local-data-api/src/server.ts',
      'node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/classic/schemas.js',
      'packages/database/src/client/data-api-client.ts',
      'node_modules/.pnpm/postgres-array@3.0.4/node_modules/postgres-array/index.js',
    ];

    expect(localDatabaseInputs(inputs)).toEqual(inputs.slice(0, 4));
  });
});

describe('Lambda bundles (pnpm run package)', () => {
  const services = availableServices(REPO_ROOT);

  it('packages at least one service', () => {
    expect(services.length).toBeGreaterThan(0);
  });

  it.each(services)('the %s bundle contains no PGlite, pg or local Data API code', async (service) => {
    const packaged = await packageLambda(REPO_ROOT, service);

    expect(packaged.inputs.length).toBeGreaterThan(0);
    expect(localDatabaseInputs(packaged.inputs)).toEqual([]);
  });
});
