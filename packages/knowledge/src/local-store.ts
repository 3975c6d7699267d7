import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embedDocuments } from './documents.ts';
import {
  type Embedder,
  type KnowledgeDoc,
  KnowledgeError,
  type KnowledgeFilter,
  type KnowledgeHit,
  type KnowledgeStore,
} from './ports.ts';
import { cosine } from './vectors.ts';

/** Name of the index file inside the store's folder. */
export const LOCAL_INDEX_FILE = 'index.json';

/** A stored passage with its vector, as kept in the index file. */
interface Entry extends KnowledgeDoc {
  vector: number[];
}

interface IndexFile {
  version: 1;
  dimensions: number;
  entries: Entry[];
}

/** Where a {@link LocalVectorStore} keeps its data and what it starts from. */
export interface LocalVectorStoreOptions {
  embedder: Embedder;
  /** Folder for `index.json` (e.g. `<repo>/.alex/knowledge`); omitted, the store lives in memory only. */
  dir?: string;
  /** Documents an absent index starts with (the shipped sample corpus); stored on the first `put`. */
  seed?: () => Promise<KnowledgeDoc[]>;
}

/**
 * The offline knowledge store: passages and their vectors in one JSON file, searched by cosine
 * similarity in memory. Fine for hundreds of passages; S3 Vectors takes over in AWS. One process
 * writes a folder at a time (like the rest of `.alex/`).
 */
export class LocalVectorStore implements KnowledgeStore {
  readonly #embedder: Embedder;
  readonly #dir: string | undefined;
  readonly #seed: (() => Promise<KnowledgeDoc[]>) | undefined;
  #entries: Promise<Map<string, Entry>> | undefined;
  /** The last write; each waits for the one before, so concurrent puts never interleave files. */
  #writing: Promise<void> = Promise.resolve();

  constructor(options: LocalVectorStoreOptions) {
    this.#embedder = options.embedder;
    this.#dir = options.dir;
    this.#seed = options.seed;
  }

  /** Path of the index file, or undefined for an in-memory store. */
  get file(): string | undefined {
    return this.#dir === undefined ? undefined : join(this.#dir, LOCAL_INDEX_FILE);
  }

  /** Embeds `docs`, replaces any with the same id, and writes the index file. */
  async put(docs: KnowledgeDoc[]): Promise<number> {
    const entries = await this.#load();
    for (const entry of await this.#embedAll(docs)) entries.set(entry.id, entry);
    const write = this.#writing.then(() => this.#save(entries));
    this.#writing = write.catch(() => {}); // a failed write fails its own put, not the next one
    await write;
    return docs.length;
  }

  /** The `k` passages nearest to `text`, optionally only those tagged with one of `filter.symbols`. */
  async query(text: string, k = 3, filter: KnowledgeFilter = {}): Promise<KnowledgeHit[]> {
    const entries = await this.#load();
    const [vector] = await this.#embedder.embed([text]);
    if (vector === undefined) return [];
    const wanted = filter.symbols?.length ? filter.symbols.map((s) => s.toUpperCase()) : undefined;
    const candidates = [...entries.values()].filter(
      (e) => wanted === undefined || (e.symbols ?? []).some((s) => wanted.includes(s.toUpperCase())),
    );
    return candidates
      .map((e) => ({
        id: e.id,
        title: e.title,
        text: e.text,
        source: e.source,
        score: cosine(vector, e.vector),
      }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, Math.max(0, k));
  }

  /** How many passages the store holds. */
  async size(): Promise<number> {
    return (await this.#load()).size;
  }

  #load(): Promise<Map<string, Entry>> {
    this.#entries ??= this.#read().catch((err: unknown) => {
      this.#entries = undefined; // let the next call try again rather than caching the failure
      throw err;
    });
    return this.#entries;
  }

  async #read(): Promise<Map<string, Entry>> {
    const file = this.file;
    let raw: string | undefined;
    if (file !== undefined) {
      try {
        raw = await readFile(file, 'utf8');
      } catch (err: unknown) {
        if ((err as { code?: unknown }).code !== 'ENOENT') throw err;
      }
    }
    if (raw === undefined) {
      const seeded = this.#seed ? await this.#embedAll(await this.#seed()) : [];
      return new Map(seeded.map((e) => [e.id, e]));
    }
    const index = JSON.parse(raw) as Partial<IndexFile>;
    if (index.version !== 1 || !Array.isArray(index.entries))
      throw new KnowledgeError(`${file} is not a knowledge index (version 1); delete it and ingest again`);
    return new Map(index.entries.map((e) => [e.id, e]));
  }

  async #embedAll(docs: KnowledgeDoc[]): Promise<Entry[]> {
    const vectors = await embedDocuments(this.#embedder, docs);
    return docs.map((doc, i) => ({ ...doc, vector: vectors[i] ?? [] }));
  }

  async #save(entries: Map<string, Entry>): Promise<void> {
    const file = this.file;
    if (this.#dir === undefined || file === undefined) return;
    const first = entries.values().next().value;
    const index: IndexFile = {
      version: 1,
      dimensions: first?.vector.length ?? 0,
      entries: [...entries.values()],
    };
    await mkdir(this.#dir, { recursive: true });
    // Write then rename, so a crash mid-write never leaves half an index behind.
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(index)}\n`);
    await rename(temp, file);
  }
}
