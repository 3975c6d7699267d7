import { createLogger } from '@alex/core';
import { describe, expect, it } from 'vitest';
import {
  HashingEmbedder,
  insightsQuery,
  type KnowledgeHit,
  type KnowledgeStore,
  LocalVectorStore,
  loadSampleCorpus,
  marketInsights,
} from '../src/index.ts';

const sampleStore = () => new LocalVectorStore({ embedder: new HashingEmbedder(), seed: loadSampleCorpus });
const hit = (id: string, title: string, score = 0.5): KnowledgeHit => ({
  id,
  title,
  text: 't',
  source: 's',
  score,
});
/** A store that answers each query with the next prepared list of hits and records what it was asked. */
function scriptedStore(...answers: KnowledgeHit[][]) {
  const calls: Parameters<KnowledgeStore['query']>[] = [];
  const store: KnowledgeStore = {
    put: async (docs) => docs.length,
    query: async (...args) => {
      calls.push(args);
      return answers.shift() ?? [];
    },
  };
  return { store, calls };
}

describe('marketInsights', () => {
  it('returns three insights from the notes tagged with the portfolio symbols', async () => {
    const result = await marketInsights(sampleStore(), ['VNQ', 'GLD', 'TIP']);
    expect(result.available).toBe(true);
    if (!result.available) return;
    expect(result.insights.map((i) => i.title).sort()).toEqual([
      'Gold and commodities as diversifiers',
      'REITs and interest rates',
      'TIPS and protecting against inflation',
    ]);
  });

  it('gives at most one insight per note', async () => {
    const { store } = scriptedStore([
      hit('a#1', 'A', 0.9),
      hit('a#2', 'A', 0.8),
      hit('b#1', 'B'),
      hit('c#1', 'C'),
    ]);
    const result = await marketInsights(store, ['SPY']);
    expect(result.available && result.insights.map((i) => i.title)).toEqual(['A', 'B', 'C']);
  });

  it('fills up with unfiltered hits when too few notes carry the symbols', async () => {
    const { store, calls } = scriptedStore(
      [hit('a#1', 'A')],
      [hit('a#1', 'A'), hit('b#1', 'B'), hit('c#1', 'C')],
    );
    const result = await marketInsights(store, ['aapl']);
    expect(calls.map(([, , filter]) => filter)).toEqual([{ symbols: ['AAPL'] }, undefined]);
    expect(result.available && result.insights.map((i) => i.title)).toEqual(['A', 'B', 'C']);
  });

  it('puts the topic and the symbols into the query', () => {
    expect(insightsQuery([' bnd', 'BND', 'tip'], 'inflation')).toBe('inflation for BND, TIP');
  });

  it('degrades to unavailable with a short reason when the store throws', async () => {
    const failing: KnowledgeStore = {
      put: async () => 0,
      query: async () => {
        throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailableException' });
      },
    };
    expect(await marketInsights(failing, ['SPY'])).toEqual({
      available: false,
      reason: 'market research search failed (ServiceUnavailableException)',
    });
  });

  it('logs a warning naming the error when it degrades', async () => {
    const lines: string[] = [];
    const failing: KnowledgeStore = {
      put: async () => 0,
      query: () => Promise.reject(new TypeError('boom')),
    };
    await marketInsights(failing, ['SPY'], { logger: createLogger({ sink: (line) => lines.push(line) }) });
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      {
        level: 'warn',
        message: 'market insights unavailable',
        error: { name: 'TypeError', message: 'boom' },
      },
    ]);
  });
});
