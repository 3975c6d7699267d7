import {
  AGENT_FUNCTION_VARIABLES,
  AGENT_NAMES,
  type AgentName,
  type Env,
  envValue,
  type RetryPolicy,
  transientByName,
  withRetry,
} from '@alex/core';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { AGENT_REGISTRY, type AgentInput, type AgentOutput } from './registry.ts';

/**
 * The port through which the planner calls another agent: Lambda Invoke in AWS, a function call
 * locally. Either way the reply is validated against the agent's output schema in the registry.
 */
export interface AgentInvoker {
  invoke<A extends AgentName>(agent: A, payload: AgentInput<A>): Promise<AgentOutput<A>>;
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

/** Checks an agent's reply against its registered output schema; an invalid reply names the fields. */
export function validateReply<A extends AgentName>(agent: A, reply: unknown): AgentOutput<A> {
  const parsed = AGENT_REGISTRY[agent].output.safeParse(reply);
  if (parsed.success) return parsed.data as AgentOutput<A>;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`);
  throw new AgentInvocationError(agent, `invalid reply: ${problems.join('; ')}`);
}

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

  async invoke<A extends AgentName>(agent: A, payload: AgentInput<A>): Promise<AgentOutput<A>> {
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
    return validateReply(agent, body);
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

  async invoke<A extends AgentName>(agent: A, payload: AgentInput<A>): Promise<AgentOutput<A>> {
    const handler = this.handlers[agent];
    if (handler === undefined)
      throw new AgentInvocationError(agent, 'no handler is registered for it in this process');
    let reply: unknown;
    try {
      reply = throughJson(await handler(throughJson(payload)));
    } catch (err: unknown) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new AgentInvocationError(agent, message, { cause: err });
    }
    return validateReply(agent, reply);
  }
}

/**
 * Chooses the invoke adapter at start-up: all of TAGGER_FUNCTION, REPORTER_FUNCTION, CHARTER_FUNCTION and
 * RETIREMENT_FUNCTION set → LambdaInvoker; none set → InProcessInvoker(handlers); some set → an error
 * naming the missing ones (a half-configured deployment would silently run agents in the planner).
 */
export function agentInvokerFromEnv(
  env: Env,
  handlers: Partial<Record<AgentName, AgentHandler>> = {},
  options: { client?: LambdaClient } = {},
): AgentInvoker {
  const names = AGENT_NAMES.map((agent) => [agent, envValue(env, AGENT_FUNCTION_VARIABLES[agent])] as const);
  const missing = names
    .filter(([, name]) => name === undefined)
    .map(([agent]) => AGENT_FUNCTION_VARIABLES[agent]);
  if (missing.length === AGENT_NAMES.length) return new InProcessInvoker(handlers);
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} must be set when any agent function name is set`);
  const region = envValue(env, 'AWS_REGION');
  const client = options.client ?? new LambdaClient(region ? { region } : {});
  return new LambdaInvoker(client, Object.fromEntries(names) as Record<AgentName, string>);
}
