/**
 * Approximate us-east-1 list prices (late 2025) used in messages and docs. Other regions cost a
 * little more; check https://aws.amazon.com/rds/aurora/pricing/ before relying on them.
 */
export const PRICES = {
  /** Aurora Serverless v2 (Aurora Standard), per ACU-hour. */
  auroraAcuHour: 0.12,
  /** Aurora storage, per GB-month. */
  auroraStorageGbMonth: 0.1,
} as const;

/** The states a student's cluster can be in, as aurora.ts reports them. */
export type AuroraCostState = 'running' | 'paused' | 'stopped' | 'destroyed';

const dollars = (n: number): string => `$${n.toFixed(2)}`;

/** What one ACU-range costs per hour and per day while the cluster is awake. */
export function runningCost(acu: number): { hour: string; day: string; month: string } {
  const hour = acu * PRICES.auroraAcuHour;
  return { hour: dollars(hour), day: dollars(hour * 24), month: dollars(hour * 730) };
}

/** One line saying what a state costs (approximate, us-east-1). */
export function describeCost(state: AuroraCostState, maxAcu = 2): string {
  switch (state) {
    case 'running': {
      const low = runningCost(0.5);
      const high = runningCost(maxAcu);
      return (
        `running: ≈ ${low.hour}/hour at 0.5 ACU (${low.day}/day) up to ${high.hour}/hour at ${maxAcu} ACU; ` +
        'it pauses itself at 0 ACU after 5 idle minutes'
      );
    }
    case 'paused':
      return `paused at 0 ACU: storage only, ≈ ${dollars(PRICES.auroraStorageGbMonth)} per GB-month (cents a month for this schema)`;
    case 'stopped':
      return `stopped: storage only, ≈ ${dollars(PRICES.auroraStorageGbMonth)} per GB-month; AWS starts it again after 7 days`;
    case 'destroyed':
      return 'destroyed: $0 (the data is gone; recreate, then scripts/reset-db.ts --with-test-data)';
  }
}
