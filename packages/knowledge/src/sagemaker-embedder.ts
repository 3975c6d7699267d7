import { type RetryPolicy, withRetry } from '@alex/core';
import { InvokeEndpointCommand, type SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { EMBEDDING_DIMENSIONS, type Embedder, EmbeddingError } from './ports.ts';
import { isTransientSageMakerError, KNOWLEDGE_RETRY } from './retry.ts';
import { assertVector, meanPool, normalise } from './vectors.ts';

/** Which endpoint to call and how. */
export interface SageMakerEmbedderOptions {
  endpointName: string;
  /**
   * Texts per request. The HuggingFace feature-extraction container answers with one vector per
   * token: 1–2 MB of JSON for an 800-character passage, against a 6 MB response limit.
   */
  batchSize?: number;
  dimensions?: number;
  retry?: Partial<RetryPolicy>;
}

/**
 * Embeddings from the all-MiniLM-L6-v2 SageMaker endpoint (HuggingFace inference container): sends
 * `{"inputs": [...]}` as JSON, mean-pools token vectors when that is what comes back, normalises.
 */
export class SageMakerEmbedder implements Embedder {
  readonly #client: SageMakerRuntimeClient;
  readonly #endpoint: string;
  readonly #batchSize: number;
  readonly #dimensions: number;
  readonly #retry: RetryPolicy;

  constructor(client: SageMakerRuntimeClient, options: SageMakerEmbedderOptions) {
    this.#client = client;
    this.#endpoint = options.endpointName;
    this.#batchSize = Math.max(1, options.batchSize ?? 2);
    this.#dimensions = options.dimensions ?? EMBEDDING_DIMENSIONS;
    this.#retry = { ...KNOWLEDGE_RETRY, ...options.retry };
  }

  /** One unit vector per text, in order; batches of `batchSize` texts per endpoint call. */
  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      vectors.push(...(await this.#invoke(texts.slice(start, start + this.#batchSize))));
    }
    return vectors;
  }

  async #invoke(texts: string[]): Promise<number[][]> {
    const response = await withRetry(
      () =>
        this.#client.send(
          new InvokeEndpointCommand({
            EndpointName: this.#endpoint,
            ContentType: 'application/json',
            Accept: 'application/json',
            Body: new TextEncoder().encode(JSON.stringify({ inputs: texts })),
          }),
        ),
      isTransientSageMakerError,
      this.#retry,
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(response.Body));
    } catch (err: unknown) {
      throw new EmbeddingError(`Endpoint ${this.#endpoint} did not answer with JSON`, {}, { cause: err });
    }
    return parseEmbeddingResponse(parsed, texts.length, this.#dimensions);
  }
}

/**
 * Reads an embedding endpoint's answer for `count` texts into unit vectors. Accepts sentence vectors
 * (`[[384]]`), token vectors (`[[[tokens][384]]]`, mean-pooled), extra singleton nesting, a bare
 * vector for one text, and the same under an `embeddings`/`vectors`/`predictions`/`outputs` key.
 */
export function parseEmbeddingResponse(body: unknown, count: number, dimensions: number): number[][] {
  const data = unwrap(body);
  if (!Array.isArray(data)) throw new EmbeddingError('Embedding response holds no array');
  let perText: unknown[];
  if (isNumberList(data)) perText = [data];
  else if (data.length === count) perText = data;
  else if (count === 1)
    perText = [data]; // token vectors of a single text, without a batch level
  else
    throw new EmbeddingError(`Embedding response has ${data.length} entries for ${count} texts`, {
      expected: count,
      received: data.length,
    });
  if (perText.length !== count)
    throw new EmbeddingError(`Embedding response has 1 vector for ${count} texts`, { expected: count });
  return perText.map((item) => {
    const vector = pool(item);
    assertVector(vector, dimensions);
    return normalise(vector);
  });
}

function unwrap(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  for (const key of ['embeddings', 'vectors', 'predictions', 'outputs', 'embedding'])
    if (key in record) return record[key];
  return body;
}

/** Averages every level above the last, so `[tokens][dims]` and `[1][tokens][dims]` both become `[dims]`. */
function pool(value: unknown): unknown {
  if (!Array.isArray(value) || isNumberList(value)) return value;
  const rows = value.map(pool);
  if (!rows.every(isNumberList)) throw new EmbeddingError('Embedding response mixes numbers and lists');
  return meanPool(rows);
}

function isNumberList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number');
}
