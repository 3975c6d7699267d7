import type { ProjectionChart as Projection } from '@alex/contract';
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

/** The Monte Carlo projection: a shaded p10–p90 band with the median (p50) line over it. */
export default function ProjectionChart({ chart }: { chart: Projection }) {
  const hasAge = chart.data.some((p) => typeof p.age === 'number');
  const data = chart.data.map((p) => ({
    ...p,
    label: hasAge && typeof p.age === 'number' ? p.age : p.year,
    band: [p.p10, p.p90] as [number, number],
  }));
  const retireAt = data.find((p) => p.phase === 'retirement');
  const last = data.at(-1);
  return (
    <figure className="chart card">
      <figcaption>
        <h3 className="h3">{chart.title}</h3>
        {chart.description && <p className="muted">{chart.description}</p>}
      </figcaption>
      <div
        className="chart-plot"
        role="img"
        aria-label={`${chart.title}: projected portfolio value by ${hasAge ? 'age' : 'year'}, with the 10th to 90th percentile range${
          last ? `; median at the end ${formatMoneyWhole(last.p50)}` : ''
        }`}
      >
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={data} margin={{ left: 8, right: 16, top: 8 }}>
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
      {retireAt && (
        <p className="muted">
          Retirement starts at {hasAge ? `age ${retireAt.label}` : `year ${retireAt.year}`}: the median
          portfolio then is {formatMoneyWhole(retireAt.p50)}.
        </p>
      )}
    </figure>
  );
}
