import { type Embedder, EmbeddingError, type KnowledgeDoc } from './ports.ts';

/** Longest chunk, in characters, that {@link chunkText} aims for. */
export const CHUNK_CHARS = 800;

/** The text a passage is embedded from: its title and tickers count as much as its words. */
export function embeddingText(doc: KnowledgeDoc): string {
  return [doc.title, (doc.symbols ?? []).join(' '), doc.text].filter((part) => part !== '').join('\n');
}

/** Embeds each doc's {@link embeddingText}, checking one vector came back per doc. */
export async function embedDocuments(embedder: Embedder, docs: readonly KnowledgeDoc[]): Promise<number[][]> {
  const vectors = await embedder.embed(docs.map(embeddingText));
  if (vectors.length !== docs.length)
    throw new EmbeddingError(`Got ${vectors.length} embeddings for ${docs.length} passages`, {
      expected: docs.length,
      received: vectors.length,
    });
  return vectors;
}

/**
 * Splits text into chunks of whole paragraphs up to `max` characters; a paragraph longer than that
 * is split between sentences (and a sentence longer than that, between words).
 */
export function chunkText(text: string, max = CHUNK_CHARS): string[] {
  const pieces = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap((p) => (p.length <= max ? [p] : splitLong(p, max)));
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && current.length + 2 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else current = current === '' ? piece : `${current}\n\n${piece}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitLong(paragraph: string, max: number): string[] {
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+|$)\s*/g) ?? [paragraph];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences.flatMap((s) => (s.length <= max ? [s] : splitWords(s, max)))) {
    if (current !== '' && current.length + sentence.length > max) {
      out.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

function splitWords(sentence: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > max) {
      out.push(`${current} `);
      current = '';
    }
    current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(`${current} `);
  return out;
}

/** A research note read from a file: its header fields and its body. */
export interface ResearchNote {
  title: string;
  source: string;
  symbols: string[];
  published?: string;
  body: string;
}

/**
 * Reads a note with an optional `---` header of `key: value` lines (title, source, symbols as
 * `[SPY, VTI]` or `SPY, VTI`, published). Missing fields fall back to the first `# ` heading, then
 * `fallbackTitle`, and `fallbackSource`.
 */
export function parseResearchNote(
  content: string,
  fallbackTitle: string,
  fallbackSource: string,
): ResearchNote {
  const normalised = content.replace(/\r\n?/g, '\n');
  const header = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  const fields = new Map<string, string>();
  for (const line of header?.[1]?.split('\n') ?? []) {
    const match = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined)
      fields.set(match[1].toLowerCase(), unquote(match[2].trim()));
  }
  let body = (header ? normalised.slice(header[0].length) : normalised).trim();
  const heading = /^#\s+(.+)$/.exec(body.split('\n', 1)[0] ?? '')?.[1]?.trim();
  // A leading heading is the title, which every chunk carries already; kept, it would weigh twice.
  if (heading !== undefined) body = body.slice(body.indexOf('\n') + 1 || body.length).trim();
  const symbols = (fields.get('symbols') ?? '')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((s) => unquote(s.trim()).toUpperCase())
    .filter((s) => s !== '');
  const note: ResearchNote = {
    title: fields.get('title') || heading || fallbackTitle,
    source: fields.get('source') || fallbackSource,
    symbols,
    body,
  };
  const published = fields.get('published') ?? fields.get('date');
  if (published) note.published = published;
  return note;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}
