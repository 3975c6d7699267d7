import type { Executor } from '../client/data-api-client.ts';
import { AssetClassAllocation, RegionAllocation, SectorAllocation } from '../schemas/index.ts';

/** Tables `verify` counts, in display order. */
export const VERIFIED_TABLES = [
  'users',
  'instruments',
  'accounts',
  'positions',
  'analysis_jobs',
  'reports',
  'retirement',
] as const;

/** The state of a database: row counts and anything wrong with instrument data. */
export interface VerifyReport {
  counts: Record<(typeof VERIFIED_TABLES)[number], number>;
  /** Instruments whose stored allocations fail validation, with the reason. */
  invalidAllocations: { symbol: string; problem: string }[];
  /** Instruments still waiting for the tagger (no price or allocations). */
  unclassified: string[];
  ok: boolean;
}

/** Counts every table (one statement) and checks every instrument's allocations. */
export async function verifyDatabase(db: Executor): Promise<VerifyReport> {
  const [countRow] = await db.query(
    `SELECT ${VERIFIED_TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`,
  );
  const counts = Object.fromEntries(
    VERIFIED_TABLES.map((t) => [t, Number(countRow?.[t] ?? 0)]),
  ) as VerifyReport['counts'];

  const instruments = await db.query<{
    symbol: string;
    current_price: string | null;
    allocation_regions: unknown;
    allocation_sectors: unknown;
    allocation_asset_class: unknown;
  }>(
    'SELECT symbol, current_price, allocation_regions, allocation_sectors, allocation_asset_class FROM instruments ORDER BY symbol',
  );
  const invalidAllocations: VerifyReport['invalidAllocations'] = [];
  const unclassified: string[] = [];
  for (const row of instruments) {
    const maps = [row.allocation_regions, row.allocation_sectors, row.allocation_asset_class];
    if (row.current_price === null || maps.some((m) => m === null)) {
      unclassified.push(row.symbol);
      continue;
    }
    const problems = [
      RegionAllocation.safeParse(row.allocation_regions),
      SectorAllocation.safeParse(row.allocation_sectors),
      AssetClassAllocation.safeParse(row.allocation_asset_class),
    ].flatMap((r) => (r.success ? [] : r.error.issues.map((i) => i.message)));
    if (problems.length > 0) invalidAllocations.push({ symbol: row.symbol, problem: problems.join('; ') });
  }
  return {
    counts,
    invalidAllocations,
    unclassified,
    ok: invalidAllocations.length === 0 && counts.instruments > 0,
  };
}
