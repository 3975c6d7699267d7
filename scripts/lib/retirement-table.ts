import { labelFor, type MonteCarloInput, type MonteCarloResult } from '@alex/finance';

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const years = (count: number) => `${count} year${count === 1 ? '' : 's'}`;
const percent = (fraction: number, digits = 1) => `${(fraction * 100).toFixed(digits)}%`;

/** A Monte Carlo result as a plain-text report: a summary, then one row of bands per year. */
export function formatRetirementTable(input: MonteCarloInput, result: MonteCarloResult): string {
  const used = result.assumptions;
  const mix = used.assetClasses
    .map((entry) => `${labelFor(entry.assetClass)} ${percent(entry.weight, 0)}`)
    .join(', ');
  const retirement = result.atRetirement;
  const lines = [
    `Retirement Monte Carlo: ${used.paths.toLocaleString('en-US')} paths, seed ${used.seed}` +
      (used.zeroVolatility ? ', zero volatility' : ''),
    `Start ${dollars.format(input.currentValue)}, adding ${dollars.format(input.annualContribution)} a year ` +
      `for ${years(used.yearsToRetirement)}, then withdrawing ${dollars.format(input.targetIncome)} a year ` +
      `(today's dollars, +${percent(used.inflation)} a year inflation) for ${years(used.retirementYears)}`,
    `Allocation: ${mix}; expected return ${percent(used.portfolioMean, 2)}, volatility ${percent(used.portfolioVolatility)}`,
    '',
    `Probability of success  ${result.successRate.toFixed(1)}%`,
    `Sustainable income      ${dollars.format(result.sustainableIncome)} a year in today's dollars ` +
      `(lasts in ${used.sustainableSuccessRate}% of paths)`,
    `At retirement           median ${dollars.format(retirement.p50)} nominal ` +
      `(p10 ${dollars.format(retirement.p10)}, p90 ${dollars.format(retirement.p90)}); ` +
      `${dollars.format(retirement.p50Today)} in today's dollars`,
    '',
    `${'Year'.padStart(4)}  ${'Phase'.padEnd(12)}  ${'P10'.padStart(16)}  ${'P50'.padStart(16)}  ${'P90'.padStart(16)}`,
  ];
  for (const band of result.percentiles) {
    lines.push(
      `${String(band.year).padStart(4)}  ${band.phase.padEnd(12)}  ${dollars.format(band.p10).padStart(16)}  ` +
        `${dollars.format(band.p50).padStart(16)}  ${dollars.format(band.p90).padStart(16)}`,
    );
  }
  lines.push('', 'Values are nominal dollars. Not financial advice.');
  return lines.join('\n');
}
