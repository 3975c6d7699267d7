import { z } from 'zod';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseQuery } from '../validation.ts';

const InstrumentQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

/** Instrument search for autocomplete (`q`, `limit`); without `q`, every instrument. */
export const instrumentRoutes: Route[] = [
  userRoute('GET', '/api/instruments', async ({ deps, query }) => {
    const { q, limit } = parseQuery(InstrumentQuery, query);
    const instruments = q
      ? await deps.repos.instruments.search(q, limit)
      : await deps.repos.instruments.list();
    return json(200, instruments);
  }),
];
