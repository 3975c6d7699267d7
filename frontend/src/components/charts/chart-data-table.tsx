import type { ChartPoint } from '@alex/contract';
import { formatPercent } from '../format.ts';

/** The chart's numbers as a list: readable by screen readers and on any screen. */
export function ChartLegend({ data, unit = 'percent' }: { data: ChartPoint[]; unit?: 'percent' | 'number' }) {
  return (
    <ul className="legend">
      {data.map((point) => (
        <li key={point.name}>
          <span className="swatch" style={{ background: point.color }} aria-hidden="true" />
          <span className="legend-name">{point.name}</span>
          <span className="legend-value">
            {unit === 'percent' ? formatPercent(point.value) : point.value.toLocaleString('en-US')}
          </span>
        </li>
      ))}
    </ul>
  );
}
