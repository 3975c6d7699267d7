import {
  InvokeCommand,
  type InvokeCommandOutput,
  LambdaClient,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AgentInvocationError,
  agentInvokerFromEnv,
  InProcessInvoker,
  LambdaInvoker,
} from '../src/invoker.ts';

const lambdaMock = mockClient(LambdaClient);
const functionNames = {
  tagger: 'alex-tagger',
  reporter: 'alex-reporter',
  charter: 'alex-charter',
  retirement: 'alex-retirement',
};
const JOB = { job_id: '6f1c1f0e-6a51-4c4e-9a57-3c5b1d9a2e10', clerk_user_id: 'user_test_123' };
const TAG_VTI = { instruments: [{ symbol: 'VTI', name: 'Vanguard Total Stock Market ETF' }] };
const noWait = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, random: () => 0, sleep: async () => {} };

/** A Lambda payload as the SDK returns it. */
const payload = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)) as NonNullable<InvokeCommandOutput['Payload']>;

function invoker() {
  return new LambdaInvoker(new LambdaClient({ region: 'us-east-1' }), functionNames, noWait);
}

beforeEach(() => {
  lambdaMock.reset();
});

describe('LambdaInvoker', () => {
  it('invokes the agent function synchronously with the payload as JSON and returns its JSON result', async () => {
    lambdaMock
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: payload({ charts: ['a', 'b'], generated_by: 'offline' }) });

    const result = await invoker().invoke('charter', JOB);

    expect(result).toEqual({ charts: ['a', 'b'], generated_by: 'offline' });
    expect(lambdaMock).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: 'alex-charter',
      InvocationType: 'RequestResponse',
    });
    const sent = lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input.Payload as Uint8Array;
    expect(JSON.parse(new TextDecoder().decode(sent))).toEqual(JOB);
  });

  it("rejects a reply that does not match the agent's output schema, naming the bad fields", async () => {
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ success_rate: 'high' }) });

    const error = await invoker()
      .invoke('retirement', JOB)
      .catch((err: unknown) => err);

    expect(error).toBeInstanceOf(AgentInvocationError);
    expect((error as Error).message).toMatch(
      /^agent retirement failed: invalid reply: success_rate: .*; estimated_income: /,
    );
  });

  it('turns a function error into an AgentInvocationError naming the agent and its error message', async () => {
    lambdaMock.on(InvokeCommand).resolves({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: payload({ errorType: 'Error', errorMessage: 'no positions for user' }),
    });

    const error = await invoker()
      .invoke('reporter', JOB)
      .catch((err: unknown) => err);

    expect(error).toBeInstanceOf(AgentInvocationError);
    expect(error).toMatchObject({ agent: 'reporter', name: 'AgentInvocationError' });
    expect((error as Error).message).toBe('agent reporter failed: no positions for user');
  });

  it('turns a non-2xx status into an AgentInvocationError', async () => {
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 500, Payload: payload(null) });

    await expect(invoker().invoke('tagger', TAG_VTI)).rejects.toThrow(
      'agent tagger failed: Lambda answered with status 500',
    );
  });

  it('retries a throttled invocation and then returns the result', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves({
        StatusCode: 200,
        Payload: payload({ tagged: ['VTI'], unresolved: [], classifications: [], skipped: [] }),
      });

    const result = await invoker().invoke('tagger', TAG_VTI);

    expect(result).toEqual({ tagged: ['VTI'], unresolved: [], classifications: [], skipped: [] });
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 2);
  });

  it('gives up on a persistently throttled invocation with an AgentInvocationError', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));

    await expect(invoker().invoke('retirement', JOB)).rejects.toThrow(
      'agent retirement failed: TooManyRequestsException: Rate exceeded',
    );
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 3);
  });
});

describe('InProcessInvoker', () => {
  it('passes the handler only JSON: dates become strings and functions vanish', async () => {
    let seen: unknown;
    const local = new InProcessInvoker({
      charter: async (event) => {
        seen = event;
        return {
          charts: ['allocation'],
          generated_by: 'offline',
          at: new Date('2026-01-02T03:04:05.000Z'),
          done: () => true,
        };
      },
    });
    const event = { ...JOB, at: new Date('2026-01-01T00:00:00.000Z'), callback: () => 1 };

    const result = await local.invoke('charter', event);

    expect(seen).toEqual({ ...JOB, at: '2026-01-01T00:00:00.000Z' });
    expect(result).toEqual({ charts: ['allocation'], generated_by: 'offline' });
  });

  it("validates the handler's reply like a Lambda's", async () => {
    const local = new InProcessInvoker({ reporter: async () => ({ report_chars: -1 }) });

    await expect(local.invoke('reporter', JOB)).rejects.toThrow(
      /^agent reporter failed: invalid reply: report_chars: .*; insights_available: /,
    );
  });

  it('wraps a handler error in an AgentInvocationError naming the agent and cause', async () => {
    const local = new InProcessInvoker({
      charter: async () => {
        throw new TypeError('bad chart');
      },
    });

    const error = await local.invoke('charter', JOB).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(AgentInvocationError);
    expect((error as AgentInvocationError).agent).toBe('charter');
    expect((error as Error).message).toBe('agent charter failed: TypeError: bad chart');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('fails clearly for an agent with no handler in this process', async () => {
    await expect(new InProcessInvoker({}).invoke('tagger', TAG_VTI)).rejects.toThrow(
      'agent tagger failed: no handler is registered for it in this process',
    );
  });
});

describe('agentInvokerFromEnv', () => {
  it('chooses Lambda when every agent function name is set', () => {
    const env = {
      TAGGER_FUNCTION: 'a',
      REPORTER_FUNCTION: 'b',
      CHARTER_FUNCTION: 'c',
      RETIREMENT_FUNCTION: 'd',
      AWS_REGION: 'eu-west-2',
    };

    expect(agentInvokerFromEnv(env)).toBeInstanceOf(LambdaInvoker);
  });

  it('chooses in-process handlers when no agent function name is set', () => {
    expect(agentInvokerFromEnv({}, {})).toBeInstanceOf(InProcessInvoker);
  });

  it('names the missing variables when only some function names are set', () => {
    expect(() => agentInvokerFromEnv({ TAGGER_FUNCTION: 'a', CHARTER_FUNCTION: 'c' })).toThrow(
      'REPORTER_FUNCTION, RETIREMENT_FUNCTION must be set when any agent function name is set',
    );
  });
});
