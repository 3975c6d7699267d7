import type { ProjectionChart as Projection, ProjectionPoint } from '@alex/contract';
import { useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoneyWhole } from '../format.ts';

const compact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** Which dollars the chart draws: today's (deflated by inflation) or nominal (of each future year). */
export type ProjectionUnit = 'today' | 'nominal';

const UNIT_LABEL: Record<ProjectionUnit, string> = {
  today: "today's dollars",
  nominal: 'nominal dollars',
};

/** The point where retirement starts: the chart's retirement year, else the last saving year. */
export function retirementPoint(chart: Projection): ProjectionPoint | undefined {
  if (chart.retirement_year !== undefined) return chart.data.find((p) => p.year === chart.retirement_year);
  return chart.data.filter((p) => p.phase === 'accumulation').at(-1);
}

function bands(point: ProjectionPoint, unit: ProjectionUnit) {
  if (unit === 'nominal') return { p10: point.p10, p50: point.p50, p90: point.p90 };
  return { p10: point.p10_today ?? 0, p50: point.p50_today ?? 0, p90: point.p90_today ?? 0 };
}

/**
 * The Monte Carlo projection: a shaded p10–p90 band with the median (p50) line over it, in today's
 * dollars by default with a toggle to nominal dollars (charts stored before both were kept show
 * nominal only), and a marker at the retirement year itself.
 */
export default function ProjectionChart({ chart }: { chart: Projection }) {
  const hasToday = chart.data.every((p) => p.p50_today !== undefined);
  const [chosen, setUnit] = useState<ProjectionUnit>('today');
  const unit: ProjectionUnit = hasToday ? chosen : 'nominal';
  const hasAge = chart.data.some((p) => typeof p.age === 'number');
  const data = chart.data.map((p) => {
    const b = bands(p, unit);
    return {
      year: p.year,
      phase: p.phase,
      label: hasAge && typeof p.age === 'number' ? p.age : p.year,
      p50: b.p50,
      band: [b.p10, b.p90] as [number, number],
    };
  });
  const retirement = retirementPoint(chart);
  const retireAt = data.find((p) => p.year === retirement?.year);
  const last = data.at(-1);
  const unitLabel = UNIT_LABEL[unit];
  return (
    <figure className="chart card">
      <figcaption>
        <h3 className="h3">{chart.title}</h3>
        <p className="muted" data-testid="projection-unit">
          Values in {unitLabel}.
        </p>
        {chart.description && <p className="muted">{chart.description}</p>}
      </figcaption>
      {hasToday && (
        <fieldset className="row unit-toggle">
          <legend className="sr-only">Show values in</legend>
          {(['today', 'nominal'] as const).map((option) => (
            <label key={option} className="row">
              <input
                type="radio"
                name={`projection-unit-${chart.title}`}
                value={option}
                checked={unit === option}
                onChange={() => setUnit(option)}
              />
              {option === 'today' ? "Today's dollars" : 'Nominal dollars'}
            </label>
          ))}
        </fieldset>
      )}
      <div
        className="chart-plot"
        role="img"
        aria-label={`${chart.title}: projected portfolio value in ${unitLabel} by ${hasAge ? 'age' : 'year'}, with the 10th to 90th percentile range${
          last ? `; median at the end ${formatMoneyWhole(last.p50)}` : ''
        }`}
      >
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={data} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              label={{ value: hasAge ? 'Age' : 'Years from now', position: 'insideBottom', offset: -2 }}
              height={40}
              minTickGap={12}
            />
            <YAxis tickFormatter={(v: number) => compact.format(v)} width={64} />
            <Tooltip
              formatter={(value, name) =>
                Array.isArray(value)
                  ? [`${formatMoneyWhole(Number(value[0]))} – ${formatMoneyWhole(Number(value[1]))}`, name]
                  : [formatMoneyWhole(Number(value)), name]
              }
            />
            {retireAt && (
              <ReferenceLine
                x={retireAt.label}
                stroke="#8a5a00"
                strokeDasharray="4 4"
                label={{ value: 'Retire', position: 'insideTopLeft', fill: '#8a5a00' }}
              />
            )}
            <Legend formatter={(value) => <span className="legend-ink">{value}</span>} />
            <Area
              dataKey="band"
              name="10th–90th percentile"
              stroke="none"
              fill="#8bb8e8"
              fillOpacity={0.45}
              isAnimationActive={false}
            />
            <Line
              dataKey="p50"
              name="Median"
              stroke="#0f3d5e"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="projection-table">
        <summary>The projection as a table</summary>
        <table className="compact">
          <caption className="sr-only">
            {chart.title}: projected portfolio value in {unitLabel}
          </caption>
          <thead>
            <tr>
              <th scope="col">{hasAge ? 'Age' : 'Year'}</th>
              <th scope="col">Bad markets (10th percentile)</th>
              <th scope="col">Median</th>
              <th scope="col">Good markets (90th percentile)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.year}>
                <th scope="row">{point.label}</th>
                <td className="num money">{formatMoneyWhole(point.band[0])}</td>
                <td className="num money">{formatMoneyWhole(point.p50)}</td>
                <td className="num money">{formatMoneyWhole(point.band[1])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {retireAt && (
        <p className="muted" data-testid="projection-retirement">
          Retirement starts at {hasAge ? `age ${retireAt.label}` : `year ${retireAt.year}`}: the median
          portfolio then is {formatMoneyWhole(retireAt.p50)} in {unitLabel}.
        </p>
      )}
    </figure>
  );
}
