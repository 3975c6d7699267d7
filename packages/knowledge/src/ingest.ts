import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkText, parseResearchNote } from './documents.ts';
import type { KnowledgeDoc, KnowledgeStore } from './ports.ts';

/** Source named on notes whose header does not name one. */
const DEFAULT_SOURCE = 'Alex sample research';

/** What was stored from one file. */
export interface IngestedFile {
  path: string;
  /** Document id; its chunks are stored as `<id>#1`, `<id>#2` … */
  id: string;
  title: string;
  chunks: number;
}

/** What {@link ingestFiles} stored. */
export interface IngestResult {
  files: IngestedFile[];
  /** Passages (chunks) stored in all. */
  stored: number;
}

/** The folder of market-research notes shipped with the package. */
export function sampleCorpusDir(): string {
  // Resolved when called, not at import: a bundled Lambda never ships (or asks for) the corpus.
  return fileURLToPath(new URL('../corpus/', import.meta.url));
}

/** Paths of the shipped sample notes (`corpus/*.md`), sorted. */
export async function sampleCorpusPaths(): Promise<string[]> {
  const dir = sampleCorpusDir();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  return names.map((name) => join(dir, name));
}

/** Document id of a file: its name without extension, lower-cased, as a slug. */
export function documentId(path: string): string {
  return basename(path, extname(path))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Reads one note file into its chunks, ready to store. */
export async function readResearchFile(path: string): Promise<KnowledgeDoc[]> {
  const id = documentId(path);
  const note = parseResearchNote(await readFile(path, 'utf8'), basename(path), DEFAULT_SOURCE);
  return chunkText(note.body).map((text, i) => {
    const doc: KnowledgeDoc = { id: `${id}#${i + 1}`, text, title: note.title, source: note.source };
    if (note.symbols.length > 0) doc.symbols = note.symbols;
    if (note.published !== undefined) doc.published = note.published;
    return doc;
  });
}

/** Every chunk of the shipped sample corpus (the local store's seed). */
export async function loadSampleCorpus(): Promise<KnowledgeDoc[]> {
  const docs = await Promise.all((await sampleCorpusPaths()).map(readResearchFile));
  return docs.flat();
}

/**
 * Reads, chunks (by paragraph, about 800 characters), embeds and stores market-research files.
 * Re-ingesting a file replaces its chunks by id.
 */
export async function ingestFiles(
  paths: readonly string[],
  knowledge: { store: KnowledgeStore },
): Promise<IngestResult> {
  const files: IngestedFile[] = [];
  const docs: KnowledgeDoc[] = [];
  for (const path of paths) {
    const chunks = await readResearchFile(path);
    files.push({
      path,
      id: documentId(path),
      title: chunks[0]?.title ?? basename(path),
      chunks: chunks.length,
    });
    docs.push(...chunks);
  }
  const stored = docs.length === 0 ? 0 : await knowledge.store.put(docs);
  return { files, stored };
}
