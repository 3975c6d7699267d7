import { Agent, type Model } from '@openai/agents';
import { z } from 'zod';
import { RETIREMENT_INSTRUCTIONS } from './prompts.ts';
import { type RetirementContext, retirementTools } from './tools.ts';

/** The Retirement Specialist's structured answer: words only; the stored numbers come from code. */
export const RetirementAnalysis = z.object({
  summary: z
    .string()
    .min(20)
    .describe('Two to four plain sentences: success rate, sustainable versus target income, the main lever.'),
  detail: z
    .string()
    .min(100)
    .describe('Markdown: Projection, What-ifs, What this means, Next steps, Assumptions.'),
});
export type RetirementAnalysis = z.infer<typeof RetirementAnalysis>;

/** Creates the Retirement Specialist agent on `model` (Bedrock or the offline model). */
export function createRetirementSpecialist(
  model: Model,
): Agent<RetirementContext, typeof RetirementAnalysis> {
  return new Agent<RetirementContext, typeof RetirementAnalysis>({
    name: 'Retirement Specialist',
    instructions: RETIREMENT_INSTRUCTIONS,
    model,
    tools: retirementTools,
    outputType: RetirementAnalysis,
  });
}
