import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseBody, parseQuery } from '../validation.ts';

/**
 * Instruments the caller may see (classified ones and placeholders they hold). With `q`: up to
 * `limit` matches for autocomplete. Without: one page in symbol order, never the whole table.
 *
 * Response (both forms): `{ items: Instrument[], next_cursor: string | null }`; pass `next_cursor`
 * back as `cursor` for the next page (always null for a search).
 */
export const instrumentRoutes: Route[] = [
  userRoute(endpoints.searchInstruments, async ({ deps, userId, query }) => {
    const { q, limit, cursor } = parseQuery(endpoints.searchInstruments.query, query);
    if (q) {
      const items = await deps.repos.instruments.search(q, limit, userId);
      return json(200, { items, next_cursor: null });
    }
    const page = await deps.repos.instruments.page({
      viewer: userId,
      limit,
      ...(cursor ? { after: cursor } : {}),
    });
    return json(200, { items: page.items, next_cursor: page.next });
  }),

  // A symbol the caller added that Alex could not look up, priced and classified by hand.
  userRoute(endpoints.classifyInstrument, async ({ deps, userId, rawBody }) => {
    const entry = parseBody(endpoints.classifyInstrument.body, rawBody);
    return json(200, await deps.repos.instruments.classifyByHand(userId, entry));
  }),
];
