import type { Executor } from '../client/data-api-client.ts';
import { NotFoundError } from '../client/errors.ts';
import type { SqlParams } from '../client/params.ts';
import type { Row } from '../client/results.ts';
import {
  Account,
  Instrument,
  Position,
  USER_COLUMNS as USER_FIELDS,
  type User,
  UserCreate,
  userFromRow,
} from '../schemas/index.ts';
import { ACCOUNT_FIELDS, INSTRUMENT_FIELDS, POSITION_FIELDS, prefixed, unprefix } from './columns.ts';
import { ENSURE_USER_CTES, newUserParams, USER_COLUMNS } from './ensure-user.ts';
import { validate } from './validate.ts';

/** A user's whole portfolio: accounts, their positions, and each position's instrument. */
export interface Portfolio {
  user: User;
  accounts: (Account & { positions: (Position & { instrument: Instrument })[] })[];
}

/**
 * One row per position (or per empty account, or one for a user with none) of the user in CTE
 * `owner`. An instrument's columns come on the first row of its symbol only (NULL elsewhere), so a
 * symbol held in many accounts does not repeat its allocations against the response size limit.
 */
const HOLDINGS = `SELECT ${prefixed(USER_FIELDS, 'u', 'u_')}, ${prefixed(ACCOUNT_FIELDS, 'a', 'a_')},
         ${prefixed(POSITION_FIELDS, 'p', 'p_')},
         ${INSTRUMENT_FIELDS.map((c) => `CASE WHEN row_number() OVER by_symbol = 1 THEN i.${c} END AS i_${c}`).join(',\n         ')}
  FROM owner u
  LEFT JOIN accounts a ON a.clerk_user_id = u.clerk_user_id
  LEFT JOIN positions p ON p.account_id = a.id
  LEFT JOIN instruments i ON i.symbol = p.symbol
  WINDOW by_symbol AS (PARTITION BY p.symbol ORDER BY a.id)
  ORDER BY a.created_at, a.account_name, a.id, p.symbol`;

/** Reads whole portfolios in one statement, however many accounts and positions there are. */
export function portfolioRepository(db: Executor) {
  const read = async (clerkUserId: string, statement: string, params: SqlParams): Promise<Portfolio> => {
    const rows = await db.query(statement, params);
    const first = rows[0];
    if (!first) throw new NotFoundError('user', clerkUserId);
    return assemble(first, rows);
  };
  return {
    async get(clerkUserId: string): Promise<Portfolio> {
      return read(
        clerkUserId,
        `WITH owner AS (SELECT ${USER_COLUMNS} FROM users WHERE clerk_user_id = :id) ${HOLDINGS}`,
        { id: clerkUserId },
      );
    },

    /** The user's portfolio, the user created with defaults on first sight; still one statement. */
    async getOrCreate(clerkUserId: string): Promise<Portfolio> {
      const user = validate(UserCreate, { clerk_user_id: clerkUserId });
      return read(clerkUserId, `WITH ${ENSURE_USER_CTES} ${HOLDINGS}`, newUserParams(user));
    },
  };
}

function assemble(first: Row, rows: readonly Row[]): Portfolio {
  const bySymbol = new Map<string, Instrument>();
  for (const row of rows) {
    if (row.i_symbol !== null && row.i_symbol !== undefined) {
      bySymbol.set(row.i_symbol as string, Instrument.parse(unprefix(row, 'i_')));
    }
  }
  const accounts = new Map<string, Portfolio['accounts'][number]>();
  for (const row of rows) {
    if (row.a_id === null) continue;
    const accountId = row.a_id as string;
    let account = accounts.get(accountId);
    if (!account) {
      account = { ...Account.parse(unprefix(row, 'a_')), positions: [] };
      accounts.set(accountId, account);
    }
    if (row.p_id === null) continue;
    const position = Position.parse(unprefix(row, 'p_'));
    const instrument = bySymbol.get(position.symbol);
    if (instrument) account.positions.push({ ...position, instrument });
  }
  return { user: userFromRow(unprefix(first, 'u_')), accounts: [...accounts.values()] };
}

export type PortfolioRepository = ReturnType<typeof portfolioRepository>;
