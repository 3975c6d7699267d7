import type { Portfolio } from '../lib/portfolio.ts';

/** Says which holdings lack a price or a classification, and what happens to them. */
export function HoldingsNotice({ portfolio }: { portfolio: Portfolio }) {
  const { unpriced, unclassified } = portfolio;
  if (unpriced.length === 0 && unclassified.length === 0) return null;
  return (
    <div className="notice" role="note">
      {unpriced.length > 0 && (
        <p>
          No price yet for {unpriced.join(', ')}: counted as $0 until the next analysis classifies and prices
          {unpriced.length === 1 ? ' it' : ' them'}.
        </p>
      )}
      {unclassified.length > 0 && (
        <p>
          Not yet classified: {unclassified.join(', ')}. Their value shows as unclassified in the allocation
          until the next analysis.
        </p>
      )}
    </div>
  );
}
