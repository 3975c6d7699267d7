import type { Executor } from '../client/data-api-client.ts';
import { sql } from '../client/params.ts';

/** A dated price to store: decimal string (≤ 4 places), day YYYY-MM-DD. */
export interface DatedPrice {
  symbol: string;
  price: string;
  as_of: string;
}

/** Prices of instruments: written only with the day they are for, never over a newer one. */
export function pricesRepository(db: Executor) {
  return {
    /**
     * Sets `current_price` and `price_as_of` of each known symbol, unless the stored price is for a
     * later day. Returns the symbols written; unknown symbols are not created.
     */
    async setPrices(prices: readonly DatedPrice[]): Promise<string[]> {
      // One quote per symbol (the latest day): an UPDATE … FROM with two matches would pick either.
      const latest = new Map<string, DatedPrice>();
      for (const p of prices) {
        const held = latest.get(p.symbol);
        if (!held || held.as_of <= p.as_of) latest.set(p.symbol, p);
      }
      if (latest.size === 0) return [];
      const rows = await db.query<{ symbol: string }>(
        `UPDATE instruments i
         SET current_price = (q->>'price')::numeric, price_as_of = (q->>'as_of')::date
         FROM jsonb_array_elements(:prices::jsonb) AS q
         WHERE i.symbol = q->>'symbol'
           AND (i.price_as_of IS NULL OR i.price_as_of <= (q->>'as_of')::date)
         RETURNING i.symbol`,
        { prices: sql.json([...latest.values()]) },
      );
      return rows.map((r) => r.symbol).sort();
    },
  };
}

export type PricesRepository = ReturnType<typeof pricesRepository>;
