import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OfflineStep, OfflineTurn } from '../offline-model.ts';
import { ConverseValidationError, validateConverseRequest } from './validate.ts';
import { type ConverseTurn, converseTurnFrom, turnFromConverse } from './writer.ts';

type Json = Record<string, unknown>;

/** What the fake answers one call with: a turn, a Bedrock error, or a dropped connection. */
export type ConverseReply =
  | { kind: 'turn'; turn: ConverseTurn }
  | { kind: 'error'; status: number; errorType: string; message: string }
  | { kind: 'reset' };

/** A scripted reply, or a function of the turn the writer would have answered (to bend it). */
export type ScriptedReply = ConverseReply | ((written: ConverseTurn, body: Json) => ConverseReply);

/** One call the fake received, with the agent it was attributed to and how it was answered. */
export interface ReceivedCall {
  agent: string;
  modelId: string;
  authorization: string | undefined;
  body: Json;
  reply: ConverseReply['kind'];
  /** Bedrock's message when the call was refused (validation or a scripted error). */
  error?: string;
}

/** Options: the writer of unscripted turns, and how to tell which agent a request comes from. */
export interface ConverseFakeOptions {
  /** Decides each unscripted turn (an offline script's `next`); without one, only scripted replies. */
  writer?: (turn: OfflineTurn, agent: string) => OfflineStep;
  /** The agent a request belongs to, e.g. from its tool names; default "agent". */
  agentOf?: (turn: OfflineTurn) => string;
}

/** A local Bedrock runtime endpoint speaking Converse; see validate.ts for what it refuses. */
export interface ConverseFake {
  url: string;
  calls: ReceivedCall[];
  /** Queues replies for an agent's next calls ("*": whichever agent calls next). */
  script(agent: string, ...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

const usage = (body: Json, turn: ConverseTurn) => {
  const inputTokens = Math.ceil(JSON.stringify(body).length / 4);
  const outputTokens = Math.ceil(JSON.stringify(turn.content).length / 4);
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
};

function sendError(response: ServerResponse, status: number, errorType: string, message: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
  response.end(JSON.stringify({ message }));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startConverseFake(options: ConverseFakeOptions = {}): Promise<ConverseFake> {
  const queues = new Map<string, ScriptedReply[]>();
  const calls: ReceivedCall[] = [];
  const agentOf = options.agentOf ?? (() => 'agent');

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const text = await readBody(request);
    const match = /^\/model\/([^/]+)\/converse$/.exec(request.url ?? '');
    if (request.method !== 'POST' || match?.[1] === undefined) {
      return sendError(response, 404, 'UnknownOperationException', `No operation at ${request.url}`);
    }
    const modelId = decodeURIComponent(match[1]);
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return sendError(response, 400, 'SerializationException', 'The request body is not valid JSON.');
    }
    const turn = turnFromConverse(body);
    const agent = agentOf(turn);
    const call: ReceivedCall = {
      agent,
      modelId,
      authorization: request.headers.authorization,
      body,
      reply: 'error',
    };
    calls.push(call);
    try {
      validateConverseRequest(body, modelId);
    } catch (err: unknown) {
      if (!(err instanceof ConverseValidationError)) throw err;
      call.error = err.message;
      return sendError(response, 400, 'ValidationException', err.message);
    }
    const scripted = queues.get(agent)?.shift() ?? queues.get('*')?.shift();
    if (scripted === undefined && options.writer === undefined) {
      call.error = 'converse fake: nothing scripted and no writer';
      return sendError(response, 400, 'ValidationException', call.error);
    }
    let written: ConverseTurn = { content: [], stopReason: 'end_turn' };
    if (options.writer !== undefined) {
      try {
        written = converseTurnFrom(options.writer(turn, agent), body);
      } catch (err: unknown) {
        // Not Bedrock behaviour: a broken writer is a broken test, so it fails loudly and is never retried.
        call.error = `converse fake: the ${agent} writer failed: ${err instanceof Error ? err.message : String(err)}`;
        if (scripted === undefined) return sendError(response, 400, 'ValidationException', call.error);
      }
    }
    const reply: ConverseReply =
      typeof scripted === 'function'
        ? scripted(written, body)
        : (scripted ?? { kind: 'turn', turn: written });
    call.reply = reply.kind;
    if (reply.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (reply.kind === 'error') {
      call.error = reply.message;
      return sendError(response, reply.status, reply.errorType, reply.message);
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        output: { message: { role: 'assistant', content: reply.turn.content } },
        stopReason: reply.turn.stopReason,
        usage: usage(body, reply.turn),
        metrics: { latencyMs: 1 },
      }),
    );
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((err: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, 500, 'InternalServerException', `converse fake crashed: ${String(err)}`);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    script(agent, ...replies) {
      queues.set(agent, [...(queues.get(agent) ?? []), ...replies]);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
