import { beforeAll, describe, expect, it } from 'vitest';
import {
  EMBEDDING_DIMENSIONS,
  HashingEmbedder,
  LocalVectorStore,
  loadSampleCorpus,
  stem,
} from '../src/index.ts';

const length = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe('HashingEmbedder', () => {
  const embedder = new HashingEmbedder();

  it('gives the same vector for the same text every time', async () => {
    const [first] = await embedder.embed(['Bond duration and interest rates']);
    const [again] = await new HashingEmbedder().embed(['Bond duration and interest rates']);
    expect(again).toEqual(first);
  });

  it('returns one 384-dimensional unit vector per text', async () => {
    const vectors = await embedder.embed(['gold', 'emerging markets and currency risk']);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(length(vector)).toBeCloseTo(1, 10);
    }
  });

  it('embeds text without words as the zero vector rather than NaN', async () => {
    const [vector] = await embedder.embed(['?!']);
    expect(vector?.every((x) => x === 0)).toBe(true);
  });

  it('ignores case', () => {
    expect(embedder.embedOne('Interest RATES')).toEqual(embedder.embedOne('interest rates'));
  });

  it('folds word endings, so "retiring" and "retirement" meet', () => {
    expect(stem('retiring')).toBe(stem('retirement'));
  });
});

describe('HashingEmbedder over the sample corpus', () => {
  const store = new LocalVectorStore({ embedder: new HashingEmbedder(), seed: loadSampleCorpus });
  beforeAll(() => store.size());

  it.each([
    ['bond duration interest rates', 'bond-yields-duration'],
    ['inflation protection', 'tips-inflation'],
    ['gold as a diversifier', 'gold-and-commodities'],
    ['REIT dividends and rising rates', 'reits-and-rates'],
    ['emerging markets currency', 'international-developed-emerging'],
    ['when to rebalance my portfolio', 'rebalancing-target-allocations'],
    ['retiring soon, worried about a crash', 'sequence-of-returns-risk'],
  ])('ranks the relevant note first for "%s"', async (query, note) => {
    const [best] = await store.query(query, 1);
    expect(best?.id.split('#')[0]).toBe(note);
  });
});
