import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashingEmbedder, ingestFiles, LocalVectorStore, sampleCorpusPaths } from '../src/index.ts';

describe('ingestFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alex-ingest-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores the sample corpus so that a query finds the expected note', async () => {
    const store = new LocalVectorStore({ embedder: new HashingEmbedder(), dir });
    const result = await ingestFiles(await sampleCorpusPaths(), { store });
    const reloaded = new LocalVectorStore({ embedder: new HashingEmbedder(), dir });
    const [best] = await reloaded.query('TIPS breakeven inflation real yield', 1);
    expect(result.files.length).toBeGreaterThanOrEqual(6);
    expect(result.stored).toBe(result.files.reduce((sum, f) => sum + f.chunks, 0));
    expect(best?.title).toBe('TIPS and protecting against inflation');
  });

  it('reports each file with its id, title and chunk count', async () => {
    const path = join(dir, 'Muni Bonds.md');
    await writeFile(path, '---\ntitle: Municipal bonds\nsymbols: [MUB]\n---\nTax-exempt interest.\n');
    const result = await ingestFiles([path], {
      store: new LocalVectorStore({ embedder: new HashingEmbedder() }),
    });
    expect(result).toEqual({
      files: [{ path, id: 'muni-bonds', title: 'Municipal bonds', chunks: 1 }],
      stored: 1,
    });
  });

  it('ships sample notes that each name a title, the sample source and symbols', async () => {
    const store = new LocalVectorStore({ embedder: new HashingEmbedder() });
    const paths = await sampleCorpusPaths();
    await ingestFiles(paths, { store });
    const hits = await store.query('portfolio', 100);
    expect(new Set(hits.map((h) => h.source))).toEqual(new Set(['Alex sample research']));
    expect(paths.length).toBeGreaterThanOrEqual(6);
    expect(paths.length).toBeLessThanOrEqual(10);
  });
});
