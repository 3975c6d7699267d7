import type { ChartPoint } from '@alex/contract';
import { formatMoney, formatPercent } from '../format.ts';

/** What a chart's values are: percentages, or US dollars. */
export type ChartUnit = 'percent' | 'usd';

/** One value in its unit: "48.2%" or "$12,342.50". */
export function formatChartValue(value: number, unit: ChartUnit): string {
  return unit === 'percent' ? formatPercent(value) : formatMoney(value);
}

/**
 * A chart's figures as a table: the text alternative of the drawing, readable by screen readers and
 * at any width (every label in full), and its legend (each row carries its colour).
 */
export function ChartLegend({
  data,
  unit = 'percent',
  caption,
}: {
  data: ChartPoint[];
  unit?: ChartUnit;
  caption: string;
}) {
  return (
    <table className="compact legend-table">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">{unit === 'percent' ? 'Share' : 'Value (US dollars)'}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((point) => (
          <tr key={point.name}>
            <th scope="row">
              <span className="swatch" style={{ background: point.color }} aria-hidden="true" />
              {point.name}
            </th>
            <td className="num money">{formatChartValue(point.value, unit)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
