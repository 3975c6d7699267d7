/**
 * What a model call costs, for the cost column of each Langfuse generation. Bedrock on-demand
 * prices in US dollars per million tokens (us-east-1; the `us.` cross-region profiles bill at the
 * source region's price). Prices change: update the table and its date together.
 */

/** When the prices below were read from aws.amazon.com/bedrock/pricing. */
export const MODEL_PRICES_AS_OF = '2025-11-01';

/** Dollars per million input and output tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/** Model id prefixes (after the provider and region prefixes) and their prices; first match wins. */
export const MODEL_PRICES: readonly (readonly [prefix: string, price: ModelPrice])[] = [
  ['anthropic.claude-opus-4', { inputPerMillion: 15, outputPerMillion: 75 }],
  ['anthropic.claude-sonnet-4', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['anthropic.claude-3-7-sonnet', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['anthropic.claude-3-5-sonnet', { inputPerMillion: 3, outputPerMillion: 15 }],
  ['anthropic.claude-haiku-4-5', { inputPerMillion: 1, outputPerMillion: 5 }],
  ['anthropic.claude-3-5-haiku', { inputPerMillion: 0.8, outputPerMillion: 4 }],
  ['anthropic.claude-3-haiku', { inputPerMillion: 0.25, outputPerMillion: 1.25 }],
  ['amazon.nova-pro', { inputPerMillion: 0.8, outputPerMillion: 3.2 }],
  ['amazon.nova-lite', { inputPerMillion: 0.06, outputPerMillion: 0.24 }],
  ['amazon.nova-micro', { inputPerMillion: 0.035, outputPerMillion: 0.14 }],
];

/** A generation's cost in US dollars, split as Langfuse's `costDetails` expects. */
export interface GenerationCost {
  readonly input: number;
  readonly output: number;
  readonly total: number;
}

/**
 * The Bedrock model id inside what a generation span names: `amazon-bedrock:us.anthropic.claude-…`
 * → `anthropic.claude-…` (provider and cross-region prefixes dropped).
 */
export function baseModelId(model: string): string {
  const id = model.includes(':') && !model.startsWith('arn:') ? model.slice(model.indexOf(':') + 1) : model;
  return id.replace(/^(us|eu|apac|us-gov|global|jp|au|ca)\./, '');
}

/** The price of `model`, or undefined when the table does not know it (the offline model, say). */
export function priceOf(model: string): ModelPrice | undefined {
  const id = baseModelId(model);
  return MODEL_PRICES.find(([prefix]) => id.startsWith(prefix))?.[1];
}

/** What `inputTokens` and `outputTokens` cost on `model`, in US dollars; undefined for an unknown model. */
export function generationCost(
  model: string,
  inputTokens: number,
  outputTokens: number,
): GenerationCost | undefined {
  const price = priceOf(model);
  if (price === undefined) return undefined;
  const input = (inputTokens * price.inputPerMillion) / 1_000_000;
  const output = (outputTokens * price.outputPerMillion) / 1_000_000;
  return { input, output, total: input + output };
}
