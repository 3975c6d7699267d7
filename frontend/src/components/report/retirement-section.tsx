import type { Retirement } from '@alex/contract';
import { formatMoney, formatPercent } from '../format.ts';
import { Markdown, ProjectionChart } from '../lazy.tsx';

/** The retirement specialist's result: success rate, estimated income, projection and analysis. */
export function RetirementSection({ retirement }: { retirement: Retirement }) {
  return (
    <section className="card stack" aria-labelledby="retirement-heading">
      <h2 id="retirement-heading" className="h2">
        Retirement
      </h2>
      <dl className="grid stats">
        <div className="stat">
          <dt>Chance the money lasts</dt>
          <dd>{formatPercent(retirement.success_rate)}</dd>
        </div>
        <div className="stat">
          <dt>Estimated income a year</dt>
          <dd>{formatMoney(retirement.estimated_income)}</dd>
        </div>
      </dl>
      {retirement.summary && <Markdown>{retirement.summary}</Markdown>}
      {retirement.chart && retirement.chart.data.length > 0 && <ProjectionChart chart={retirement.chart} />}
      {retirement.detail && (
        <details>
          <summary>Read the full retirement analysis</summary>
          <Markdown>{retirement.detail}</Markdown>
        </details>
      )}
    </section>
  );
}
