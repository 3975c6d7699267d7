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
import { ACCOUNT_FIELDS, INSTRUMENT_FIELDS, jsonObjectOf, POSITION_FIELDS } from './columns.ts';
import { ENSURE_USER_CTES, newUserParams, USER_COLUMNS } from './ensure-user.ts';
import { validate } from './validate.ts';

/** A user's whole portfolio: accounts, their positions, and each position's instrument. */
export interface Portfolio {
  user: User;
  accounts: (Account & { positions: (Position & { instrument: Instrument })[] })[];
}

/** An account's positions (alias `a`) as a JSON array, by symbol. */
const POSITIONS = `COALESCE((SELECT json_agg(${jsonObjectOf(POSITION_FIELDS, 'p')} ORDER BY p.symbol)
                      FROM positions p WHERE p.account_id = a.id), '[]')`;
/**
 * The whole portfolio of the user in CTE `owner` as one JSON document, built by Postgres: the user,
 * their accounts (each with its positions) and every held instrument once, keyed by symbol. One
 * field instead of one per column per row: the Data API and its SDK (de)serialise a single string,
 * not hundreds of typed fields, which was most of the read's CPU, and nothing repeats against the
 * Data API's 1 MiB response limit.
 */
const DOCUMENT = `SELECT json_build_object(
    'user', ${jsonObjectOf(USER_FIELDS, 'u')},
    'accounts', COALESCE((
      SELECT json_agg(${jsonObjectOf(ACCOUNT_FIELDS, 'a', { positions: POSITIONS })}
                      ORDER BY a.created_at, a.account_name, a.id)
        FROM accounts a WHERE a.clerk_user_id = u.clerk_user_id), '[]'),
    'instruments', COALESCE((
      SELECT json_object_agg(i.symbol, ${jsonObjectOf(INSTRUMENT_FIELDS, 'i')})
        FROM instruments i
       WHERE i.symbol IN (SELECT p.symbol FROM positions p JOIN accounts a ON a.id = p.account_id
                           WHERE a.clerk_user_id = u.clerk_user_id)), '{}')
  ) AS portfolio
  FROM owner u`;

/** The document {@link DOCUMENT} reads, before its parts are checked. */
interface PortfolioDocument {
  user: Row;
  accounts: (Row & { positions: Row[] })[];
  instruments: Record<string, Row>;
}

/** Reads whole portfolios in one statement, however many accounts and positions there are. */
export function portfolioRepository(db: Executor) {
  const read = async (clerkUserId: string, statement: string, params: SqlParams): Promise<Portfolio> => {
    const [row] = await db.query<{ portfolio: PortfolioDocument }>(statement, params);
    if (!row) throw new NotFoundError('user', clerkUserId);
    return assemble(row.portfolio);
  };
  return {
    async get(clerkUserId: string): Promise<Portfolio> {
      return read(
        clerkUserId,
        `WITH owner AS (SELECT ${USER_COLUMNS} FROM users WHERE clerk_user_id = :id) ${DOCUMENT}`,
        { id: clerkUserId },
      );
    },

    /** The user's portfolio, the user created with defaults on first sight; still one statement. */
    async getOrCreate(clerkUserId: string): Promise<Portfolio> {
      const user = validate(UserCreate, { clerk_user_id: clerkUserId });
      return read(clerkUserId, `WITH ${ENSURE_USER_CTES} ${DOCUMENT}`, newUserParams(user));
    },
  };
}

function assemble(document: PortfolioDocument): Portfolio {
  const instruments = new Map<string, Instrument>();
  for (const [symbol, instrument] of Object.entries(document.instruments)) {
    instruments.set(symbol, Instrument.parse(instrument));
  }
  const accounts = document.accounts.map(({ positions, ...account }) => ({
    ...Account.parse(account),
    positions: positions.flatMap((row) => {
      const position = Position.parse(row);
      const instrument = instruments.get(position.symbol);
      return instrument ? [{ ...position, instrument }] : [];
    }),
  }));
  return { user: userFromRow(document.user), accounts };
}

export type PortfolioRepository = ReturnType<typeof portfolioRepository>;
