import type { AgentOutputItem, RunErrorHandlers } from '@openai/agents';
import type { TaggerAgent } from './agent.ts';
import { TaggerOutput } from './agent.ts';
import type { TaggerContext } from './tools.ts';

/** The text of the last assistant message in a run's output. */
function lastAnswer(output: readonly AgentOutputItem[]): string | undefined {
  const message = output.findLast(
    (item) => item.type === 'message' && 'role' in item && item.role === 'assistant',
  );
  if (message === undefined || !('content' in message) || !Array.isArray(message.content)) return undefined;
  return message.content
    .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** What is wrong with an answer, field by field, or undefined when it parses. */
function issuesOf(answer: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch {
    return 'the answer was not valid JSON';
  }
  const parsed = TaggerOutput.safeParse(value);
  if (parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(answer)'}: ${issue.message}`)
    .join('; ');
}

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
      const issues = answer === undefined ? undefined : issuesOf(answer);
      return issues === undefined ? fallback : `invalid answer from the model: ${issues}`;
    },
  };
}
