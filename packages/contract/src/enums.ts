import { ASSET_CLASSES, REGIONS, SECTORS } from '@alex/core/taxonomy';
import { z } from 'zod';

export { ASSET_CLASSES, REGIONS, SECTORS } from '@alex/core/taxonomy';

/** Kinds of instrument Alex knows. */
export const INSTRUMENT_TYPES = [
  'etf',
  'mutual_fund',
  'stock',
  'bond',
  'bond_fund',
  'commodity',
  'reit',
] as const;

/** Lifecycle of an analysis job. */
export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;

export const Region = z.enum(REGIONS).describe('Geographic region of the underlying holdings');
export const AssetClass = z.enum(ASSET_CLASSES).describe('Asset class of the underlying holdings');
export const Sector = z.enum(SECTORS).describe('Economic sector of the underlying holdings');
export const InstrumentType = z.enum(INSTRUMENT_TYPES).describe('Kind of instrument');
export const JobStatus = z.enum(JOB_STATUSES).describe('Status of an analysis job');

export type Region = z.infer<typeof Region>;
export type AssetClass = z.infer<typeof AssetClass>;
export type Sector = z.infer<typeof Sector>;
export type InstrumentType = z.infer<typeof InstrumentType>;
export type JobStatus = z.infer<typeof JobStatus>;
