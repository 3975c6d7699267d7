import {
  type AgentInputItem,
  type AgentOutputItem,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
  Usage,
  withGenerationSpan,
} from '@openai/agents';
import { OFFLINE_LABEL, OUTPUT_RETRY_NOTE } from './offline-label.ts';

/** What the offline model knows when it is asked for its next step. */
export interface OfflineTurn {
  /** The run's user input text (services pass JSON text as input). */
  input: string;
  /** The agent's system instructions. */
  instructions: string;
  /** Names of the tools offered. */
  tools: string[];
  /** JSON schema of each offered tool's parameters, by tool name (an extension of the first contract). */
  toolParameters: Record<string, Record<string, unknown>>;
  /** Results so far, in call order; `output` is JSON-parsed when it is JSON. */
  toolResults: { name: string; arguments: unknown; output: unknown }[];
  /** The agent has an `outputType` schema. */
  wantsStructuredOutput: boolean;
  /** JSON schema of that output type, when there is one (an extension of the first contract). */
  outputSchema?: Record<string, unknown>;
  /** 1-based model call count within this run. */
  turn: number;
  /** Why the previous final output was rejected, when `runWithOutputRetry` is re-running the agent. */
  lastError?: string;
}

/** The offline model's next step: call tools, or answer (an object for structured output, else markdown). */
export type OfflineStep =
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { output: unknown };

/** A deterministic writer of one agent's turns. */
export interface OfflineScript {
  name: string;
  next(turn: OfflineTurn): OfflineStep;
}

/** Reads the text of a user message, whichever content shape it has. */
function messageText(item: AgentInputItem): string | undefined {
  if (!('role' in item) || item.role !== 'user') return undefined;
  if (typeof item.content === 'string') return item.content;
  return item.content.map((part) => (part.type === 'input_text' ? part.text : '')).join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A tool result's output as the model sees it: a string, a text part, or a list of parts. */
function resultOutput(output: unknown): unknown {
  if (typeof output === 'string') return parseJson(output);
  if (Array.isArray(output)) {
    const texts = output.map((part: unknown) =>
      typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string'
        ? part.text
        : '',
    );
    return parseJson(texts.join(''));
  }
  if (typeof output === 'object' && output !== null && 'text' in output && typeof output.text === 'string') {
    return parseJson(output.text);
  }
  return output;
}

const isModelOutput = (item: AgentInputItem): boolean =>
  item.type === 'function_call' || item.type === 'reasoning' || ('role' in item && item.role === 'assistant');

/** Turns a model request into the plain facts a script decides from. */
export function offlineTurnFrom(request: ModelRequest): OfflineTurn {
  const items: AgentInputItem[] =
    typeof request.input === 'string' ? [{ role: 'user', content: request.input }] : request.input;
  const userTexts = items.map(messageText).filter((text): text is string => text !== undefined);
  const retryNote = userTexts.findLast((text) => text.startsWith(OUTPUT_RETRY_NOTE));
  const calls = new Map<string, { name: string; arguments: unknown }>();
  const toolResults: OfflineTurn['toolResults'] = [];
  let turn = 1;
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (isModelOutput(item) && (previous === undefined || !isModelOutput(previous))) turn += 1;
    if (item.type === 'function_call')
      calls.set(item.callId, { name: item.name, arguments: parseJson(item.arguments) });
    if (item.type === 'function_call_result') {
      const call = calls.get(item.callId);
      toolResults.push({
        name: item.name,
        arguments: call?.arguments ?? null,
        output: resultOutput(item.output),
      });
    }
  });
  const functions = request.tools.filter((tool) => tool.type === 'function');
  const outputType = request.outputType;
  return {
    input: userTexts.find((text) => !text.startsWith(OUTPUT_RETRY_NOTE)) ?? '',
    instructions: request.systemInstructions ?? '',
    tools: functions.map((tool) => tool.name),
    toolParameters: Object.fromEntries(
      functions.map((tool) => [tool.name, tool.parameters as Record<string, unknown>]),
    ),
    toolResults,
    wantsStructuredOutput: outputType !== 'text',
    ...(outputType === 'text' ? {} : { outputSchema: outputType.schema as Record<string, unknown> }),
    turn,
    ...(retryNote === undefined ? {} : { lastError: retryNote.slice(OUTPUT_RETRY_NOTE.length).trim() }),
  };
}

/** Roughly four characters a token: enough to show relative cost in traces, never billed. */
const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/**
 * The offline model: a `Model` for the Agents SDK that never touches the network. The real `run()` loop
 * drives it, so tools really run and output schemas are really validated; a script writes each step.
 * Text answers always start with OFFLINE_LABEL.
 */
export class OfflineModel implements Model {
  constructor(private readonly script: OfflineScript) {}

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const model = `alex-offline:${this.script.name}`;
    if (!request.tracing) return this.respond(request);
    return withGenerationSpan(
      async (span) => {
        const response = await this.respond(request);
        if (request.tracing === true) span.spanData.output = response.output;
        span.spanData.usage = {
          input_tokens: response.usage.inputTokens,
          output_tokens: response.usage.outputTokens,
        };
        return response;
      },
      { data: { model, model_config: { provider: 'offline' } } },
    );
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const response = await this.getResponse(request);
    yield { type: 'response_started' };
    for (const item of response.output) {
      if (item.type === 'message' && 'role' in item && item.role === 'assistant') {
        for (const part of item.content)
          if (part.type === 'output_text') yield { type: 'output_text_delta', delta: part.text };
      }
    }
    yield {
      type: 'response_done',
      response: {
        id: response.responseId ?? 'offline',
        usage: {
          requests: 1,
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          totalTokens: response.usage.totalTokens,
        },
        // The stream protocol lists fewer item kinds than AgentOutputItem; ours are messages and function calls.
        output: response.output as Extract<StreamEvent, { type: 'response_done' }>['response']['output'],
      },
    };
  }

  private async respond(request: ModelRequest): Promise<ModelResponse> {
    const turn = offlineTurnFrom(request);
    const step = this.script.next(turn);
    if ('toolCalls' in step && step.toolCalls.length === 0) {
      // An empty step would leave the run with neither a tool to run nor an answer.
      throw new Error(`offline script ${this.script.name} returned no tool calls on turn ${turn.turn}`);
    }
    const id = `offline_${this.script.name}_${turn.turn}`;
    const output: AgentOutputItem[] =
      'toolCalls' in step
        ? step.toolCalls.map((call, index) => ({
            type: 'function_call',
            callId: `call_${id}_${index + 1}`,
            name: call.name,
            arguments: JSON.stringify(call.arguments),
            status: 'completed',
          }))
        : [
            {
              type: 'message',
              id: `msg_${id}`,
              role: 'assistant',
              status: 'completed',
              content: [{ type: 'output_text', text: answerText(step.output, turn.wantsStructuredOutput) }],
            },
          ];
    const inputTokens = estimateTokens(turn.instructions + JSON.stringify(request.input));
    const outputTokens = estimateTokens(JSON.stringify(output));
    return {
      responseId: id,
      output,
      usage: new Usage({ requests: 1, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }),
    };
  }
}

/** Structured answers travel as JSON text, as from a real model; text answers carry the offline label. */
function answerText(output: unknown, structured: boolean): string {
  if (structured) return JSON.stringify(output);
  const text = typeof output === 'string' ? output : JSON.stringify(output, null, 2);
  return text.startsWith(OFFLINE_LABEL) ? text : `${OFFLINE_LABEL}\n\n${text}`;
}
