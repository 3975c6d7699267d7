import { type RetryPolicy, transientByName, withRetry } from '@alex/core';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';

/** The agents the planner calls. */
export const AGENT_NAMES = ['tagger', 'reporter', 'charter', 'retirement'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** The port through which the planner calls another agent: Lambda Invoke in AWS, a function call locally. */
export interface AgentInvoker {
  invoke<T = unknown>(agent: AgentName, payload: unknown): Promise<T>;
}

/** An agent call that failed; the message names the agent and the cause. */
export class AgentInvocationError extends Error {
  constructor(
    readonly agent: AgentName,
    cause: string,
    options?: { cause?: unknown },
  ) {
    super(`agent ${agent} failed: ${cause}`, options);
    this.name = new.target.name;
  }
}

/** A handler as the in-process invoker calls it: the Lambda event in, the Lambda result out. */
export type AgentHandler = (event: unknown) => Promise<unknown>;

/** Lambda throttles invocations under burst load; those calls never ran, so they are safe to repeat. */
const isInvokeThrottling = transientByName(['TooManyRequestsException', 'EC2ThrottledException']);

/** What a failed Lambda returns as its payload. */
function errorMessageOf(payload: unknown, fallback: string): string {
  if (typeof payload === 'object' && payload !== null && 'errorMessage' in payload) {
    return String(payload.errorMessage);
  }
  return fallback;
}

function decode(bytes: Uint8Array | undefined): unknown {
  const text = bytes === undefined ? '' : new TextDecoder().decode(bytes);
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Calls agents as Lambda functions (RequestResponse), retrying throttled invocations. */
export class LambdaInvoker implements AgentInvoker {
  constructor(
    private readonly client: LambdaClient,
    private readonly functionNames: Record<AgentName, string>,
    private readonly retry?: RetryPolicy,
  ) {}

  async invoke<T = unknown>(agent: AgentName, payload: unknown): Promise<T> {
    const command = new InvokeCommand({
      FunctionName: this.functionNames[agent],
      InvocationType: 'RequestResponse',
      Payload: new TextEncoder().encode(JSON.stringify(payload ?? null)),
    });
    let response: InvokeCommandOutput;
    try {
      response = await withRetry(() => this.client.send(command), isInvokeThrottling, this.retry);
    } catch (err: unknown) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new AgentInvocationError(agent, message, { cause: err });
    }
    const body = decode(response.Payload);
    if (response.FunctionError !== undefined) {
      throw new AgentInvocationError(agent, errorMessageOf(body, response.FunctionError));
    }
    const status = response.StatusCode ?? 200;
    if (status < 200 || status >= 300) {
      throw new AgentInvocationError(agent, errorMessageOf(body, `Lambda answered with status ${status}`));
    }
    return body as T;
  }
}

/** Copies a value through JSON, exactly as a Lambda payload would travel. */
const throughJson = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
};

/** Calls agents' handlers in this process with the same JSON a Lambda would see (local runs and tests). */
export class InProcessInvoker implements AgentInvoker {
  constructor(private readonly handlers: Partial<Record<AgentName, AgentHandler>>) {}

  async invoke<T = unknown>(agent: AgentName, payload: unknown): Promise<T> {
    const handler = this.handlers[agent];
    if (handler === undefined)
      throw new AgentInvocationError(agent, 'no handler is registered for it in this process');
    try {
      return throughJson(await handler(throughJson(payload))) as T;
    } catch (err: unknown) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new AgentInvocationError(agent, message, { cause: err });
    }
  }
}

/** The environment variable holding each agent's Lambda function name. */
export const FUNCTION_VARIABLES: Record<AgentName, string> = {
  tagger: 'TAGGER_FUNCTION',
  reporter: 'REPORTER_FUNCTION',
  charter: 'CHARTER_FUNCTION',
  retirement: 'RETIREMENT_FUNCTION',
};

/**
 * Chooses the invoke adapter at start-up: all of TAGGER_FUNCTION, REPORTER_FUNCTION, CHARTER_FUNCTION and
 * RETIREMENT_FUNCTION set → LambdaInvoker; none set → InProcessInvoker(handlers); some set → an error
 * naming the missing ones (a half-configured deployment would silently run agents in the planner).
 */
export function agentInvokerFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  handlers: Partial<Record<AgentName, AgentHandler>> = {},
  options: { client?: LambdaClient } = {},
): AgentInvoker {
  const names = AGENT_NAMES.map((agent) => [agent, env[FUNCTION_VARIABLES[agent]]?.trim() ?? ''] as const);
  const missing = names.filter(([, name]) => name === '').map(([agent]) => FUNCTION_VARIABLES[agent]);
  if (missing.length === AGENT_NAMES.length) return new InProcessInvoker(handlers);
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} must be set when any agent function name is set`);
  const region = env.AWS_REGION?.trim();
  const client = options.client ?? new LambdaClient(region ? { region } : {});
  return new LambdaInvoker(client, Object.fromEntries(names) as Record<AgentName, string>);
}
