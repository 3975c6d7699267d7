import { apiRoutes } from '../src/routes/index.ts';

/** A concrete request for every route that needs a user (local helpers included), ids filled in. */
export function userRouteRequests(id = '00000000-0000-4000-8000-000000000000') {
  return apiRoutes({ localMode: true })
    .filter((route) => route.auth === 'user')
    .map((route) => ({
      method: route.method,
      path: route.pattern.replace('{id}', id),
      pattern: route.pattern,
    }));
}
