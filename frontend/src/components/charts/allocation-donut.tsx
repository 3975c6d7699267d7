import { Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { AllocationMap } from '../../lib/portfolio.ts';
import { formatPercent, humanize } from '../format.ts';

const COLOURS: Record<string, string> = {
  equity: '#1f6fb2',
  fixed_income: '#2e8b57',
  real_estate: '#b5651d',
  commodities: '#c9a227',
  cash: '#7a869a',
  alternatives: '#8e44ad',
  unclassified: '#b8c2cc',
};

/** A percentage map as pie data, largest first. */
function slices(map: AllocationMap) {
  return Object.entries(map)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => ({ key, name: humanize(key), value, fill: COLOURS[key] ?? '#5b6b7f' }));
}

/** The current asset-class mix (inner ring: targets) with a current-vs-target table. */
export default function AllocationDonut({
  current,
  targets,
}: {
  current: AllocationMap;
  targets: AllocationMap;
}) {
  const now = slices(current);
  const goal = slices(targets);
  const keys = [...new Set([...now.map((s) => s.key), ...goal.map((s) => s.key)])];
  return (
    <div className="donut">
      <div
        className="chart-plot"
        role="img"
        aria-label="Asset allocation: outer ring is your portfolio now, inner ring your targets"
      >
        <ResponsiveContainer width="100%" height={220}>
          <PieChart accessibilityLayer={false}>
            <Pie
              data={goal}
              dataKey="value"
              nameKey="name"
              outerRadius="48%"
              innerRadius="30%"
              isAnimationActive={false}
              rootTabIndex={-1}
              opacity={0.6}
            />
            <Pie
              data={now}
              dataKey="value"
              nameKey="name"
              innerRadius="58%"
              outerRadius="90%"
              isAnimationActive={false}
              rootTabIndex={-1}
            />
            <Tooltip formatter={(value) => formatPercent(Number(value))} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <table className="compact">
        <caption className="sr-only">Asset allocation now and target</caption>
        <thead>
          <tr>
            <th scope="col">Asset class</th>
            <th scope="col" className="num">
              Now
            </th>
            <th scope="col" className="num">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: COLOURS[key] ?? '#5b6b7f' }}
                  aria-hidden="true"
                />
                {humanize(key)}
              </th>
              <td className="num">{formatPercent(current[key] ?? 0)}</td>
              <td className="num">{formatPercent(targets[key] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
