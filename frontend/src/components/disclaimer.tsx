/** The standing notice that the analyses are machine-written and not financial advice. */
export function Disclaimer({ compact = false }: { compact?: boolean }) {
  return (
    <p className={compact ? 'disclaimer compact' : 'disclaimer'}>
      <strong>AI output is not financial advice.</strong> Alex&apos;s reports, charts and projections are
      written by AI agents from the data you enter. They can be wrong; check them and speak to a qualified
      adviser before you act.
    </p>
  );
}
