import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { InstrumentByHand } from './instrument-by-hand.ts';
import { ROUTES } from './plain.ts';
import { PortfolioView } from './portfolio.ts';
import { portfolioFileEndpoints } from './portfolio-files.ts';
import {
  AccountCreate,
  AccountUpdate,
  AnalyzeRequest,
  InstrumentQuery,
  JobsQuery,
  PositionCreate,
  PositionUpdate,
  UserUpdate,
} from './requests.ts';
import {
  Account,
  AnalysisStarted,
  Deleted,
  Instrument,
  InstrumentPage,
  Job,
  Position,
  Report,
  Retirement,
  User,
  ValuedPosition,
} from './responses.ts';

/** Every operation of the Alex API. The API's routes and the SPA's client are both built on these. */
export const endpoints = {
  health: endpoint({
    ...ROUTES.health,
    auth: 'public',
    summary: 'Liveness check',
    status: 200,
    response: z.strictObject({ status: z.literal('ok') }),
  }),
  getUser: endpoint({
    ...ROUTES.getUser,
    auth: 'user',
    summary: "The signed-in user's profile and goals (created on first sight)",
    status: 200,
    response: User,
  }),
  updateUser: endpoint({
    ...ROUTES.updateUser,
    auth: 'user',
    summary: "Changes the user's profile and goals",
    body: UserUpdate,
    status: 200,
    response: User,
  }),
  listAccounts: endpoint({
    ...ROUTES.listAccounts,
    auth: 'user',
    summary: "The user's accounts",
    status: 200,
    response: z.array(Account),
  }),
  createAccount: endpoint({
    ...ROUTES.createAccount,
    auth: 'user',
    summary: 'Opens an account',
    body: AccountCreate.strict(),
    status: 201,
    response: Account,
  }),
  getAccount: endpoint({
    ...ROUTES.getAccount,
    auth: 'user',
    summary: 'One account',
    status: 200,
    response: Account,
  }),
  updateAccount: endpoint({
    ...ROUTES.updateAccount,
    auth: 'user',
    summary: 'Changes an account',
    body: AccountUpdate,
    status: 200,
    response: Account,
  }),
  deleteAccount: endpoint({
    ...ROUTES.deleteAccount,
    auth: 'user',
    summary: 'Deletes an account and its positions',
    status: 200,
    response: Deleted,
  }),
  listAccountPositions: endpoint({
    ...ROUTES.listAccountPositions,
    auth: 'user',
    summary: 'The positions in one account, with instruments and values',
    status: 200,
    response: z.array(ValuedPosition),
  }),
  createPosition: endpoint({
    ...ROUTES.createPosition,
    auth: 'user',
    summary:
      'Adds a position; for a symbol the account already holds, adds this quantity to it (`mode: "replace"` sets it instead)',
    body: PositionCreate.strict(),
    status: 201,
    response: Position,
  }),
  updatePosition: endpoint({
    ...ROUTES.updatePosition,
    auth: 'user',
    summary: "Changes a position's quantity or date",
    body: PositionUpdate,
    status: 200,
    response: Position,
  }),
  deletePosition: endpoint({
    ...ROUTES.deletePosition,
    auth: 'user',
    summary: 'Deletes a position',
    status: 200,
    response: Deleted,
  }),
  searchInstruments: endpoint({
    ...ROUTES.searchInstruments,
    auth: 'user',
    summary:
      'Instruments the caller may see: with `q`, matches for autocomplete; without, one page in symbol order',
    query: InstrumentQuery,
    status: 200,
    response: InstrumentPage,
  }),
  classifyInstrument: endpoint({
    ...ROUTES.classifyInstrument,
    auth: 'user',
    summary:
      'Prices and classifies by hand a symbol the caller added that Alex could not look up (404 for any other symbol)',
    body: InstrumentByHand,
    status: 200,
    response: Instrument,
  }),
  getPortfolio: endpoint({
    ...ROUTES.getPortfolio,
    auth: 'user',
    summary: 'The dashboard: accounts, valued positions, totals, allocations, drift and charts',
    status: 200,
    response: PortfolioView,
  }),
  startAnalysis: endpoint({
    ...ROUTES.startAnalysis,
    auth: 'user',
    summary: 'Queues an analysis of the portfolio',
    body: AnalyzeRequest,
    status: 202,
    response: AnalysisStarted,
  }),
  listJobs: endpoint({
    ...ROUTES.listJobs,
    auth: 'user',
    summary: "The user's latest analyses, newest first",
    query: JobsQuery,
    status: 200,
    response: z.array(Job),
  }),
  getJob: endpoint({
    ...ROUTES.getJob,
    auth: 'user',
    summary: 'One analysis: status and per-agent progress',
    status: 200,
    response: Job,
  }),
  getReport: endpoint({
    ...ROUTES.getReport,
    auth: 'user',
    summary: "An analysis's report and charts",
    status: 200,
    response: Report,
  }),
  getRetirement: endpoint({
    ...ROUTES.getRetirement,
    auth: 'user',
    summary: "An analysis's retirement projection",
    status: 200,
    response: Retirement,
  }),
  clerkWebhook: endpoint({
    ...ROUTES.clerkWebhook,
    auth: 'public',
    summary: "Clerk's user sync; the Svix signature over the raw body authenticates it",
    body: z.looseObject({ type: z.string(), data: z.looseObject({}) }),
    status: 200,
    response: z.strictObject({
      received: z.literal(true),
      outcome: z.enum(['user_upserted', 'user_deleted', 'ignored', 'duplicate']),
    }),
  }),
  ...portfolioFileEndpoints,
};
