const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const USD_WHOLE = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/**
 * A success rate (0–100) to one decimal, rounded down so it never contradicts the verdict: 89.99
 * shows as "89.9%", never "90%", beside "borderline".
 */
export function formatChance(value: number | string | null | undefined): string {
  const number = typeof value === 'string' ? Number(value) : value;
  if (number === null || number === undefined || !Number.isFinite(number)) return '—';
  return `${ONE_DECIMAL.format(Math.floor(number * 10 + 1e-9) / 10)}%`;
}

/** Whole dollars: "$80,000". */
export function dollars(value: number): string {
  return Number.isFinite(value) ? USD_WHOLE.format(value) : '—';
}
