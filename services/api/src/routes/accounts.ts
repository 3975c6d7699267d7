import { toPositionInput } from '@alex/analysis';
import { endpoints } from '@alex/contract';
import { valuePortfolio } from '@alex/finance';
import { json } from '../http.ts';
import { type Route, userRoute } from '../router.ts';
import { parseAll, parseBody, uuidParam } from '../validation.ts';

/** The user's accounts, and the positions in one of them. */
export const accountRoutes: Route[] = [
  userRoute(endpoints.listAccounts, async ({ deps, userId }) =>
    json(200, await deps.repos.accounts.list(userId)),
  ),

  userRoute(endpoints.createAccount, async ({ deps, userId, rawBody }) => {
    const account = parseBody(endpoints.createAccount.body, rawBody);
    await deps.repos.users.getOrCreate({ clerk_user_id: userId });
    return json(201, await deps.repos.accounts.create(userId, account));
  }),

  userRoute(endpoints.getAccount, async ({ deps, userId, params }) =>
    json(200, await deps.repos.accounts.get(userId, uuidParam(params))),
  ),

  userRoute(endpoints.updateAccount, async ({ deps, userId, params, rawBody }) => {
    const [id, update] = parseAll(
      () => uuidParam(params),
      () => parseBody(endpoints.updateAccount.body, rawBody),
    );
    return json(200, await deps.repos.accounts.update(userId, id, update));
  }),

  userRoute(endpoints.deleteAccount, async ({ deps, userId, params }) => {
    const id = uuidParam(params);
    await deps.repos.accounts.delete(userId, id);
    return json(200, { id, deleted: true as const });
  }),

  userRoute(endpoints.listAccountPositions, async ({ deps, userId, params }) => {
    const id = uuidParam(params);
    const positions = await deps.repos.positions.listForAccount(userId, id);
    // Values come from the finance package: quantity × price rounded once to cents, never guessed.
    const valuation = valuePortfolio([
      {
        id,
        account_name: id,
        cash_balance: '0',
        positions: positions.map(toPositionInput),
      },
    ]);
    return json(
      200,
      positions.map((p, i) => ({
        ...p,
        value: p.instrument.current_price === null ? null : (valuation.positions[i]?.valueText ?? null),
      })),
    );
  }),
];
