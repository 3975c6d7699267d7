import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseQuery } from '../validation.ts';

/** Instrument search for autocomplete (`q`, `limit`); without `q`, every instrument. */
export const instrumentRoutes: Route[] = [
  userRoute(endpoints.searchInstruments, async ({ deps, query }) => {
    const { q, limit } = parseQuery(endpoints.searchInstruments.query, query);
    const instruments = q
      ? await deps.repos.instruments.search(q, limit)
      : await deps.repos.instruments.list();
    return json(200, instruments);
  }),
];
