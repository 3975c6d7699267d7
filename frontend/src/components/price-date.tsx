const DAY = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "as of Oct 3, 2025": the day a price is for, shown under it so no price passes for today's. */
export function PriceDate({ asOf }: { asOf: string | null | undefined }) {
  if (!asOf) return null;
  const day = new Date(`${asOf}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  return <span className="price-date">as of {DAY.format(day)}</span>;
}
