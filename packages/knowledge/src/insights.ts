import { type Logger, silentLogger } from '@alex/core';
import type { KnowledgeHit, KnowledgeStore } from './ports.ts';

/** Most insights handed to the reporter, as in the original `get_market_insights` (top 3). */
export const MAX_INSIGHTS = 3;

/** Most symbols put into one query; a long portfolio's tail adds noise, not recall. */
const MAX_QUERY_SYMBOLS = 12;

/** What the query asks about when the caller names no symbols and no topic. */
const DEFAULT_TOPIC = 'diversified portfolio allocation and market risks';

/** One research passage as the reporter's model sees it. */
export interface MarketInsight {
  title: string;
  source: string;
  text: string;
  /** Similarity to the query, 0–1, three decimals. */
  score: number;
}

/** The result of `get_market_insights`: passages, or why there are none this time. */
export type MarketInsights =
  | { available: true; query: string; insights: MarketInsight[] }
  | { available: false; reason: string };

/** Optional focus and plumbing for {@link marketInsights}. */
export interface MarketInsightsOptions {
  /** Narrows the query, e.g. "interest rates and bond duration". */
  topic?: string;
  /** How many insights, 1–3 (default 3). */
  k?: number;
  logger?: Logger;
}

/** The query text for `symbols` and an optional topic. */
export function insightsQuery(symbols: readonly string[], topic?: string): string {
  const about = cleanSymbols(symbols).join(', ');
  const focus = topic?.trim() || (about === '' ? DEFAULT_TOPIC : 'market outlook and risks');
  return about === '' ? focus : `${focus} for ${about}`;
}

/**
 * What stands behind the reporter's `get_market_insights` tool: up to three research passages
 * relevant to the portfolio's symbols, one per document. Never throws: when the store or the
 * embedder fails, the report is written without insights, so this answers
 * `{ available: false, reason }` and logs a warning.
 */
export async function marketInsights(
  store: KnowledgeStore,
  symbols: readonly string[],
  options: MarketInsightsOptions = {},
): Promise<MarketInsights> {
  const logger = options.logger ?? silentLogger;
  const k = Math.min(MAX_INSIGHTS, Math.max(1, Math.trunc(options.k ?? MAX_INSIGHTS)));
  const tickers = cleanSymbols(symbols);
  const query = insightsQuery(tickers, options.topic);
  try {
    // Notes tagged with the portfolio's own symbols first; then, if they are too few, the nearest
    // notes of any kind. Extra hits are asked for because several chunks of one note may be nearest.
    const tagged = tickers.length > 0 ? await store.query(query, k * 2, { symbols: tickers }) : [];
    const hits =
      uniqueByTitle(tagged).length >= k ? tagged : [...tagged, ...(await store.query(query, k * 2))];
    const insights = uniqueByTitle(hits)
      .slice(0, k)
      .map((hit) => ({
        title: hit.title,
        source: hit.source,
        text: hit.text,
        score: Math.round(hit.score * 1000) / 1000,
      }));
    return { available: true, query, insights };
  } catch (err: unknown) {
    const name = err instanceof Error ? err.name : 'UnknownError';
    logger.warn('market insights unavailable', { query, error: err });
    return { available: false, reason: `market research search failed (${name})` };
  }
}

/** Upper-cased, trimmed, de-duplicated symbols, at most {@link MAX_QUERY_SYMBOLS}. */
function cleanSymbols(symbols: readonly string[]): string[] {
  const unique = new Set(symbols.map((s) => s.trim().toUpperCase()).filter((s) => s !== ''));
  return [...unique].slice(0, MAX_QUERY_SYMBOLS);
}

/** The best hit of each note, in order. */
function uniqueByTitle(hits: readonly KnowledgeHit[]): KnowledgeHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.title) && seen.add(hit.title));
}
