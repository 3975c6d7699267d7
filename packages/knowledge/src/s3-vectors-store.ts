import { type RetryPolicy, withRetry } from '@alex/core';
import {
  PutVectorsCommand,
  type PutVectorsCommandInput,
  QueryVectorsCommand,
  type QueryVectorsCommandInput,
  type S3VectorsClient,
} from '@aws-sdk/client-s3vectors';
import { embedDocuments } from './documents.ts';
import type { Embedder, KnowledgeDoc, KnowledgeFilter, KnowledgeHit, KnowledgeStore } from './ports.ts';
import { isTransientS3VectorsError, KNOWLEDGE_RETRY } from './retry.ts';

/** Vectors per `PutVectors` call, well under the service's 500. */
const PUT_BATCH = 100;

/** Which vector index to use, and how to embed for it. */
export interface S3VectorsStoreOptions {
  embedder: Embedder;
  vectorBucketName: string;
  indexName: string;
  retry?: Partial<RetryPolicy>;
}

/** Metadata stored beside each vector; `text` is best declared non-filterable when the index is created. */
type VectorMetadata = { title: string; text: string; source: string; symbols: string[]; published?: string };

/**
 * Market knowledge in an S3 Vectors index (384 dimensions, cosine distance): passages are embedded
 * with the store's embedder, put with their text as metadata, and found with `QueryVectors`.
 */
export class S3VectorsStore implements KnowledgeStore {
  readonly #client: S3VectorsClient;
  readonly #options: S3VectorsStoreOptions;
  readonly #retry: RetryPolicy;

  constructor(client: S3VectorsClient, options: S3VectorsStoreOptions) {
    this.#client = client;
    this.#options = options;
    this.#retry = { ...KNOWLEDGE_RETRY, ...options.retry };
  }

  /** Embeds `docs` and puts them (same key, replaced), in batches. */
  async put(docs: KnowledgeDoc[]): Promise<number> {
    const { embedder, vectorBucketName, indexName } = this.#options;
    for (let start = 0; start < docs.length; start += PUT_BATCH) {
      const batch = docs.slice(start, start + PUT_BATCH);
      const vectors = await embedDocuments(embedder, batch);
      const input: PutVectorsCommandInput = {
        vectorBucketName,
        indexName,
        vectors: batch.map((doc, i) => ({
          key: doc.id,
          data: { float32: vectors[i] ?? [] },
          metadata: toMetadata(doc),
        })),
      };
      await this.#send(() => this.#client.send(new PutVectorsCommand(input)));
    }
    return docs.length;
  }

  /** The `k` nearest passages; `score` is 1 − cosine distance. */
  async query(text: string, k = 3, filter: KnowledgeFilter = {}): Promise<KnowledgeHit[]> {
    const { embedder, vectorBucketName, indexName } = this.#options;
    const [vector] = await embedder.embed([text]);
    if (vector === undefined || k <= 0) return [];
    const input: QueryVectorsCommandInput = {
      vectorBucketName,
      indexName,
      topK: k,
      queryVector: { float32: vector },
      returnMetadata: true,
      returnDistance: true,
    };
    const metadataFilter = toFilter(filter);
    if (metadataFilter !== undefined) input.filter = metadataFilter;
    const output = await this.#send(() => this.#client.send(new QueryVectorsCommand(input)));
    return (output.vectors ?? []).map((hit) => {
      const meta = (hit.metadata ?? {}) as Partial<VectorMetadata>;
      return {
        id: hit.key ?? '',
        title: meta.title ?? hit.key ?? '',
        text: meta.text ?? '',
        source: meta.source ?? '',
        score: 1 - (hit.distance ?? 1),
      };
    });
  }

  #send<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, isTransientS3VectorsError, this.#retry);
  }
}

function toMetadata(doc: KnowledgeDoc): VectorMetadata {
  const metadata: VectorMetadata = {
    title: doc.title,
    text: doc.text,
    source: doc.source,
    symbols: (doc.symbols ?? []).map((s) => s.toUpperCase()),
  };
  if (doc.published !== undefined) metadata.published = doc.published;
  return metadata;
}

/**
 * `$eq` against a list-valued key matches when any element equals the value (S3 Vectors metadata
 * filtering), so "tagged with any of these symbols" is an `$or` of `$eq`s.
 */
export function toFilter(filter: KnowledgeFilter): QueryVectorsCommandInput['filter'] {
  const symbols = (filter.symbols ?? []).map((s) => s.toUpperCase());
  const [only, ...more] = symbols;
  if (only === undefined) return undefined;
  if (more.length === 0) return { symbols: { $eq: only } };
  return { $or: symbols.map((s) => ({ symbols: { $eq: s } })) };
}
