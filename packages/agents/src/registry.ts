import { AGENT_NAMES, type AgentName } from '@alex/core';
import { ClerkUserId, TickerSymbol } from '@alex/database';
import { z } from 'zod';

/** The planner's call to reporter, charter and retirement: which job, for which user. */
export const AgentJobEvent = z.object({ job_id: z.uuid(), clerk_user_id: ClerkUserId });
export type AgentJobEvent = z.infer<typeof AgentJobEvent>;

/** An instrument the tagger must classify before the analysis can use it. */
export const InstrumentToTag = z.object({
  symbol: TickerSymbol,
  name: z.string().trim().min(1).max(255),
  instrument_type: z.string().trim().max(50).nullable().default(null),
});
export type InstrumentToTag = z.output<typeof InstrumentToTag>;

/** The most instruments the tagger takes in one call; the planner sends larger lists in batches. */
export const TAGGER_MAX_INSTRUMENTS = 50;

/** The tagger's event: the instruments the planner found missing a price or allocations. */
export const TaggerEvent = z.object({
  job_id: z.uuid().optional(),
  instruments: z.array(InstrumentToTag).min(1).max(TAGGER_MAX_INSTRUMENTS),
});
export type TaggerEvent = z.input<typeof TaggerEvent>;

/** The model's own judgement of a classification it made, for whoever asked (the terminal, the trace). */
export const ClassificationNote = z.object({
  symbol: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  rationale: z.string(),
});
export type ClassificationNote = z.infer<typeof ClassificationNote>;

/**
 * What the tagger answers: the symbols stored (with the model's confidence and rationale for each),
 * those already classified and left alone, and those left unclassified with the reason.
 */
export const TaggerResult = z.object({
  tagged: z.array(z.string()),
  unresolved: z.array(z.object({ symbol: z.string(), reason: z.string() })),
  /** The model's confidence and rationale for each symbol it classified. */
  classifications: z.array(ClassificationNote),
  /** Symbols already classified, left alone (the model was not called for them). */
  skipped: z.array(z.string()),
});
export type TaggerResult = z.infer<typeof TaggerResult>;

/** What the reporter answers the planner (the report itself is in the database). */
export const ReporterResult = z.object({
  report_chars: z.number().int().nonnegative(),
  insights_available: z.boolean(),
  /** Who wrote the stored report: the model id, 'offline', or 'offline-fallback'. */
  generated_by: z.string(),
});
export type ReporterResult = z.infer<typeof ReporterResult>;

/** What the charter answers: the keys of the charts it stored, and who wrote their words. */
export const ChartResult = z.object({
  charts: z.array(z.string()),
  /** The model id, 'offline', or 'offline-fallback'. */
  generated_by: z.string(),
});
export type ChartResult = z.infer<typeof ChartResult>;

/** What the retirement agent answers (the projection itself is in the database). */
export const RetirementResult = z.object({
  success_rate: z.number().min(0).max(100),
  estimated_income: z.number(),
  /** Who wrote the stored summary and detail: the model id, 'offline', or 'offline-fallback'. */
  generated_by: z.string(),
});
export type RetirementResult = z.infer<typeof RetirementResult>;

/** One agent the planner invokes: its name and the schemas of what it takes and answers. */
export interface AgentEntry<I extends z.ZodType, O extends z.ZodType> {
  name: AgentName;
  input: I;
  output: O;
}

/** Every agent, keyed by name: the planner invokes through it and validates each reply with it. */
export const AGENT_REGISTRY = {
  tagger: { name: 'tagger', input: TaggerEvent, output: TaggerResult },
  reporter: { name: 'reporter', input: AgentJobEvent, output: ReporterResult },
  charter: { name: 'charter', input: AgentJobEvent, output: ChartResult },
  retirement: { name: 'retirement', input: AgentJobEvent, output: RetirementResult },
} as const satisfies { [A in AgentName]: AgentEntry<z.ZodType, z.ZodType> & { name: A } };

/** What the planner sends an agent. */
export type AgentInput<A extends AgentName> = z.input<(typeof AGENT_REGISTRY)[A]['input']>;
/** What an agent answers, once validated. */
export type AgentOutput<A extends AgentName> = z.output<(typeof AGENT_REGISTRY)[A]['output']>;

export { AGENT_NAMES, type AgentName };
