/** Shapes the Alex API returns (mirroring packages/database schemas). Decimals arrive as strings. */

export { ASSET_CLASSES, type AssetClass, REGIONS, type Region } from '@alex/core/taxonomy';

export type AllocationMap = Partial<Record<string, number>>;

export interface User {
  clerk_user_id: string;
  display_name: string | null;
  years_until_retirement: number;
  target_retirement_income: string;
  asset_class_targets: AllocationMap;
  region_targets: AllocationMap;
  created_at: string;
  updated_at: string;
}

export interface UserUpdate {
  display_name?: string | null;
  years_until_retirement?: number;
  target_retirement_income?: string;
  asset_class_targets?: AllocationMap;
  region_targets?: AllocationMap;
}

export interface Account {
  id: string;
  account_name: string;
  account_purpose: string | null;
  cash_balance: string;
  cash_interest: string;
  created_at: string;
  updated_at: string;
}

export interface AccountInput {
  account_name: string;
  account_purpose: string | null;
  cash_balance: string;
  cash_interest: string;
}

export interface Instrument {
  symbol: string;
  name: string;
  instrument_type: string | null;
  current_price: string | null;
  allocation_regions: AllocationMap | null;
  allocation_sectors: AllocationMap | null;
  allocation_asset_class: AllocationMap | null;
}

export interface Position {
  id: string;
  account_id: string;
  symbol: string;
  quantity: string;
  as_of_date?: string;
  instrument?: Instrument | null;
}

/** Money totals as decimal strings. */
export interface Totals {
  cash: string;
  invested: string;
  total: string;
}

export type JobStatus = 'pending' | 'running' | 'completed' | 'failed';
export const AGENT_NAMES = ['tagger', 'reporter', 'charter', 'retirement'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];
export type AgentStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

export interface AgentProgress {
  status: AgentStatus;
  started_at?: string;
  finished_at?: string;
  message?: string;
  /** Times the agent's text came from Alex's built-in writer because Claude's answer was unusable. */
  fallbacks?: number;
}

export interface AnalysisJob {
  id: string;
  status: JobStatus;
  progress: Partial<Record<AgentName, AgentProgress>>;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
}

export interface ChartPoint {
  name: string;
  value: number;
  color: string;
}

export type ChartType = 'pie' | 'donut' | 'bar' | 'horizontalBar';

/** A Recharts-ready chart: `{key, title, type, description, data:[{name, value, color}]}`. */
export interface Chart {
  key: string;
  title: string;
  type: ChartType;
  description: string;
  data: ChartPoint[];
  /** Who wrote title and description; 'offline-fallback' when Claude's answer was unusable. */
  generated_by?: string;
}

export interface Report {
  job_id: string | null;
  report_date?: string;
  report_summary: string | null;
  report_detail: string | null;
  charts: Chart[];
  asset_class_chart?: Chart | null;
  region_chart?: Chart | null;
  sector_chart?: Chart | null;
  generated_by?: string | null;
}

export interface ProjectionPoint {
  year: number;
  age?: number | null;
  phase: 'accumulation' | 'retirement';
  p10: number;
  p50: number;
  p90: number;
}

export interface ProjectionChart {
  title: string;
  type: 'projection';
  description: string;
  data: ProjectionPoint[];
}

export interface Retirement {
  job_id: string | null;
  estimated_income: string | null;
  success_rate: string | null;
  summary: string | null;
  detail: string | null;
  chart: ProjectionChart | null;
  /** Who wrote summary and detail; 'offline-fallback' when Claude's answer was unusable. */
  generated_by?: string | null;
}
