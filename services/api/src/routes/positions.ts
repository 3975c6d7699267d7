import { endpoints } from '@alex/contract';
import { DEFAULT_LIMITS } from '../deps.ts';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseAll, parseBody, uuidParam } from '../validation.ts';

/**
 * Positions. Adding a symbol the account already holds sets its quantity; an unknown symbol becomes
 * a user-added placeholder instrument, which the planner's tagger classifies before an analysis.
 */
export const positionRoutes: Route[] = [
  userRoute(endpoints.createPosition, async ({ deps, userId, rawBody }) => {
    const position = parseBody(endpoints.createPosition.body, rawBody);
    return json(
      201,
      await deps.repos.positions.upsert(userId, position, {
        placeholdersPerDay: (deps.limits ?? DEFAULT_LIMITS).placeholdersPerDay,
      }),
    );
  }),

  userRoute(endpoints.updatePosition, async ({ deps, userId, params, rawBody }) => {
    const [id, update] = parseAll(
      () => uuidParam(params),
      () => parseBody(endpoints.updatePosition.body, rawBody),
    );
    return json(200, await deps.repos.positions.update(userId, id, update));
  }),

  userRoute(endpoints.deletePosition, async ({ deps, userId, params }) => {
    const id = uuidParam(params);
    await deps.repos.positions.delete(userId, id);
    return json(200, { id, deleted: true as const });
  }),
];
