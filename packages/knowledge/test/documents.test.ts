import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, chunkText, embeddingText, parseResearchNote } from '../src/index.ts';

const paragraph = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('chunkText', () => {
  it('keeps short paragraphs together in one chunk', () => {
    expect(chunkText('First.\n\nSecond.')).toEqual(['First.\n\nSecond.']);
  });

  it('starts a new chunk rather than pass the size limit', () => {
    const chunks = chunkText([paragraph(60), paragraph(60), paragraph(60)].join('\n\n'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= CHUNK_CHARS)).toBe(true);
  });

  it('splits a paragraph longer than the limit between sentences', () => {
    const sentence = `${paragraph(30)}. `;
    const chunks = chunkText(sentence.repeat(6), 500);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 500 && c.endsWith('.'))).toBe(true);
  });
});

describe('parseResearchNote', () => {
  it('reads title, source, symbols and date from the header', () => {
    const note = parseResearchNote(
      "---\ntitle: 'Bonds'\nsource: Desk\nsymbols: [bnd, AGG]\npublished: 2025-01-20\n---\n# Bonds\n\nBody.",
      'file.md',
      'fallback',
    );
    expect(note).toEqual({
      title: 'Bonds',
      source: 'Desk',
      symbols: ['BND', 'AGG'],
      published: '2025-01-20',
      body: 'Body.',
    });
  });

  it('falls back to the first heading and the default source without a header', () => {
    const note = parseResearchNote('# Gold notes\n\nShiny.', 'gold.md', 'Alex sample research');
    expect(note).toEqual({
      title: 'Gold notes',
      source: 'Alex sample research',
      symbols: [],
      body: 'Shiny.',
    });
  });
});

describe('embeddingText', () => {
  it('puts the title and symbols ahead of the passage', () => {
    expect(embeddingText({ id: 'x', title: 'Bonds', text: 'Body', source: 's', symbols: ['BND'] })).toBe(
      'Bonds\nBND\nBody',
    );
  });
});
