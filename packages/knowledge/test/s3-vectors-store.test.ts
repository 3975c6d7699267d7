import {
  AccessDeniedException,
  PutVectorsCommand,
  QueryVectorsCommand,
  S3VectorsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-s3vectors';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Embedder, S3VectorsStore, toFilter } from '../src/index.ts';

const s3vectors = mockClient(S3VectorsClient);
/** An embedder whose vectors are easy to recognise: [length of text, 0, 0 …]. */
const lengthEmbedder: Embedder = {
  embed: async (texts) => texts.map((t) => [t.length, ...new Array<number>(383).fill(0)]),
};
const tooManyRequests = () =>
  new TooManyRequestsException({ message: 'Slow down', $metadata: { httpStatusCode: 429 } });

function store() {
  const sleeps: number[] = [];
  const instance = new S3VectorsStore(new S3VectorsClient({ region: 'us-east-1' }), {
    embedder: lengthEmbedder,
    vectorBucketName: 'alex-vectors',
    indexName: 'financial-research',
    retry: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
  });
  return { instance, sleeps };
}

describe('S3VectorsStore', () => {
  beforeEach(() => s3vectors.reset());

  it('puts each passage as a float32 vector keyed by id, with its text and tags as metadata', async () => {
    s3vectors.on(PutVectorsCommand).resolves({});
    const doc = { id: 'bonds#1', title: 'Bonds', text: 'Duration.', source: 'test', symbols: ['bnd'] };
    expect(await store().instance.put([doc])).toBe(1);
    expect(s3vectors).toHaveReceivedCommandWith(PutVectorsCommand, {
      vectorBucketName: 'alex-vectors',
      indexName: 'financial-research',
      vectors: [
        {
          key: 'bonds#1',
          data: { float32: [expect.any(Number), ...new Array<number>(383).fill(0)] },
          metadata: { title: 'Bonds', text: 'Duration.', source: 'test', symbols: ['BND'] },
        },
      ],
    });
  });

  it('puts many passages in batches of 100', async () => {
    s3vectors.on(PutVectorsCommand).resolves({});
    const docs = Array.from({ length: 250 }, (_, i) => ({ id: `${i}`, title: 't', text: 'x', source: 's' }));
    await store().instance.put(docs);
    expect(s3vectors).toHaveReceivedCommandTimes(PutVectorsCommand, 3);
  });

  it('queries with the embedded text, topK, metadata and distance', async () => {
    s3vectors.on(QueryVectorsCommand).resolves({ vectors: [], distanceMetric: 'cosine' });
    await store().instance.query('bonds', 3);
    expect(s3vectors).toHaveReceivedCommandWith(QueryVectorsCommand, {
      vectorBucketName: 'alex-vectors',
      indexName: 'financial-research',
      topK: 3,
      queryVector: { float32: [5, ...new Array<number>(383).fill(0)] },
      returnMetadata: true,
      returnDistance: true,
    });
  });

  it('maps hits to passages, scoring 1 minus the cosine distance', async () => {
    s3vectors.on(QueryVectorsCommand).resolves({
      distanceMetric: 'cosine',
      vectors: [
        { key: 'bonds#1', distance: 0.25, metadata: { title: 'Bonds', text: 'Duration.', source: 's' } },
      ],
    });
    expect(await store().instance.query('bonds')).toEqual([
      { id: 'bonds#1', title: 'Bonds', text: 'Duration.', source: 's', score: 0.75 },
    ]);
  });

  it('filters on any of the wanted symbols with $eq against the symbols list', async () => {
    s3vectors.on(QueryVectorsCommand).resolves({ vectors: [], distanceMetric: 'cosine' });
    await store().instance.query('bonds', 3, { symbols: ['bnd', 'AGG'] });
    expect(s3vectors).toHaveReceivedCommandWith(QueryVectorsCommand, {
      filter: { $or: [{ symbols: { $eq: 'BND' } }, { symbols: { $eq: 'AGG' } }] },
    });
  });

  it('sends no filter for an empty symbol list', () => {
    expect(toFilter({ symbols: [] })).toBeUndefined();
  });

  it('retries a throttled query, then succeeds', async () => {
    s3vectors
      .on(QueryVectorsCommand)
      .rejectsOnce(tooManyRequests())
      .resolves({ vectors: [{ key: 'a', distance: 0 }], distanceMetric: 'cosine' });
    const { instance, sleeps } = store();
    expect(await instance.query('bonds')).toHaveLength(1);
    expect(s3vectors).toHaveReceivedCommandTimes(QueryVectorsCommand, 2);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up on throttling after five tries', async () => {
    s3vectors.on(PutVectorsCommand).rejects(tooManyRequests());
    await expect(store().instance.put([{ id: 'a', title: 't', text: 'x', source: 's' }])).rejects.toThrow(
      'Slow down',
    );
    expect(s3vectors).toHaveReceivedCommandTimes(PutVectorsCommand, 5);
  });

  it('does not retry access denied', async () => {
    s3vectors.on(QueryVectorsCommand).rejects(new AccessDeniedException({ message: 'no', $metadata: {} }));
    await expect(store().instance.query('bonds')).rejects.toBeInstanceOf(AccessDeniedException);
    expect(s3vectors).toHaveReceivedCommandTimes(QueryVectorsCommand, 1);
  });
});
