import {
  type Agent,
  type AgentInputItem,
  type AgentOutputItem,
  ModelBehaviorError,
  type NonStreamRunOptions,
  type RunResult,
  run,
} from '@openai/agents';
import { OUTPUT_RETRY_NOTE } from './offline-label.ts';

/**
 * True for the SDK's rejection of a final answer that failed the agent's `outputType` schema (or was
 * missing). The SDK ends the run with a ModelBehaviorError; it has no built-in "ask again".
 */
export function isInvalidFinalOutput(err: unknown): err is ModelBehaviorError {
  return (
    err instanceof ModelBehaviorError &&
    (err.message.startsWith('Invalid output type') ||
      err.message.includes('no final output for the structured output'))
  );
}

/** The text of the last assistant message in a model output (a rejected final answer, say). */
export function lastAnswer(output: readonly AgentOutputItem[]): string | undefined {
  const message = output.findLast(
    (item) => item.type === 'message' && 'role' in item && item.role === 'assistant',
  );
  if (message === undefined || !('content' in message) || !Array.isArray(message.content)) return undefined;
  return message.content
    .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** What was wrong, path by path, when the output type is a Zod schema (the SDK's own message is redacted). */
export function schemaIssues(agent: { outputType: unknown }, answer: string | undefined): string | undefined {
  const schema = agent.outputType as {
    safeParse?: (value: unknown) => { success: boolean; error?: unknown };
  };
  if (answer === undefined || typeof schema?.safeParse !== 'function') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch {
    return 'the answer was not valid JSON';
  }
  const result = schema.safeParse(value);
  const issues = (result.error as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)
    ?.issues;
  if (result.success || issues === undefined) return undefined;
  return issues
    .slice(0, 5)
    .map((issue) => `at "${issue.path.map(String).join('.') || '(root)'}": ${issue.message}`)
    .join('; ');
}

/**
 * A final answer that passed the schema but failed the run's own check (a figure the code did not
 * compute, say) on its last allowed attempt. A ModelBehaviorError, like a schema failure: the model
 * misbehaved, nothing is down.
 */
export class RejectedAnswerError extends ModelBehaviorError {
  constructor(readonly reason: string) {
    super(`Rejected final answer: ${reason}`);
    this.name = new.target.name;
  }
}

/** The input of a re-run: the original request, then a user message naming what was wrong. */
function retryInput(input: string, reason: string, answer: string | undefined): AgentInputItem[] {
  const shown = answer === undefined ? '' : ` Your answer was: ${answer.slice(0, 2_000)}`;
  return [
    { role: 'user', content: input },
    {
      role: 'user',
      content: `${OUTPUT_RETRY_NOTE} ${reason}.${shown}\nCall the tools again if you need their results, then answer with output that matches the schema exactly.`,
    },
  ];
}

/** What `runWithOutputRetry` takes besides the SDK's own run options. */
export interface OutputRetryOptions<TOutput> {
  /** Extra runs allowed after a rejected final answer (default 1). */
  outputRetries?: number;
  /** Checks a final answer that passed the schema: the reason it is rejected, or undefined to accept it. */
  check?: (output: TOutput) => string | undefined;
}

/**
 * `run()` with another go when the final output fails the agent's schema or `check`: the agent is run
 * again from the original input plus a note naming what was wrong (`outputRetries` times, default 1);
 * an answer `check` still rejects after that throws {@link RejectedAnswerError}. Tools run again on a
 * re-run, so they must be safe to repeat (ours compute; they do not write).
 */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as the SDK's run(); Agent is invariant in its context.
export async function runWithOutputRetry<TAgent extends Agent<any, any>, TContext = undefined>(
  agent: TAgent,
  input: string,
  options: NonStreamRunOptions<TContext, TAgent> &
    OutputRetryOptions<NonNullable<RunResult<TContext, TAgent>['finalOutput']>> = {},
): Promise<RunResult<TContext, TAgent>> {
  const { outputRetries = 1, check, ...runOptions } = options;
  let answer: string | undefined;
  const errorHandlers: NonStreamRunOptions<TContext, TAgent>['errorHandlers'] = {
    ...runOptions.errorHandlers,
    // Only to see the rejected answer; returning nothing lets the run fail as before.
    invalidFinalOutput: (handlerInput) => {
      answer = lastAnswer(handlerInput.runData.output);
      return runOptions.errorHandlers?.invalidFinalOutput?.(handlerInput);
    },
  };
  let next: string | AgentInputItem[] = input;
  for (let attempt = 0; ; attempt += 1) {
    answer = undefined;
    try {
      const result = await run<TAgent, TContext>(agent, next, {
        ...runOptions,
        errorHandlers,
      } as NonStreamRunOptions<TContext, TAgent>);
      const output = result.finalOutput;
      const reason = check === undefined || output == null ? undefined : check(output);
      if (reason === undefined) return result;
      if (attempt >= outputRetries) throw new RejectedAnswerError(reason);
      next = retryInput(input, reason, typeof output === 'string' ? output : JSON.stringify(output));
    } catch (err: unknown) {
      if (err instanceof RejectedAnswerError) throw err;
      if (attempt >= outputRetries || !isInvalidFinalOutput(err)) throw err;
      next = retryInput(input, schemaIssues(agent, answer) ?? err.message.replace(/\.$/, ''), answer);
    }
  }
}
