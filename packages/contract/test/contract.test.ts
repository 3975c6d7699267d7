import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allEndpoints, Report, ROUTES, User } from '../src/index.ts';

const SRC = join(import.meta.dirname, '../src');

const user = {
  clerk_user_id: 'user_1',
  display_name: null,
  years_until_retirement: 20,
  target_retirement_income: '60000.00',
  asset_class_targets: { equity: 70, fixed_income: 30 },
  region_targets: { north_america: 50, international: 50 },
  birth_year: null,
  current_age: null,
  retirement_age: null,
  annual_contribution: null,
  contribution_rises_with_inflation: false,
  other_retirement_income: '0.00',
  other_income_start_age: null,
  annual_fee_percent: '0.00',
  risk_score: null,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};

describe('the contract', () => {
  it('gives every endpoint the method and path of ROUTES, and ROUTES names no other', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(allEndpoints).sort());
    for (const [name, e] of Object.entries(allEndpoints)) {
      expect({ method: e.method, path: e.path }).toEqual(ROUTES[name as keyof typeof ROUTES]);
    }
  });

  it('rejects a response with a field it does not describe', () => {
    expect(User.safeParse(user).success).toBe(true);
    expect(User.safeParse({ ...user, is_admin: true }).success).toBe(false);
  });

  it('rejects a response whose field was renamed', () => {
    const report = {
      job_id: 'j',
      report_date: '2026-11-25',
      summary: 'Short',
      markdown: '# Long',
      charts: [],
      generated_by: null,
      processing_time_ms: null,
      created_at: user.created_at,
      updated_at: user.updated_at,
    };
    const { summary, ...rest } = report;
    expect(Report.safeParse(report).success).toBe(true);
    expect(Report.safeParse({ ...rest, report_summary: summary }).success).toBe(false);
  });

  it('imports nothing but zod and the core taxonomy, agent list and risk rules, so the SPA can bundle it', () => {
    const imports = readdirSync(SRC).flatMap((file) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? ''),
    );
    const outside = new Set(imports.filter((spec) => !spec.startsWith('./')));
    expect([...outside].sort()).toEqual([
      '@alex/core/deployables',
      '@alex/core/risk-rules',
      '@alex/core/taxonomy',
      'zod',
    ]);
    expect(readFileSync(join(SRC, '../../core/src/risk-rules.ts'), 'utf8')).not.toMatch(/from '/);
  });

  it('keeps the plain module free of Zod (the SPA loads it on its first page)', () => {
    const imports = [...readFileSync(join(SRC, 'plain.ts'), 'utf8').matchAll(/from '([^']+)'/g)];
    expect(imports.map((m) => m[1])).toEqual(['./tools-routes.ts', '@alex/core/deployables']);
    expect(readFileSync(join(SRC, 'tools-routes.ts'), 'utf8')).not.toMatch(/from '/);
    expect(readFileSync(join(SRC, '../../core/src/deployables.ts'), 'utf8')).not.toMatch(/from '/);
  });
});
