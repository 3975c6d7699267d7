import { type InstrumentByHand, InstrumentByHand as InstrumentByHandSchema } from '@alex/contract';
import type { Executor } from '../client/data-api-client.ts';
import { ConflictError, NotFoundError } from '../client/errors.ts';
import { sql } from '../client/params.ts';
import { Instrument, InstrumentCreate, InstrumentPlaceholder, TickerSymbol } from '../schemas/index.ts';
import { INSTRUMENT_FIELDS } from './columns.ts';
import { parseRows, validate } from './validate.ts';

const INSTRUMENT_COLUMNS = INSTRUMENT_FIELDS.join(', ');

/** The largest page of instruments one call returns (the Data API refuses responses over 1 MiB). */
export const MAX_PAGE = 100;

/** The {@link ConflictError} constraint of a hand classification refused because others hold the symbol. */
export const SHARED_PLACEHOLDER = 'shared_placeholder';

/** How long a symbol the tagger could not classify waits before it is sent again. */
export const TAG_RETRY_COOLING_OFF_HOURS = 24;

/**
 * Which instruments a user sees: classified ones, and placeholders they hold. A placeholder made
 * by someone else stays private until the tagger classifies it, and one classified by hand stays
 * private for good, so nobody can fill everyone's autocomplete with symbols of their choosing.
 */
const VISIBLE_TO = `((i.allocation_asset_class IS NOT NULL AND i.classified_by IS NULL) OR EXISTS (
  SELECT 1 FROM positions p JOIN accounts a ON a.id = p.account_id
  WHERE p.symbol = i.symbol AND a.clerk_user_id = :viewer))`;

/** One page of instruments and the cursor of the next (null on the last page). */
export interface InstrumentPage {
  items: Instrument[];
  next: string | null;
}

const UPSERT = `INSERT INTO instruments (symbol, name, instrument_type, current_price, price_as_of,
    allocation_regions, allocation_sectors, allocation_asset_class)
  VALUES (:symbol, :name, :instrument_type, :current_price, :price_as_of, :regions, :sectors, :asset_class)
  ON CONFLICT (symbol) DO UPDATE SET
    name = EXCLUDED.name,
    instrument_type = EXCLUDED.instrument_type,
    current_price = EXCLUDED.current_price,
    price_as_of = EXCLUDED.price_as_of,
    allocation_regions = EXCLUDED.allocation_regions,
    allocation_sectors = EXCLUDED.allocation_sectors,
    allocation_asset_class = EXCLUDED.allocation_asset_class`;

function upsertParams(instrument: ReturnType<typeof InstrumentCreate.parse>) {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    instrument_type: instrument.instrument_type,
    current_price: sql.decimal(instrument.current_price),
    // Null: the trigger of migration 006 dates the price today.
    price_as_of: sql.date(instrument.price_as_of ?? null),
    regions: sql.json(instrument.allocation_regions),
    sectors: sql.json(instrument.allocation_sectors),
    asset_class: sql.json(instrument.allocation_asset_class),
  };
}

/** Instruments: shared reference data (prices and allocations), keyed by symbol. */
export function instrumentsRepository(db: Executor) {
  return {
    /** Every instrument (seed checks and scripts; the API pages with {@link page} instead). */
    async list(): Promise<Instrument[]> {
      return parseRows(
        Instrument,
        await db.query(`SELECT ${INSTRUMENT_COLUMNS} FROM instruments ORDER BY symbol`),
      );
    },

    async get(symbol: string): Promise<Instrument | null> {
      const [row] = await db.query(`SELECT ${INSTRUMENT_COLUMNS} FROM instruments WHERE symbol = :symbol`, {
        symbol: validate(TickerSymbol, symbol, 'symbol'),
      });
      return row ? Instrument.parse(row) : null;
    },

    /**
     * Symbols or names matching `query` (case-insensitive), symbol matches first: for autocomplete.
     * Only what `viewer` may see: classified instruments, and placeholders `viewer` holds.
     */
    async search(query: string, limit = 10, viewer?: string): Promise<Instrument[]> {
      const text = query.trim().slice(0, 50);
      const rows = await db.query(
        `SELECT ${INSTRUMENT_COLUMNS} FROM instruments i
         WHERE (symbol ILIKE :prefix ESCAPE '\\' OR name ILIKE :contains ESCAPE '\\') AND ${VISIBLE_TO}
         ORDER BY (symbol ILIKE :prefix ESCAPE '\\') DESC, symbol
         LIMIT :limit`,
        {
          prefix: `${escapeLike(text.toUpperCase())}%`,
          contains: `%${escapeLike(text)}%`,
          limit: clamp(limit, 1, MAX_PAGE),
          viewer: viewer ?? null,
        },
      );
      return parseRows(Instrument, rows);
    },

    /**
     * One page of the instruments `viewer` may see, in symbol order, after the symbol `after`;
     * `next` is the cursor for the following page, or null on the last one. Never the whole table.
     */
    async page(options: { viewer?: string; limit?: number; after?: string }): Promise<InstrumentPage> {
      const limit = clamp(options.limit ?? 50, 1, MAX_PAGE);
      const rows = await db.query(
        `SELECT ${INSTRUMENT_COLUMNS} FROM instruments i
         WHERE (:after::text IS NULL OR symbol > :after) AND ${VISIBLE_TO}
         ORDER BY symbol
         LIMIT :limit`,
        { after: options.after ?? null, limit: limit + 1, viewer: options.viewer ?? null },
      );
      const items = parseRows(Instrument, rows);
      const more = items.length > limit;
      if (more) items.pop();
      return { items, next: more ? (items.at(-1)?.symbol ?? null) : null };
    },

    /** Inserts or replaces a fully classified instrument (seed data, the tagger). */
    async upsert(input: InstrumentCreate): Promise<Instrument> {
      const instrument = validate(InstrumentCreate, input);
      const [row] = await db.query(`${UPSERT} RETURNING ${INSTRUMENT_COLUMNS}`, upsertParams(instrument));
      return Instrument.parse(row);
    },

    /** Upserts many in one transaction with `BatchExecuteStatement`; every row is validated first. */
    async upsertMany(inputs: readonly InstrumentCreate[]): Promise<number> {
      const instruments = inputs.map((input, i) => validate(InstrumentCreate, input, `[${i}]`));
      if (instruments.length === 0) return 0;
      await db.transaction((tx) => tx.batch(UPSERT, instruments.map(upsertParams)));
      return instruments.length;
    },

    /**
     * Makes sure each symbol exists, adding unknown ones as unclassified placeholders for the
     * tagger. Returns the symbols that were new.
     */
    async ensurePlaceholders(
      inputs: readonly InstrumentPlaceholder[],
      options: { userAdded: boolean },
    ): Promise<string[]> {
      const placeholders = inputs.map((input, i) => validate(InstrumentPlaceholder, input, `[${i}]`));
      if (placeholders.length === 0) return [];
      const rows = await db.query<{ symbol: string }>(
        `INSERT INTO instruments (symbol, name, instrument_type, is_user_added)
         SELECT p->>'symbol', COALESCE(p->>'name', p->>'symbol'), p->>'instrument_type', :user_added
         FROM jsonb_array_elements(:placeholders::jsonb) AS p
         ON CONFLICT (symbol) DO NOTHING
         RETURNING symbol`,
        { placeholders: sql.json(placeholders), user_added: options.userAdded },
      );
      return rows.map((r) => r.symbol).sort();
    },

    /** Instruments still missing a price or any allocation, optionally among `symbols` only. */
    async listUnclassified(symbols?: readonly string[]): Promise<Instrument[]> {
      const rows = await db.query(
        `SELECT ${INSTRUMENT_COLUMNS} FROM instruments
         WHERE (allocation_asset_class IS NULL OR allocation_regions IS NULL OR allocation_sectors IS NULL
                OR current_price IS NULL)
           AND (:symbols::jsonb IS NULL OR symbol IN (SELECT jsonb_array_elements_text(:symbols::jsonb)))
         ORDER BY symbol`,
        { symbols: sql.json(symbols ?? null) },
      );
      return parseRows(Instrument, rows);
    },

    /** Of `symbols`, those the tagger failed on within the cooling-off period: not to be sent again yet. */
    async coolingOff(symbols: readonly string[]): Promise<string[]> {
      if (symbols.length === 0) return [];
      const rows = await db.query<{ symbol: string }>(
        `SELECT symbol FROM instruments
         WHERE symbol IN (SELECT jsonb_array_elements_text(:symbols::jsonb))
           AND tag_failed_at > now() - :hours * interval '1 hour'
         ORDER BY symbol`,
        { symbols: sql.json(symbols), hours: TAG_RETRY_COOLING_OFF_HOURS },
      );
      return rows.map((r) => r.symbol);
    },

    /** Records that the tagger could not classify `symbols`, starting their cooling-off period. */
    async markTagFailed(symbols: readonly string[]): Promise<void> {
      if (symbols.length === 0) return;
      await db.execute(
        `UPDATE instruments SET tag_failed_at = now()
         WHERE symbol IN (SELECT jsonb_array_elements_text(:symbols::jsonb))`,
        { symbols: sql.json(symbols) },
      );
    },

    /**
     * Prices and classifies by hand a placeholder `clerkUserId` created (100% in one asset class,
     * region and sector), ending its "not found" state. Any other symbol, or one somebody else also
     * holds (they would see these figures), is refused as not found / conflicting.
     */
    async classifyByHand(clerkUserId: string, input: InstrumentByHand): Promise<Instrument> {
      const entry = validate(InstrumentByHandSchema, input);
      return db.transaction(async (tx) => {
        const [own] = await tx.query<{ symbol: string }>(
          `SELECT symbol FROM instruments
           WHERE symbol = :symbol AND is_user_added AND created_by = :user FOR UPDATE`,
          { symbol: entry.symbol, user: clerkUserId },
        );
        if (!own) throw new NotFoundError('instrument', entry.symbol);
        const [shared] = await tx.query(
          `SELECT 1 AS shared FROM positions p JOIN accounts a ON a.id = p.account_id
           WHERE p.symbol = :symbol AND a.clerk_user_id <> :user LIMIT 1`,
          { symbol: entry.symbol, user: clerkUserId },
        );
        if (shared) {
          throw new ConflictError(
            `Other people hold ${entry.symbol} too, so it cannot be classified by hand; Alex keeps looking it up`,
            SHARED_PLACEHOLDER,
          );
        }
        const [row] = await tx.query(
          `UPDATE instruments SET
             name = COALESCE(:name, name),
             instrument_type = COALESCE(:type, instrument_type),
             current_price = :price,
             allocation_asset_class = :asset_class,
             allocation_regions = :regions,
             allocation_sectors = :sectors,
             tag_failed_at = NULL,
             classified_by = :user
           WHERE symbol = :symbol
           RETURNING ${INSTRUMENT_COLUMNS}`,
          {
            symbol: entry.symbol,
            user: clerkUserId,
            name: entry.name ?? null,
            type: entry.instrument_type ?? null,
            price: sql.decimal(entry.current_price),
            asset_class: sql.json({ [entry.asset_class]: 100 }),
            regions: sql.json({ [entry.region]: 100 }),
            sectors: sql.json({ [entry.sector]: 100 }),
          },
        );
        return Instrument.parse(row);
      });
    },

    async count(): Promise<number> {
      const [row] = await db.query<{ count: number }>('SELECT COUNT(*) AS count FROM instruments');
      return row?.count ?? 0;
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

export type InstrumentsRepository = ReturnType<typeof instrumentsRepository>;
