/** Width of every embedding in the project: all-MiniLM-L6-v2's sentence vectors, matched locally. */
export const EMBEDDING_DIMENSIONS = 384;

/**
 * Turns texts into unit-length vectors of {@link EMBEDDING_DIMENSIONS} numbers, one per text, in
 * order. A port because the model lives on a SageMaker endpoint in AWS and is replaced by a
 * deterministic hashing embedder offline.
 */
export interface Embedder {
  embed(texts: string[]): Promise<number[][]>;
}

/** One stored passage of market research: a document, or one chunk of a long one. */
export interface KnowledgeDoc {
  /** Stable key: storing a doc with an existing id replaces it. */
  id: string;
  text: string;
  title: string;
  /** Who wrote it, or where it came from. */
  source: string;
  /** Tickers the passage is about (upper case), e.g. `['BND', 'AGG']`. */
  symbols?: string[];
  /** ISO date of publication, e.g. `2025-03-01`. */
  published?: string;
}

/** A passage found by a query; `score` is cosine similarity (1 is identical, 0 unrelated). */
export interface KnowledgeHit {
  id: string;
  title: string;
  text: string;
  source: string;
  score: number;
}

/** Narrows a query to passages tagged with at least one of `symbols`. */
export interface KnowledgeFilter {
  symbols?: readonly string[];
}

/**
 * Where market research lives and how it is searched: S3 Vectors in AWS, a JSON file locally.
 * A store embeds with its own {@link Embedder}, so what is stored and what is asked stay comparable.
 */
export interface KnowledgeStore {
  /** Embeds and upserts `docs` by id; resolves to how many were stored. */
  put(docs: KnowledgeDoc[]): Promise<number>;
  /** The `k` (default 3) passages most similar to `text`, best first. */
  query(text: string, k?: number, filter?: KnowledgeFilter): Promise<KnowledgeHit[]>;
}

/** Base class of the package's errors; `name` is the subclass name, so logs and callers can tell them apart. */
export class KnowledgeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An embedding model answered with something that is not the vectors asked for. */
export class EmbeddingError extends KnowledgeError {
  constructor(
    message: string,
    readonly detail: { expected?: number; received?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The environment names some, but not all, of the AWS knowledge settings. */
export class KnowledgeConfigError extends KnowledgeError {
  constructor(readonly missing: readonly string[]) {
    super(`Set ${missing.join(', ')} too, or none of VECTOR_BUCKET, VECTOR_INDEX, SAGEMAKER_ENDPOINT`);
  }
}
