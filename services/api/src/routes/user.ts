import { endpoints } from '@alex/contract';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseBody } from '../validation.ts';

/** The signed-in user's profile and goals; the row is created on first sight. */
export const userRoutes: Route[] = [
  userRoute(endpoints.getUser, async ({ deps, userId }) =>
    json(200, await deps.repos.users.getOrCreate({ clerk_user_id: userId })),
  ),

  userRoute(endpoints.updateUser, async ({ deps, userId, rawBody }) => {
    const update = parseBody(endpoints.updateUser.body, rawBody);
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    return json(200, await deps.repos.users.update(userId, update));
  }),
];
