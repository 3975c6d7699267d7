import { OfflineModel, TaggerEvent } from '@alex/agents';
import { silentLogger } from '@alex/core';
import { DatabaseError } from '@alex/database';
import type { Model, ModelRequest } from '@openai/agents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taggerOfflineScript } from '../src/offline.ts';
import { instrumentFromPrompt } from '../src/prompts.ts';
import { type TaggerDeps, TaggingError, tagInstruments } from '../src/tagger.ts';
import { addPlaceholders, eventFor, startTestDatabase, type TestDatabase } from './support.ts';

/** The offline tagger, except that the model call fails for the symbols in `failing`. */
const failingFor = (...failing: string[]) =>
  new OfflineModel({
    name: 'failing',
    next(turn) {
      const symbol = instrumentFromPrompt(turn.input)?.symbol ?? '';
      if (failing.includes(symbol)) throw new Error(`model unavailable for ${symbol}`);
      return taggerOfflineScript.next(turn);
    },
  });

/** Wraps a model and records the most calls in flight at once. */
class CountingModel implements Model {
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly inner: Model) {}
  async getResponse(request: ModelRequest) {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return await this.inner.getResponse(request);
    } finally {
      this.inFlight -= 1;
    }
  }
  getStreamedResponse(request: ModelRequest) {
    return this.inner.getStreamedResponse(request);
  }
}

describe('tagInstruments when things fail', () => {
  let db: TestDatabase;
  const deps = (model: Model): TaggerDeps => ({ repos: db.repos, model, logger: silentLogger });

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => db?.close());

  it('reports a symbol unresolved when its model call fails, and tags the others', async () => {
    await addPlaceholders(db.repos, ['META', 'BADX']);

    const result = await tagInstruments(
      TaggerEvent.parse(eventFor('META', 'BADX')),
      deps(failingFor('BADX')),
    );

    expect(result).toMatchObject({
      tagged: ['META'],
      unresolved: [{ symbol: 'BADX', reason: 'Error: model unavailable for BADX' }],
    });
    expect(result.classifications.map((c) => c.symbol)).toEqual(['META']);
  });

  it('throws when the model fails for every symbol', async () => {
    const event = TaggerEvent.parse(eventFor('JPM', 'XOM'));

    await expect(tagInstruments(event, deps(failingFor('JPM', 'XOM')))).rejects.toThrow(TaggingError);
    expect((await db.repos.instruments.get('JPM'))?.current_price ?? null).toBeNull();
  });

  it('throws naming the database error when the database is down', async () => {
    const down = async () => {
      throw new DatabaseError('connect ECONNREFUSED 127.0.0.1:8010');
    };
    const repos = { instruments: { get: down, upsert: down } } as unknown as TaggerDeps['repos'];
    const event = TaggerEvent.parse(eventFor('AAPL'));

    await expect(tagInstruments(event, { repos, model: failingFor(), logger: silentLogger })).rejects.toThrow(
      'AAPL: DatabaseError: connect ECONNREFUSED',
    );
  });

  it('never runs more than three agents at a time', async () => {
    const symbols = ['AMZN', 'GOOGL', 'TSLA', 'BRK.B', 'V', 'JNJ', 'UNH', 'PG', 'VGT', 'VYM'];
    const model = new CountingModel(failingFor());

    const result = await tagInstruments(TaggerEvent.parse(eventFor(...symbols)), deps(model));

    expect(result.tagged).toEqual(symbols);
    expect(model.maxInFlight).toBeLessThanOrEqual(3);
  });
});
