import type { JSONSchema7, LanguageModelV3, LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import type { BedrockRequestShape } from './bedrock-capabilities.ts';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Keywords whose value is a schema, a list of schemas, or a map of name to schema.
const ONE_SCHEMA = ['items', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];

/**
 * A copy of `schema` without the `dropped` keywords at any depth. It walks the schema's structure, so a
 * property *named* like a keyword ("pattern", "minimum") stays.
 */
export function withoutKeywords(schema: unknown, dropped: ReadonlySet<string>): unknown {
  if (!isSchema(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (dropped.has(key)) continue;
    if (ONE_SCHEMA.includes(key)) out[key] = withoutKeywords(value, dropped);
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value))
      out[key] = value.map((item) => withoutKeywords(item, dropped));
    else if (SCHEMA_MAPS.includes(key) && isSchema(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, withoutKeywords(sub, dropped)]),
      );
    else out[key] = value;
  }
  return out;
}

/** The call options reshaped for the chosen model: `strict` kept or removed, rejected keywords removed. */
export function shapeCallOptions(
  params: LanguageModelV3CallOptions,
  shape: BedrockRequestShape,
): LanguageModelV3CallOptions {
  const dropped = new Set(shape.droppedKeywords);
  const tools = params.tools?.map((tool) => {
    if (tool.type !== 'function') return tool;
    const { strict, ...rest } = tool;
    return {
      ...rest,
      inputSchema: withoutKeywords(tool.inputSchema, dropped) as JSONSchema7,
      ...(shape.sendStrict && strict !== undefined ? { strict } : {}),
    };
  });
  const format = params.responseFormat;
  const responseFormat =
    format?.type === 'json' && format.schema !== undefined
      ? { ...format, schema: withoutKeywords(format.schema, dropped) as JSONSchema7 }
      : format;
  return {
    ...params,
    ...(tools === undefined ? {} : { tools }),
    ...(responseFormat === undefined ? {} : { responseFormat }),
  };
}

/** The provider's model behind a `transformParams` middleware that shapes every request for `shape`. */
export function shapeBedrockRequests(model: LanguageModelV3, shape: BedrockRequestShape): LanguageModelV3 {
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v3',
      transformParams: async ({ params }) => shapeCallOptions(params, shape),
    },
  });
}
