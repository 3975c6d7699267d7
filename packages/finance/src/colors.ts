import { fnv1a } from './hash.ts';

/**
 * Stable chart colours. Every known key has its own fixed colour, so a key looks the same in every
 * chart and every run (real_estate and commodities are both an asset class and a sector, and share
 * one colour); keys within one enum never share a colour. Any other name (a symbol, an account)
 * is hashed into {@link HASH_PALETTE}: stable, though two names may collide.
 */
const KEY_COLORS: Readonly<Record<string, string>> = {
  // asset classes
  equity: '#3B82F6',
  fixed_income: '#10B981',
  real_estate: '#F59E0B',
  commodities: '#EAB308',
  cash: '#94A3B8',
  alternatives: '#8B5CF6',
  // regions
  north_america: '#2563EB',
  europe: '#0EA5E9',
  asia: '#EF4444',
  latin_america: '#22C55E',
  africa: '#D97706',
  middle_east: '#A855F7',
  oceania: '#14B8A6',
  global: '#6366F1',
  international: '#EC4899',
  // sectors (real_estate and commodities above)
  technology: '#6366F1',
  healthcare: '#EF4444',
  financials: '#0EA5E9',
  consumer_discretionary: '#F97316',
  consumer_staples: '#84CC16',
  industrials: '#64748B',
  energy: '#DC2626',
  materials: '#A16207',
  utilities: '#06B6D4',
  communication: '#D946EF',
  treasury: '#059669',
  corporate: '#0D9488',
  mortgage: '#4F46E5',
  government_related: '#15803D',
  diversified: '#7C3AED',
  // buckets of our own
  other: '#D1D5DB',
  unclassified: '#4B5563',
};

/** Colours for names without a fixed colour, chosen by hash. */
export const HASH_PALETTE: readonly string[] = [
  '#3B82F6',
  '#10B981',
  '#F59E0B',
  '#EF4444',
  '#8B5CF6',
  '#EC4899',
  '#14B8A6',
  '#F97316',
  '#6366F1',
  '#84CC16',
  '#06B6D4',
  '#D946EF',
  '#0EA5E9',
  '#22C55E',
  '#A855F7',
  '#EAB308',
];

/** The colour for a key: its fixed colour when known, otherwise a hash into the palette. */
export function colorFor(key: string): string {
  return KEY_COLORS[key] ?? HASH_PALETTE[fnv1a(key) % HASH_PALETTE.length] ?? '#9CA3AF';
}
