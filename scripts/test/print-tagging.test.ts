import type { Instrument } from '@alex/database';
import { describe, expect, it } from 'vitest';
import { printTagging } from '../lib/print-tagging.ts';

const costco = {
  symbol: 'COST',
  name: 'Costco Wholesale Corporation',
  instrument_type: 'stock',
  current_price: '915.2000',
  allocation_asset_class: { equity: 100 },
  allocation_regions: { north_america: 100 },
  allocation_sectors: { consumer: 100 },
} as unknown as Instrument;

describe('run-agent tagger output', () => {
  it('shows the stored classification with the model’s confidence and rationale', () => {
    const lines: string[] = [];
    printTagging(
      ['COST', 'SPY', 'QWXYZ'],
      {
        tagged: ['COST'],
        classifications: [{ symbol: 'COST', confidence: 'medium', rationale: 'A US retailer.' }],
        skipped: ['SPY'],
        unresolved: [{ symbol: 'QWXYZ', reason: 'unknown symbol' }],
      },
      new Map([['COST', costco]]),
      (line) => lines.push(line),
    );
    expect(lines).toEqual([
      '✓ COST: Costco Wholesale Corporation (stock), $915.2000 a share',
      '    asset class  equity 100%',
      '    regions      north_america 100%',
      '    sectors      consumer 100%',
      '    confidence   medium',
      '    rationale    A US retailer.',
      '• SPY: already classified, left as it is (the model was not called)',
      '✖ QWXYZ: not classified: unknown symbol',
    ]);
  });
});
