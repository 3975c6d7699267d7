import { z } from 'zod';

/** Regions an instrument's holdings can be allocated to. */
export const REGIONS = [
  'north_america',
  'europe',
  'asia',
  'latin_america',
  'africa',
  'middle_east',
  'oceania',
  'global',
  'international',
] as const;

/** Asset classes an instrument's holdings can be allocated to. */
export const ASSET_CLASSES = [
  'equity',
  'fixed_income',
  'real_estate',
  'commodities',
  'cash',
  'alternatives',
] as const;

/** Sectors an instrument's holdings can be allocated to. */
export const SECTORS = [
  'technology',
  'healthcare',
  'financials',
  'consumer_discretionary',
  'consumer_staples',
  'industrials',
  'energy',
  'materials',
  'utilities',
  'real_estate',
  'communication',
  'treasury',
  'corporate',
  'mortgage',
  'government_related',
  'commodities',
  'diversified',
  'other',
] as const;

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
