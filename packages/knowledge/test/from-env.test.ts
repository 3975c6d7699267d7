import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HashingEmbedder,
  KnowledgeConfigError,
  knowledgeFromEnv,
  LocalVectorStore,
  S3VectorsStore,
  SageMakerEmbedder,
} from '../src/index.ts';

const aws = {
  VECTOR_BUCKET: 'alex-vectors',
  VECTOR_INDEX: 'financial-research',
  SAGEMAKER_ENDPOINT: 'alex-embed',
};

describe('knowledgeFromEnv', () => {
  it('chooses S3 Vectors and SageMaker when all three settings are present', () => {
    const knowledge = knowledgeFromEnv({ ...aws, AWS_REGION: 'eu-west-1' }, '/repo');
    expect(knowledge.store).toBeInstanceOf(S3VectorsStore);
    expect(knowledge.embedder).toBeInstanceOf(SageMakerEmbedder);
    expect(knowledge.describe).toBe(
      'S3 Vectors index "financial-research" in bucket "alex-vectors" (eu-west-1), embeddings from SageMaker endpoint "alex-embed"',
    );
  });

  it('chooses the local store under <root>/.alex/knowledge when none is set', () => {
    const knowledge = knowledgeFromEnv({}, '/repo');
    expect(knowledge.embedder).toBeInstanceOf(HashingEmbedder);
    expect(knowledge.store).toBeInstanceOf(LocalVectorStore);
    expect((knowledge.store as LocalVectorStore).file).toBe(
      join('/repo', '.alex', 'knowledge', 'index.json'),
    );
  });

  it('treats empty values as unset', () => {
    const knowledge = knowledgeFromEnv(
      { VECTOR_BUCKET: '', VECTOR_INDEX: '', SAGEMAKER_ENDPOINT: '' },
      '/repo',
    );
    expect(knowledge.store).toBeInstanceOf(LocalVectorStore);
  });

  it('names the missing settings when only some are set', () => {
    expect(() => knowledgeFromEnv({ VECTOR_BUCKET: 'b' }, '/repo')).toThrow(
      new KnowledgeConfigError(['VECTOR_INDEX', 'SAGEMAKER_ENDPOINT']),
    );
  });
});
