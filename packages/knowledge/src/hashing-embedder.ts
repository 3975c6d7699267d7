import { EMBEDDING_DIMENSIONS, type Embedder } from './ports.ts';
import { normalise } from './vectors.ts';

// Words that carry no topic; leaving them out keeps short queries from matching on grammar.
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could do does for from had has have how if in into is it ' +
    'its may might more most much not of on or our over same so such than that the their them then ' +
    'there these they this those through to too under up was we were what when where which while who ' +
    'will with would you your also about after before between both each few other some than very'
  ).split(' '),
);

/** Bigrams count for half a word: they sharpen phrases ("interest rates") without drowning single words. */
const BIGRAM_WEIGHT = 0.5;

/** Suffixes folded away, longest first, so "retiring", "retired" and "retirement" meet at "retir". */
const SUFFIXES = ['ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ed', 'ly', 'es', 's'];

/** Lower-cased word stems of `text`, stopwords dropped. */
export function tokenise(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w)).map(stem);
}

/** A crude stemmer: applied alike to documents and queries, it only has to be consistent, not correct. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  let out = word;
  const suffix = SUFFIXES.find((s) => out.endsWith(s) && out.length - s.length >= 4);
  if (suffix !== undefined) out = out.slice(0, -suffix.length);
  return out.length > 3 && out.endsWith('e') ? out.slice(0, -1) : out;
}

/** 32-bit FNV-1a: small, fast and the same on every machine. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The offline embedder: word and word-bigram counts hashed into 384 signed buckets (the "hashing
 * trick"), L2-normalised. No model weights and no network; it finds documents that share words with
 * the query, which is what a small local corpus needs. Same text, same vector, on every machine.
 */
export class HashingEmbedder implements Embedder {
  constructor(readonly dimensions: number = EMBEDDING_DIMENSIONS) {}

  /** Embeds each text independently. */
  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** The vector of one text (synchronous; the port is async for the remote model's sake). */
  embedOne(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    const tokens = tokenise(text);
    const counts = new Map<string, { count: number; weight: number }>();
    const add = (feature: string, weight: number) => {
      const seen = counts.get(feature);
      if (seen) seen.count += 1;
      else counts.set(feature, { count: 1, weight });
    };
    tokens.forEach((token, i) => {
      add(token, 1);
      const next = tokens[i + 1];
      if (next !== undefined) add(`${token} ${next}`, BIGRAM_WEIGHT);
    });
    for (const [feature, { count, weight }] of counts) {
      const slot = fnv1a(feature) % this.dimensions;
      // A second, independent hash picks the sign, so collisions cancel out on average instead of piling up.
      const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
      // Sub-linear counts: a word said ten times is not ten times as relevant.
      vector[slot] = (vector[slot] ?? 0) + sign * weight * (1 + Math.log(count));
    }
    return normalise(vector);
  }
}
