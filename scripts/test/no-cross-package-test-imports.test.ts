import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/env.ts';

// Every workspace package; a file belongs to the deepest one containing it (the root holds scripts/).
const PACKAGE_DIRS = ['packages', 'services']
  .flatMap((group) => readdirSync(join(REPO_ROOT, group)).map((name) => `${group}/${name}`))
  .concat(['frontend', 'infra']);
const SKIP = new Set(['node_modules', 'dist', '.alex', 'cdktf.out', 'coverage', '.git']);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function packageOf(file: string): string {
  return PACKAGE_DIRS.find((dir) => file === dir || file.startsWith(`${dir}/`)) ?? '.';
}

/** Where `file` (repository-relative) imports another package's `test/` folder, as `file → target`. */
export function crossPackageTestImports(file: string, source: string): string[] {
  const own = packageOf(file);
  const found: string[] = [];
  for (const [, specifier = ''] of source.matchAll(IMPORT)) {
    let target: string | undefined;
    if (specifier.startsWith('.')) target = relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), specifier));
    else if (specifier.startsWith('@alex/')) {
      const [, name = '', ...rest] = specifier.split('/');
      const dir = PACKAGE_DIRS.find((d) => d.endsWith(`/${name}`) || d === name);
      if (dir !== undefined && rest.length > 0) target = `${dir}/${rest.join('/')}`;
    }
    if (target === undefined) continue;
    const into = packageOf(target);
    const inTest = target
      .split(sep)
      .join('/')
      .startsWith(into === '.' ? 'scripts/test/' : `${into}/test/`);
    if (into !== own && inTest) found.push(`${file} → ${specifier}`);
  }
  return found;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = dir === '.' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield path;
  }
}

describe('test folders stay private to their package', () => {
  it("flags a relative or package import of another package's test/ folder, and nothing else", () => {
    const source = [
      "import { startTestDatabase } from '../../../packages/database/test/support/backends.ts';",
      "import { fixture } from '@alex/analysis/test/fixtures.ts';",
      "const late = await import('../../reporter/test/support.ts');",
      "import { helper } from './support.ts';",
      "import { SAMPLE_REPLIES } from '@alex/agents/testing';",
    ].join('\n');

    expect(crossPackageTestImports('services/api/test/handler.test.ts', source)).toEqual([
      'services/api/test/handler.test.ts → ../../../packages/database/test/support/backends.ts',
      'services/api/test/handler.test.ts → @alex/analysis/test/fixtures.ts',
      'services/api/test/handler.test.ts → ../../reporter/test/support.ts',
    ]);
  });

  it("no file in the repository imports another package's test/ folder (use its /testing kit)", () => {
    // This file's own examples above are the only deliberate offenders.
    const self = relative(REPO_ROOT, fileURLToPath(import.meta.url));
    const offenders = [...sourceFiles('.')]
      .filter((file) => file !== self)
      .flatMap((file) => crossPackageTestImports(file, readFileSync(join(REPO_ROOT, file), 'utf8')));

    expect(offenders).toEqual([]);
  });
});
