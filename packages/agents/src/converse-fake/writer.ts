import { randomUUID } from 'node:crypto';
import { OUTPUT_RETRY_NOTE } from '../offline-label.ts';
import type { OfflineStep, OfflineTurn } from '../offline-model.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The synthetic tool `@ai-sdk/amazon-bedrock` offers Claude for a structured answer. */
export const JSON_ANSWER_TOOL = 'json';

/** A Converse content block as Bedrock returns it. */
export type ConverseBlock =
  | { text: string }
  | { toolUse: { toolUseId: string; name: string; input: Record<string, unknown> } };

/** An assistant turn: its content and why it stopped. */
export interface ConverseTurn {
  content: ConverseBlock[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A toolResult's content as one value: its json member, or its text parsed when it is JSON. */
function resultValue(content: unknown): unknown {
  const parts = list(content).map((part) => {
    if (!isObject(part)) return '';
    if ('json' in part) return JSON.stringify(part.json);
    return typeof part.text === 'string' ? part.text : '';
  });
  return parse(parts.join(''));
}

const texts = (message: unknown): string[] =>
  list(isObject(message) ? message.content : undefined).flatMap((block) =>
    isObject(block) && typeof block.text === 'string' ? [block.text] : [],
  );

/** The facts an offline script decides from, read from a Converse request body. */
export function turnFromConverse(body: Json): OfflineTurn {
  const messages = list(body.messages).filter(isObject);
  const specs = list(isObject(body.toolConfig) ? body.toolConfig.tools : undefined)
    .map((tool) => (isObject(tool) && isObject(tool.toolSpec) ? tool.toolSpec : undefined))
    .filter(isObject);
  const schemaOf = (spec: Json): Json =>
    isObject(spec.inputSchema) && isObject(spec.inputSchema.json) ? spec.inputSchema.json : {};
  const functions = specs.filter((spec) => spec.name !== JSON_ANSWER_TOOL);
  const answerTool = specs.find((spec) => spec.name === JSON_ANSWER_TOOL);
  const extra = isObject(body.additionalModelRequestFields) ? body.additionalModelRequestFields : {};
  const nativeFormat =
    isObject(extra.output_config) && isObject(extra.output_config.format)
      ? extra.output_config.format
      : undefined;
  const outputSchema = answerTool === undefined ? nativeFormat?.schema : schemaOf(answerTool);

  const calls = new Map<string, { name: string; arguments: unknown }>();
  const toolResults: OfflineTurn['toolResults'] = [];
  for (const message of messages) {
    for (const block of list(message.content).filter(isObject)) {
      if (isObject(block.toolUse))
        calls.set(String(block.toolUse.toolUseId), {
          name: String(block.toolUse.name),
          arguments: block.toolUse.input,
        });
      if (isObject(block.toolResult)) {
        const call = calls.get(String(block.toolResult.toolUseId));
        toolResults.push({
          name: call?.name ?? '',
          arguments: call?.arguments ?? null,
          output: resultValue(block.toolResult.content),
        });
      }
    }
  }
  const userTexts = messages.filter((m) => m.role === 'user').flatMap(texts);
  const retry = userTexts.findLast((text) => text.startsWith(OUTPUT_RETRY_NOTE));
  return {
    input: userTexts.find((text) => !text.startsWith(OUTPUT_RETRY_NOTE)) ?? '',
    instructions: list(body.system)
      .flatMap((block) => (isObject(block) && typeof block.text === 'string' ? [block.text] : []))
      .join('\n'),
    tools: functions.map((spec) => String(spec.name)),
    toolParameters: Object.fromEntries(functions.map((spec) => [String(spec.name), schemaOf(spec)])),
    toolResults,
    wantsStructuredOutput: outputSchema !== undefined,
    ...(isObject(outputSchema) ? { outputSchema } : {}),
    turn: messages.filter((m) => m.role === 'assistant').length + 1,
    ...(retry === undefined ? {} : { lastError: retry.slice(OUTPUT_RETRY_NOTE.length).trim() }),
  };
}

/** A toolUse id in Bedrock's form. */
export const toolUseId = (): string => `tooluse_${randomUUID().replace(/-/g, '').slice(0, 22)}`;

/**
 * A script's step as Claude on Converse would answer it: tool calls as toolUse blocks (several at once
 * are parallel calls); a structured answer through the `json` tool (or as JSON text when the request
 * asked for native structured output); a text answer as text.
 */
export function converseTurnFrom(step: OfflineStep, body: Json): ConverseTurn {
  if ('toolCalls' in step) {
    return {
      content: step.toolCalls.map((call) => ({
        toolUse: { toolUseId: toolUseId(), name: call.name, input: call.arguments },
      })),
      stopReason: 'tool_use',
    };
  }
  const offersJsonTool = list(isObject(body.toolConfig) ? body.toolConfig.tools : undefined).some(
    (tool) => isObject(tool) && isObject(tool.toolSpec) && tool.toolSpec.name === JSON_ANSWER_TOOL,
  );
  if (offersJsonTool && isObject(step.output)) {
    return {
      content: [{ toolUse: { toolUseId: toolUseId(), name: JSON_ANSWER_TOOL, input: step.output } }],
      stopReason: 'tool_use',
    };
  }
  const text = typeof step.output === 'string' ? step.output : JSON.stringify(step.output);
  return { content: [{ text }], stopReason: 'end_turn' };
}
