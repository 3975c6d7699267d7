/**
 * Test kit for code that uses `@alex/agents`: valid agent replies for fake agents, and helpers for
 * scripting model turns with `ScriptedModel` from `@openai/agents/testing`. Tests only.
 */
import type { AgentName } from '@alex/core';
import { assistantMessage, type ScriptedModel } from '@openai/agents/testing';
import type { AgentOutput } from './registry.ts';

/** One reply per agent that passes its registered output schema, for fake agents in planner tests. */
export const SAMPLE_REPLIES: { readonly [A in AgentName]: AgentOutput<A> } = {
  tagger: { tagged: [], unresolved: [], classifications: [], skipped: [] },
  reporter: { report_chars: 1200, insights_available: true, generated_by: 'offline' },
  charter: { charts: ['asset_class_allocation'], generated_by: 'offline' },
  retirement: { success_rate: 82.5, estimated_income: 58_000, generated_by: 'offline' },
};

/** A scripted model turn whose final answer is `value` as JSON (structured output). */
export const answer = (value: unknown) => [assistantMessage(JSON.stringify(value))];

/** The error Bedrock raises when throttled: a model-retry layer must try again. */
export const throttling = (): Error =>
  Object.assign(new Error('Too many requests'), { name: 'ThrottlingException' });

/** The tool results (parsed JSON) the model was handed on its `call`-th request. */
export function toolOutputs(model: ScriptedModel, call: number): unknown[] {
  return ((model.calls[call]?.request.input ?? []) as { type?: string; output?: { text?: string } }[])
    .filter((item) => item.type === 'function_call_result')
    .map((item) => JSON.parse(item.output?.text ?? 'null'));
}
