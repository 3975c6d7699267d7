import { bedrockRequestShape, GRAMMAR_UNSUPPORTED_KEYWORDS } from '../bedrock-capabilities.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A request Bedrock would refuse: the message is Bedrock's (or, where unknown, in Bedrock's style). */
export class ConverseValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

function fail(message: string): never {
  throw new ConverseValidationError(message);
}
// Errors raised by the model behind Converse (Anthropic's validator) carry this prefix on Bedrock.
function modelFail(message: string): never {
  fail(`The model returned the following errors: ${message}`);
}

// Members of the Converse API shapes (@aws-sdk/client-bedrock-runtime 3.1164.0 models_0.d.ts).
const REQUEST_KEYS = [
  'messages',
  'system',
  'inferenceConfig',
  'toolConfig',
  'guardrailConfig',
  'additionalModelRequestFields',
  'promptVariables',
  'additionalModelResponseFieldPaths',
  'requestMetadata',
  'performanceConfig',
  'serviceTier',
  'outputConfig',
];
const CONTENT_KEYS = [
  'text',
  'image',
  'document',
  'video',
  'audio',
  'toolUse',
  'toolResult',
  'guardContent',
  'cachePoint',
  'reasoningContent',
  'citationsContent',
  'searchResult',
];
const TOOL_SPEC_KEYS = ['name', 'description', 'inputSchema', 'strict'];
const INFERENCE_KEYS = ['maxTokens', 'temperature', 'topP', 'stopSequences'];
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function onlyKeys(value: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      fail(`Unknown parameter in ${path}: "${key}", must be one of: ${allowed.join(', ')}`);
  }
}

/** The first grammar-rejected keyword in a schema, with the type it sits on, walking its structure. */
function rejectedKeyword(schema: unknown): { type: string; keyword: string } | undefined {
  if (!isObject(schema)) return undefined;
  const keyword = GRAMMAR_UNSUPPORTED_KEYWORDS.find((k) => k in schema);
  if (keyword !== undefined) return { type: String(schema.type ?? 'schema'), keyword };
  const children = [
    ...Object.values(isObject(schema.properties) ? schema.properties : {}),
    ...(['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : [])),
    ...Object.values(isObject(schema.$defs) ? schema.$defs : {}),
    schema.items,
    schema.additionalProperties,
  ];
  for (const child of children) {
    const found = rejectedKeyword(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function validateTools(toolConfig: unknown, modelId: string): Set<string> {
  if (!isObject(toolConfig)) fail('The toolConfig field must be an object.');
  onlyKeys(toolConfig, ['tools', 'toolChoice'], 'toolConfig');
  const tools = toolConfig.tools;
  if (!Array.isArray(tools) || tools.length === 0)
    fail('The toolConfig field must contain at least one tool. Add a tool and try again.');
  const shape = bedrockRequestShape(modelId);
  const names = new Set<string>();
  (tools as unknown[]).forEach((tool, index) => {
    const spec = isObject(tool) ? tool.toolSpec : undefined;
    if (!isObject(spec)) fail(`toolConfig.tools.${index} must have a toolSpec member.`);
    onlyKeys(spec, TOOL_SPEC_KEYS, `toolConfig.tools.${index}.toolSpec`);
    if (typeof spec.name !== 'string' || !TOOL_NAME.test(spec.name))
      fail(
        `Value at 'toolConfig.tools.${index}.member.toolSpec.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+`,
      );
    if (names.has(spec.name as string))
      fail(`The tool name ${spec.name} is used more than once. Use unique tool names and try again.`);
    names.add(spec.name as string);
    if (typeof spec.description === 'string' && spec.description.trim() === '')
      fail(`The description at toolConfig.tools.${index}.toolSpec is blank. Add a description or remove it.`);
    const schema = isObject(spec.inputSchema) ? spec.inputSchema.json : undefined;
    if (!isObject(schema) || schema.type !== 'object')
      fail(
        `The value at toolConfig.tools.${index}.toolSpec.inputSchema.json.type must be one of the following: object.`,
      );
    if ('strict' in spec && !shape.sendStrict)
      modelFail(`tools.${index}.custom.strict: Extra inputs are not permitted`);
    if (spec.strict === true) {
      const found = rejectedKeyword(schema);
      if (found !== undefined)
        modelFail(
          `tools.${index}.custom: For '${found.type}' type, property '${found.keyword}' is not supported`,
        );
    }
  });
  const choice = toolConfig.toolChoice;
  if (choice !== undefined) {
    if (
      !isObject(choice) ||
      Object.keys(choice).length !== 1 ||
      !['auto', 'any', 'tool'].includes(Object.keys(choice)[0] ?? '')
    )
      fail('toolConfig.toolChoice must have exactly one of: auto, any, tool.');
    const named = isObject(choice) && isObject(choice.tool) ? choice.tool.name : undefined;
    if (named !== undefined && !names.has(String(named)))
      fail(`The tool ${String(named)} in toolChoice is not in toolConfig.tools.`);
  }
  return names;
}

/**
 * Checks a Converse request body as Bedrock does before the model runs: the API shape, alternating roles
 * that start with the user, no blank text, every toolResult answering a toolUse of the previous turn (and
 * every toolUse answered), object tool schemas, and the model's own rules (bedrock-capabilities.ts).
 */
export function validateConverseRequest(body: unknown, modelId: string): void {
  if (!isObject(body)) fail('The request body must be a JSON object.');
  onlyKeys(body, REQUEST_KEYS, 'ConverseRequest');
  const tools = body.toolConfig === undefined ? undefined : validateTools(body.toolConfig, modelId);
  if (body.inferenceConfig !== undefined) {
    if (!isObject(body.inferenceConfig)) fail('inferenceConfig must be an object.');
    onlyKeys(body.inferenceConfig, INFERENCE_KEYS, 'inferenceConfig');
    const max = body.inferenceConfig.maxTokens;
    if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1))
      fail(
        "Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
  }
  if (Array.isArray(body.system)) {
    body.system.forEach((block, i) => {
      if (isObject(block) && typeof block.text === 'string' && block.text.trim() === '')
        fail(
          `The text field in the SystemContentBlock object at system.${i} is blank. Add text to the text field, and try again.`,
        );
    });
  }
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    fail(
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    );
  let pending: string[] = [];
  messages.forEach((message, m) => {
    if (!isObject(message)) fail(`messages.${m} must be an object.`);
    onlyKeys(message, ['role', 'content'], `messages.${m}`);
    const expected = m % 2 === 0 ? 'user' : 'assistant';
    if (m === 0 && message.role !== 'user')
      fail(
        'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
      );
    if (message.role !== expected)
      fail(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    const content = message.content;
    if (!Array.isArray(content) || content.length === 0)
      fail(
        `The content field in the Message object at messages.${m} is empty. Add a ContentBlock object to the content field and try again.`,
      );
    const results: string[] = [];
    const uses: string[] = [];
    content.forEach((block, c) => {
      if (!isObject(block) || Object.keys(block).length !== 1)
        fail(`messages.${m}.content.${c} must have exactly one member.`);
      onlyKeys(block, CONTENT_KEYS, `messages.${m}.content.${c}`);
      if (typeof block.text === 'string' && block.text.trim() === '')
        fail(
          `The text field in the ContentBlock object at messages.${m}.content.${c} is blank. Add text to the text field, and try again.`,
        );
      if (isObject(block.toolUse)) {
        if (message.role !== 'assistant')
          fail(`messages.${m}.content.${c}: toolUse blocks are only allowed in assistant messages.`);
        if (tools === undefined)
          fail('The toolConfig field must be defined when using toolUse and toolResult content blocks.');
        if (!isObject(block.toolUse.input))
          fail(`messages.${m}.content.${c}.toolUse.input must be a JSON object.`);
        uses.push(String(block.toolUse.toolUseId));
      }
      if (isObject(block.toolResult)) {
        if (message.role !== 'user')
          fail(`messages.${m}.content.${c}: toolResult blocks are only allowed in user messages.`);
        results.push(String(block.toolResult.toolUseId));
      }
    });
    if (message.role === 'user') {
      if (results.length > pending.length)
        fail(
          `The number of toolResult blocks at messages.${m}.content exceeds the number of toolUse blocks of previous turn.`,
        );
      const missing = pending.filter((id) => !results.includes(id));
      if (missing.length > 0)
        fail(
          `Expected toolResult blocks at messages.${m}.content for the following Ids: ${missing.join(', ')}`,
        );
      pending = [];
    } else pending = uses;
  });
  if (messages.length % 2 === 0)
    fail(
      'A conversation must end with a user message. Try again with a conversation that ends with a user message.',
    );
  const format = isObject(body.additionalModelRequestFields)
    ? body.additionalModelRequestFields.output_config
    : undefined;
  const schema = isObject(format) && isObject(format.format) ? format.format.schema : undefined;
  const found = rejectedKeyword(schema);
  if (found !== undefined)
    modelFail(
      `output_config.format.schema: For '${found.type}' type, property '${found.keyword}' is not supported`,
    );
}
