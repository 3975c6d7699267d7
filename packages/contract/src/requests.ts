import { z } from 'zod';
import { RetirementPlanFields } from './plan.ts';
import {
  ClerkUserId,
  decimalString,
  freeText,
  IsoDate,
  MAX_TEXT,
  nameText,
  TickerSymbol,
  Uuid,
} from './primitives.ts';
import { AssetClassTargets, RegionTargets } from './values.ts';

/** The largest page `GET /api/instruments` returns: it never sends the whole table. */
export const MAX_INSTRUMENT_PAGE = 100;

const accountFields = {
  account_name: nameText(255).describe('Name of the account, e.g. "401k" or "Roth IRA"'),
  account_purpose: freeText(MAX_TEXT).nullable().describe('What the account is for'),
  cash_balance: decimalString(12, 2, { min: 0 }).describe("Uninvested cash in today's US dollars"),
  cash_interest: decimalString(5, 4, { min: 0 }).describe(
    'Annual interest on cash as a fraction (0.045 = 4.5%)',
  ),
};

/** A new account; cash defaults to 0. (The API refuses unknown fields: see `endpoints`.) */
export const AccountCreate = z.object({
  account_name: accountFields.account_name,
  account_purpose: accountFields.account_purpose.optional(),
  cash_balance: accountFields.cash_balance.optional(),
  cash_interest: accountFields.cash_interest.optional(),
});
export type AccountCreate = z.input<typeof AccountCreate>;

/** A partial update of an account; at least one field. */
export const AccountUpdate = z
  .strictObject(accountFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type AccountUpdate = z.input<typeof AccountUpdate>;

/** A quantity of shares: DECIMAL(20,8), strictly positive (fractional shares allowed). */
export const Quantity = decimalString(20, 8)
  .refine((q) => Number(q) > 0, 'must be greater than 0')
  .describe('Number of shares (fractional allowed)');

/** What adding a symbol the account already holds does to its quantity. */
export const PositionMode = z
  .enum(['add', 'replace'])
  .describe(
    'When the account already holds the symbol: `add` this quantity to the one held (the default), or `replace` it',
  );
export type PositionMode = z.infer<typeof PositionMode>;

/**
 * A new position, or more of a symbol already held (one position per account and symbol): by
 * default the quantity is added to the one held; `mode: "replace"` sets it instead.
 */
export const PositionCreate = z.object({
  account_id: Uuid,
  symbol: TickerSymbol,
  quantity: Quantity,
  as_of_date: IsoDate.optional(),
  mode: PositionMode.default('add'),
});
export type PositionCreate = z.input<typeof PositionCreate>;

/** A change to a position's quantity or date. */
export const PositionUpdate = z
  .strictObject({ quantity: Quantity, as_of_date: IsoDate })
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'must change at least one field');
export type PositionUpdate = z.input<typeof PositionUpdate>;

/** The fields of a user's profile and goals, each optional in an update. */
export const UserPreferences = z.strictObject({
  display_name: nameText(255).nullable().describe("The user's display name"),
  years_until_retirement: z
    .number()
    .int()
    .min(0)
    .max(100)
    .describe('Years until the user retires; with birth_year known, setting it moves retirement_age'),
  target_retirement_income: decimalString(12, 2, { min: 0 }).describe(
    "Desired annual income in retirement, in today's US dollars",
  ),
  asset_class_targets: AssetClassTargets,
  region_targets: RegionTargets,
  ...RetirementPlanFields,
});

/** A partial update of a user's preferences; at least one field. */
export const UserUpdate = UserPreferences.partial().refine(
  (update) => Object.keys(update).length > 0,
  'must change at least one field',
);
export type UserUpdate = z.input<typeof UserUpdate>;

/** `POST /api/analyze`: an empty body or `{analysis_type: 'portfolio'}`. */
export const AnalyzeRequest = z
  .strictObject({ analysis_type: z.literal('portfolio').default('portfolio') })
  .optional()
  .transform((body) => body ?? { analysis_type: 'portfolio' as const });
export type AnalyzeRequest = z.input<typeof AnalyzeRequest>;

/** `GET /api/jobs`: how many of the latest jobs to list. */
export const JobsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('How many jobs, newest first'),
});

/** `GET /api/instruments`: a search for autocomplete; without `q`, every instrument. */
export const InstrumentQuery = z.strictObject({
  q: z.string().trim().max(50).optional().describe('Symbol or name to search for'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_INSTRUMENT_PAGE)
    .default(20)
    .describe('How many instruments at most (one page)'),
  cursor: TickerSymbol.optional().describe('The `next_cursor` of the previous page (listing only)'),
});

/** `POST /local/token` (local mode): the user to sign a token for. */
export const TokenRequest = z.strictObject({ user_id: ClerkUserId });
