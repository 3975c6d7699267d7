import { REGION_TARGET_KEYS } from '@alex/core/taxonomy';
import { z } from 'zod';
import { allocationMap } from './allocation.ts';
import { AssetClass, Region, Sector } from './enums.ts';
import { AGENT_NAMES } from './plain.ts';
import { IsoTimestamp } from './primitives.ts';
import { MAX_TAG_OUTCOMES, TagOutcome } from './tag-outcome.ts';

/** Regional breakdown of an instrument's holdings (percentages summing to 100). */
export const RegionAllocation = allocationMap(
  Region,
  'allocation_regions',
  'Regional breakdown of the holdings',
);
/** Sector breakdown of an instrument's holdings (percentages summing to 100). */
export const SectorAllocation = allocationMap(
  Sector,
  'allocation_sectors',
  'Sector breakdown of the holdings',
);
/** Asset-class breakdown of an instrument's holdings (percentages summing to 100). */
export const AssetClassAllocation = allocationMap(
  AssetClass,
  'allocation_asset_class',
  'Asset-class breakdown of the holdings',
);

/** A user's target asset-class mix. */
export const AssetClassTargets = allocationMap(
  AssetClass,
  'asset_class_targets',
  'Target asset-class mix for rebalancing',
);
/** A user's target regional mix. */
export const RegionTargets = allocationMap(
  z.enum(REGION_TARGET_KEYS),
  'region_targets',
  "Target regional mix for rebalancing: specific regions, and 'international' for every region not named (no key overlaps another)",
);

/** One agent of an analysis. */
export const AgentName = z.enum(AGENT_NAMES);
export type AgentName = z.infer<typeof AgentName>;

/** Where one agent is in a job. */
export const AgentProgress = z.strictObject({
  status: z.enum(['pending', 'running', 'completed', 'failed', 'skipped']),
  started_at: IsoTimestamp.optional(),
  finished_at: IsoTimestamp.optional(),
  message: z.string().max(2000).optional(),
  /** How many times the agent's text came from the offline writer because the model's was unusable. */
  fallbacks: z.number().int().min(0).optional(),
  /** The tagger's outcome for each symbol it was asked about (tagger only). */
  symbols: z.array(TagOutcome).max(MAX_TAG_OUTCOMES).optional(),
});
export type AgentProgress = z.infer<typeof AgentProgress>;

/** Per-agent progress of a job. */
export const JobProgress = z.partialRecord(AgentName, AgentProgress);
export type JobProgress = z.infer<typeof JobProgress>;
