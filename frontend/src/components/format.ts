import { isDecimal } from '../lib/decimal.ts';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const USD_WHOLE = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });
const PRICE = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const DASH = '—';

/** A decimal string handed to Intl as an exact decimal (no float rounding on the way). */
function exact(text: string): Intl.StringNumericLiteral {
  return text.trim() as Intl.StringNumericLiteral;
}

/** "1234.5" → "$1,234.50"; null or non-decimal → "—". Formats the string exactly. */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'number') return Number.isFinite(value) ? USD.format(value) : DASH;
  return isDecimal(value) ? USD.format(exact(value)) : DASH;
}

/** Money rounded to whole dollars, for chart axes and big headline numbers. */
export function formatMoneyWhole(value: number): string {
  return Number.isFinite(value) ? USD_WHOLE.format(value) : DASH;
}

/** A price per share with 2–4 decimal places. */
export function formatPrice(value: string | null | undefined): string {
  return value && isDecimal(value) ? PRICE.format(exact(value)) : DASH;
}

/** A share quantity with up to 8 decimal places. */
export function formatQuantity(value: string): string {
  return isDecimal(value) ? QUANTITY.format(exact(value)) : DASH;
}

/** A percentage given as 0–100: 70 → "70%", 33.333 → "33.3%". */
export function formatPercent(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'string') return isDecimal(value) ? `${PERCENT.format(exact(value))}%` : DASH;
  return Number.isFinite(value) ? `${PERCENT.format(value)}%` : DASH;
}

/** A rate given as a fraction: "0.045" → "4.5%". */
export function formatRate(value: string | null | undefined): string {
  if (!value || !isDecimal(value)) return DASH;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Number(value) * 100)}%`;
}

/** An ISO timestamp as a short local date and time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return DASH;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? DASH : DATE.format(date);
}

const NAMES: Record<string, string> = {
  north_america: 'North America',
  latin_america: 'Latin America',
  middle_east: 'Middle East',
};

/** snake_case keys as words: "fixed_income" → "Fixed income", "north_america" → "North America". */
export function humanize(key: string): string {
  const known = NAMES[key];
  if (known) return known;
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
