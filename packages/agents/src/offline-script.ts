import { OFFLINE_LABEL } from './offline-label.ts';
import type { OfflineScript, OfflineStep, OfflineTurn } from './offline-model.ts';

type JsonSchema = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parsedInput(turn: OfflineTurn): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(turn.input);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/** True when a schema accepts null (Zod's optional fields become nullable in strict tool schemas). */
function acceptsNull(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  const variants = schema.anyOf ?? schema.oneOf;
  return Array.isArray(variants) && variants.some(acceptsNull);
}

/** Arguments for a tool from the input's top-level fields, or undefined when a required one is missing. */
function argumentsFor(
  parameters: JsonSchema,
  input: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const properties = isRecord(parameters.properties) ? parameters.properties : {};
  const required = Array.isArray(parameters.required) ? (parameters.required as string[]) : [];
  const args: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    if (key in input) args[key] = input[key];
    else if (required.includes(key) && acceptsNull(schema)) args[key] = null;
    else if (required.includes(key)) return undefined;
  }
  return args;
}

/** A stand-in for a field no tool result or input supplied, valid for its schema. */
function placeholder(schema: unknown, key: string, sources: Record<string, unknown>[]): unknown {
  if (!isRecord(schema)) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants)) return acceptsNull(schema) ? null : placeholder(variants[0], key, sources);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return fillObject(schema, sources);
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => placeholder(schema.items, key, sources));
    }
    case 'string':
      return `${OFFLINE_LABEL} (no computed value for ${key})`;
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** Fills an object schema field by field: same-named values from the sources first, then placeholders. */
function fillObject(schema: JsonSchema, sources: Record<string, unknown>[]): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const source = sources.find((candidate) => key in candidate);
    out[key] = source === undefined ? placeholder(property, key, sources) : source[key];
  }
  return out;
}

/** Markdown listing each tool result, under the offline label. */
function describeResults(turn: OfflineTurn): string {
  if (turn.toolResults.length === 0)
    return `${OFFLINE_LABEL}\n\nNo tools were called; the input was:\n\n${turn.input}`;
  const sections = turn.toolResults.map(
    (result) => `### ${result.name}\n\n\`\`\`json\n${JSON.stringify(result.output, null, 2)}\n\`\`\``,
  );
  return [OFFLINE_LABEL, ...sections].join('\n\n');
}

/**
 * A generic script: first call every offered tool whose required arguments can be filled from the JSON
 * input's top-level fields (once each), then answer: text listing the tool results under OFFLINE_LABEL, or
 * for structured output an object filled from same-named fields of the latest tool results and the input.
 */
export const defaultOfflineScript: OfflineScript = {
  name: 'default',
  next(turn: OfflineTurn): OfflineStep {
    const input = parsedInput(turn);
    if (turn.toolResults.length === 0) {
      const toolCalls = turn.tools.flatMap((name) => {
        const args = argumentsFor(turn.toolParameters[name] ?? {}, input);
        return args === undefined ? [] : [{ name, arguments: args }];
      });
      if (toolCalls.length > 0) return { toolCalls };
    }
    if (!turn.wantsStructuredOutput) return { output: describeResults(turn) };
    const sources = [...turn.toolResults.map((result) => result.output).reverse(), input].filter(isRecord);
    return { output: fillObject(turn.outputSchema ?? {}, sources) };
  },
};
