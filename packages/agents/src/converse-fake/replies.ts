import type { ConverseReply, ScriptedReply } from './server.ts';
import { type ConverseBlock, type ConverseTurn, toolUseId } from './writer.ts';

/** A Bedrock error reply: HTTP status, the error type Bedrock names in `x-amzn-errortype`, its message. */
export const bedrockError = (status: number, errorType: string, message: string): ConverseReply => ({
  kind: 'error',
  status,
  errorType,
  message,
});

/** The errors Converse documents, with messages as Bedrock words them. */
export const CONVERSE_ERRORS = {
  validation: (message: string) => bedrockError(400, 'ValidationException', message),
  accessDenied: bedrockError(
    403,
    'AccessDeniedException',
    "You don't have access to the model with the specified model ID.",
  ),
  modelTimeout: bedrockError(
    408,
    'ModelTimeoutException',
    'Model has timed out in processing the request. Try your request again.',
  ),
  throttling: bedrockError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.'),
  internal: bedrockError(
    500,
    'InternalServerException',
    'The system encountered an unexpected error during processing. Try your request again.',
  ),
  unavailable: bedrockError(503, 'ServiceUnavailableException', 'Bedrock is unable to process your request.'),
} as const;

/** The connection is dropped before any answer (a reset, as from a load balancer or a lost network). */
export const connectionReset: ConverseReply = { kind: 'reset' };

/** A turn of given blocks. */
export const converseTurn = (
  content: ConverseBlock[],
  stopReason: ConverseTurn['stopReason'],
): ConverseReply => ({
  kind: 'turn',
  turn: { content, stopReason },
});

/** Two or more tools called in one turn (parallel tool use). */
export const parallelToolUse = (
  ...calls: { name: string; input: Record<string, unknown> }[]
): ConverseReply =>
  converseTurn(
    calls.map((call) => ({ toolUse: { toolUseId: toolUseId(), name: call.name, input: call.input } })),
    'tool_use',
  );

/** The written turn with a sentence of text before its tool calls, as Claude often answers. */
export const withTextBeforeToolUse =
  (text: string): ScriptedReply =>
  (written) =>
    converseTurn([{ text }, ...written.content], written.stopReason);

/** The answer cut off at the output token limit: half its text, stop reason `max_tokens`. */
export const cutAtMaxTokens: ScriptedReply = (written) => {
  const whole = written.content
    .map((block) => ('text' in block ? block.text : JSON.stringify(block.toolUse.input)))
    .join('');
  return converseTurn([{ text: whole.slice(0, Math.max(1, Math.floor(whole.length / 2))) }], 'max_tokens');
};

/** The written tool calls with `input` replaced, e.g. by arguments that break the tool's schema. */
export const withToolInput =
  (input: Record<string, unknown>): ScriptedReply =>
  (written) =>
    converseTurn(
      written.content.map((block) => ('toolUse' in block ? { toolUse: { ...block.toolUse, input } } : block)),
      written.stopReason,
    );
