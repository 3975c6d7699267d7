import type { Portfolio } from '../lib/portfolio.ts';

/** Says which holdings lack a price or a classification, and what happens to them. */
export function HoldingsNotice({ portfolio }: { portfolio: Portfolio }) {
  const { unpriced, unclassified } = portfolio;
  if (unpriced.length === 0 && unclassified.length === 0) return null;
  return (
    <div className="notice" role="note">
      {unpriced.length > 0 && (
        <p>
          No price yet for {unpriced.join(', ')}: counted as $0 until Alex looks{' '}
          {unpriced.length === 1 ? 'it' : 'them'} up at the next analysis, or you enter a price on the
          Portfolio page.
        </p>
      )}
      {unclassified.length > 0 && (
        <p>
          Not classified yet: {unclassified.join(', ')}. {unclassified.length === 1 ? 'Its' : 'Their'} value
          shows as unclassified in the allocation until then.
        </p>
      )}
    </div>
  );
}
