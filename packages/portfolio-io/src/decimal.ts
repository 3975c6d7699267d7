/** Adds two non-negative decimal strings exactly, keeping at most `scale` fractional digits of either. */
export function addDecimals(a: string, b: string, scale: number): string {
  const sum = toScaled(a, scale) + toScaled(b, scale);
  const text = sum.toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

function toScaled(value: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

/**
 * A number as brokerages print it, plain: "$1,234.56" → "1234.56", "+1.5" → "1.5", "(12.00)" →
 * "-12.00"; "--", "n/a" and "" → null. Anything else is returned trimmed for the schema to judge.
 */
export function plainNumber(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '--' || /^n\/?a$/i.test(trimmed)) return null;
  let core = trimmed.replace(/^\$|(?<=^[+-])\$/, '').replace(/^\+/, '');
  const negative = /^\((.*)\)$/.exec(core);
  if (negative?.[1] !== undefined) core = `-${negative[1].replace(/^\$/, '')}`;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(core)) core = core.replaceAll(',', '');
  return core;
}
