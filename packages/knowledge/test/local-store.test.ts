import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashingEmbedder, type KnowledgeDoc, KnowledgeError, LocalVectorStore } from '../src/index.ts';

const doc = (id: string, text: string, symbols?: string[]): KnowledgeDoc => ({
  id,
  text,
  title: `Note ${id}`,
  source: 'test',
  ...(symbols ? { symbols } : {}),
});

describe('LocalVectorStore', () => {
  const embedder = new HashingEmbedder();
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-knowledge-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('finds a stored passage by meaning after a reload from disk', async () => {
    await new LocalVectorStore({ embedder, dir }).put([
      doc('bonds', 'Bond prices fall when interest rates rise; duration measures by how much.'),
      doc('gold', 'Gold has no yield and often holds up in a crisis.'),
    ]);
    const reloaded = new LocalVectorStore({ embedder, dir });
    const [best] = await reloaded.query('interest rates and bond duration', 1);
    expect(best).toMatchObject({ id: 'bonds', title: 'Note bonds', source: 'test' });
    expect(best?.score).toBeGreaterThan(0.3);
  });

  it('replaces a passage stored again under the same id', async () => {
    const store = new LocalVectorStore({ embedder, dir });
    await store.put([doc('a', 'first version about bonds')]);
    await store.put([doc('a', 'second version about gold')]);
    const hits = await store.query('gold', 5);
    expect(hits.map((h) => [h.id, h.text])).toEqual([['a', 'second version about gold']]);
  });

  it('returns at most k hits, best first', async () => {
    const store = new LocalVectorStore({ embedder, dir });
    await store.put(['bonds', 'bond funds', 'bond yields and bonds', 'gold'].map((t, i) => doc(`${i}`, t)));
    const hits = await store.query('bonds', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? 1);
  });

  it('keeps only passages tagged with a wanted symbol when filtered', async () => {
    const store = new LocalVectorStore({ embedder, dir });
    await store.put([doc('bnd', 'bonds', ['BND']), doc('gld', 'bonds and gold', ['GLD'])]);
    const hits = await store.query('bonds', 5, { symbols: ['gld'] });
    expect(hits.map((h) => h.id)).toEqual(['gld']);
  });

  it('starts an absent index from its seed and writes the seed with the first put', async () => {
    const store = new LocalVectorStore({ embedder, dir, seed: async () => [doc('seeded', 'gold')] });
    expect(await store.size()).toBe(1);
    await store.put([doc('new', 'bonds')]);
    const file = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { entries: { id: string }[] };
    expect(file.entries.map((e) => e.id).sort()).toEqual(['new', 'seeded']);
  });

  it('keeps every passage when puts run concurrently', async () => {
    const store = new LocalVectorStore({ embedder, dir });
    await Promise.all(['a', 'b', 'c'].map((id) => store.put([doc(id, `note ${id}`)])));
    expect(await new LocalVectorStore({ embedder, dir }).size()).toBe(3);
  });

  it('refuses an index file it did not write', async () => {
    await writeFile(join(dir, 'index.json'), '{"something": "else"}');
    await expect(new LocalVectorStore({ embedder, dir }).query('bonds')).rejects.toBeInstanceOf(
      KnowledgeError,
    );
  });
});
