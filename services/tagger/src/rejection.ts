import { lastAnswer, schemaIssues } from '@alex/agents';
import type { RunErrorHandlers } from '@openai/agents';
import { type TaggerAgent, TaggerOutput } from './agent.ts';
import type { TaggerContext } from './tools.ts';

/**
 * Keeps the last final answer the SDK rejected, so an unresolved symbol's reason can say what was wrong
 * (the SDK's own error message may be redacted to "did not match the expected schema").
 */
export function rejectionRecorder() {
  let answer: string | undefined;
  const errorHandlers: RunErrorHandlers<TaggerContext, TaggerAgent> = {
    invalidFinalOutput: ({ runData }) => {
      answer = lastAnswer(runData.output);
    },
  };
  return {
    errorHandlers,
    /** Why the last rejected answer failed the schema, prefixed for the unresolved list. */
    reason(fallback: string): string {
      const issues = schemaIssues({ outputType: TaggerOutput }, answer);
      return issues === undefined ? fallback : `invalid answer from the model: ${issues}`;
    },
  };
}
