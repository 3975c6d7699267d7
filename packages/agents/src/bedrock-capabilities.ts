/**
 * What each Claude family on Bedrock's Converse API accepts in a tool definition, with the source of
 * each fact. Sources:
 * - [provider] @ai-sdk/amazon-bedrock 4.0.186, dist/index.mjs `MODELS_WITHOUT_STRICT_TOOL_SUPPORT`
 *   (opus-4-7, opus-4-8, opus-5, fable-5, sonnet-5): it drops `strict` for these, and nothing else.
 * - [litellm-31585] github.com/BerriAI/litellm/pull/31585: `tools.0.custom.strict: Extra inputs are not
 *   permitted` from Opus 4.7/4.8 on Converse; Sonnet 4.5/4.6 and Opus 4.5/4.6 accept `toolSpec.strict`.
 * - [litellm-39115] github.com/BerriAI/litellm/pull/39115: Converse routes Claude through Anthropic's
 *   validator, which also rejects the key for Sonnet 4; with `strict: true` the tool schema is compiled
 *   to a grammar that rejects constraint keywords (`tools.1.custom: For 'array' type, property 'maxItems'
 *   is not supported`, measured on Sonnet 4.6: strict+maxItems 400, either alone 200).
 * - [litellm-29168] github.com/BerriAI/litellm/issues/29168: `For 'number' type, properties maximum,
 *   minimum are not supported` from Sonnet 4.6 under constrained decoding.
 * - [anthropic-sanitizer] @ai-sdk/anthropic 3.0.125 `DESCRIPTION_CONSTRAINT_KEYS`: the keywords the
 *   provider itself removes from schemas Anthropic compiles to a grammar (structured outputs).
 * - [converse-model] @aws-sdk/client-bedrock-runtime 3.1164.0 `ToolSpecification`: name, description,
 *   inputSchema, strict — the API shape; whether the model behind it accepts `strict` is per model.
 */

/** JSON Schema keywords Claude's constrained decoding rejects ([anthropic-sanitizer], [litellm-39115/29168]). */
export const GRAMMAR_UNSUPPORTED_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'not',
] as const;

/** How a model family treats `toolSpec.strict`: rejected by its presence, or accepted (constraining). */
export type StrictSupport = 'rejected' | 'accepted';

/** One row of the table: ids containing `match` belong to the family. */
export interface BedrockModelFamily {
  family: string;
  match: readonly string[];
  strict: StrictSupport;
  /** Where the row's facts come from (keys of the source list above). */
  sources: readonly string[];
}

/** The table, most specific ids first ("claude-sonnet-4-5" before "claude-sonnet-4-"). */
export const BEDROCK_MODEL_FAMILIES: readonly BedrockModelFamily[] = [
  {
    family: 'claude-4.5/4.6',
    match: [
      'claude-sonnet-4-6',
      'claude-opus-4-6',
      'claude-sonnet-4-5',
      'claude-opus-4-5',
      'claude-haiku-4-5',
    ],
    strict: 'accepted',
    sources: ['litellm-31585', 'litellm-39115', 'litellm-29168', 'anthropic-sanitizer'],
  },
  {
    family: 'claude-4.7+/5',
    match: ['claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'claude-fable-5', 'claude-sonnet-5'],
    strict: 'rejected',
    sources: ['provider', 'litellm-31585'],
  },
  {
    family: 'claude-4.0/4.1/3.x',
    match: ['claude-sonnet-4-', 'claude-opus-4-', 'claude-3'],
    strict: 'rejected',
    sources: ['litellm-39115'],
  },
];

/** What we send a model: whether tools carry `strict`, and which schema keywords are removed. */
export interface BedrockRequestShape {
  family: string;
  sendStrict: boolean;
  /** Keywords removed from every tool's input schema; Zod still checks them when the tool runs. */
  droppedKeywords: readonly string[];
}

/**
 * The request shape for a model id. A family that accepts `strict` gets it (constrained decoding of tool
 * input) with the keywords its grammar rejects removed; every other model, known to reject the key or
 * unknown, gets neither the key nor any change to the schema.
 */
export function bedrockRequestShape(modelId: string): BedrockRequestShape {
  const id = modelId.toLowerCase();
  const row = BEDROCK_MODEL_FAMILIES.find((candidate) => candidate.match.some((m) => id.includes(m)));
  if (row === undefined) return { family: 'unknown', sendStrict: false, droppedKeywords: [] };
  return row.strict === 'accepted'
    ? { family: row.family, sendStrict: true, droppedKeywords: GRAMMAR_UNSUPPORTED_KEYWORDS }
    : { family: row.family, sendStrict: false, droppedKeywords: [] };
}
