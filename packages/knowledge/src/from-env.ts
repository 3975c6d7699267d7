import { join } from 'node:path';
import { ENV, envValue } from '@alex/core';
import { S3VectorsClient } from '@aws-sdk/client-s3vectors';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { HashingEmbedder } from './hashing-embedder.ts';
import { loadSampleCorpus } from './ingest.ts';
import { LocalVectorStore } from './local-store.ts';
import { type Embedder, KnowledgeConfigError, type KnowledgeStore } from './ports.ts';
import { S3VectorsStore } from './s3-vectors-store.ts';
import { SageMakerEmbedder } from './sagemaker-embedder.ts';

/** The variables that, all set, put market knowledge on AWS. */
export const AWS_KNOWLEDGE_VARIABLES = [ENV.VECTOR_BUCKET, ENV.VECTOR_INDEX, ENV.SAGEMAKER_ENDPOINT] as const;

/** The market-knowledge adapters chosen for this environment, and a line saying which. */
export interface Knowledge {
  embedder: Embedder;
  store: KnowledgeStore;
  /** Where the knowledge lives, for logs and script output. */
  describe: string;
}

/** Folder of the local store under the repository root. */
export function localKnowledgeDir(root: string): string {
  return join(root, '.alex', 'knowledge');
}

/**
 * Picks the adapters once at start-up: S3 Vectors with SageMaker embeddings when `VECTOR_BUCKET`,
 * `VECTOR_INDEX` and `SAGEMAKER_ENDPOINT` are all set (region from `AWS_REGION`); otherwise the
 * local store under `<root>/.alex/knowledge`, seeded with the sample corpus while it is empty.
 * Some but not all of the three set is a {@link KnowledgeConfigError}. Empty values count as unset.
 */
export function knowledgeFromEnv(env: Readonly<Record<string, string | undefined>>, root: string): Knowledge {
  const value = (name: string) => envValue(env, name);
  const missing = AWS_KNOWLEDGE_VARIABLES.filter((name) => value(name) === undefined);
  const [bucket, index, endpoint] = AWS_KNOWLEDGE_VARIABLES.map(value);
  if (bucket !== undefined && index !== undefined && endpoint !== undefined) {
    const region = value('AWS_REGION');
    const config = region === undefined ? {} : { region };
    const embedder = new SageMakerEmbedder(new SageMakerRuntimeClient(config), { endpointName: endpoint });
    const store = new S3VectorsStore(new S3VectorsClient(config), {
      embedder,
      vectorBucketName: bucket,
      indexName: index,
    });
    return {
      embedder,
      store,
      describe: `S3 Vectors index "${index}" in bucket "${bucket}"${region ? ` (${region})` : ''}, embeddings from SageMaker endpoint "${endpoint}"`,
    };
  }
  if (missing.length < AWS_KNOWLEDGE_VARIABLES.length) throw new KnowledgeConfigError(missing);
  const embedder = new HashingEmbedder();
  const dir = localKnowledgeDir(root);
  const store = new LocalVectorStore({ embedder, dir, seed: loadSampleCorpus });
  return { embedder, store, describe: `local store at ${dir} (hashing embedder, 384 dimensions)` };
}
