/**
 * Grounding: the model writes prose, the code owns the numbers. Every money amount and percentage an
 * answer states is read back out of its text and compared with the figures code computed for the run;
 * a figure that matches none of them (within the precision it was written with) makes the answer
 * unusable. Years, ages, counts and ticker symbols carry no `$` or `%`, so they are never read.
 */

/** One money amount or percentage as the answer wrote it. */
export interface StatedFigure {
  /** The text as written, e.g. "$1.2M" or "45.3 %". */
  text: string;
  kind: 'money' | 'percent';
  /** The value it states (dollars, or percentage points), unsigned. */
  value: number;
  /** How far from `value` a computed figure may lie and still be the one meant (rounding, truncation). */
  below: number;
  above: number;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const SCALE = String.raw`(?:\s?(thousand|million|billion|k|mm|mn|m|bn|b)\b)?`;
// "$1,234.56", "US$ 1.2M", "$1.2 million"; the number must follow the sign (so "$VTI" is no figure).
const DOLLAR_FIRST = new RegExp(String.raw`(?:US)?\$\s?${NUMBER}${SCALE}`, 'gi');
// "1,234 dollars", "1.2 million USD", and a bare "1.2 million" (counts are never written that way here).
const DOLLAR_AFTER = new RegExp(
  String.raw`(?<![\w$.,])${NUMBER}(?:\s?(thousand|million|billion|k|m|bn|b))?\s?(dollars|usd)\b|(?<![\w$.,])${NUMBER}\s(million|billion)\b`,
  'gi',
);
// "45%", "45.3 %", "45 percent"; not "A1%" or "v2%" (part of a name).
const PERCENT = new RegExp(String.raw`(?<![\w.,])${NUMBER}\s?(?:%|percent\b|per cent\b)`, 'gi');

/** The value of a written number and the size of its last significant digit. */
function parseNumber(whole: string, fraction: string | undefined, scale: number, kind: StatedFigure['kind']) {
  const digits = whole.replaceAll(',', '');
  const value = Number(`${digits}${fraction === undefined ? '' : `.${fraction}`}`) * scale;
  if (fraction !== undefined) {
    const unit = 10 ** -fraction.length * scale;
    return { value, below: unit / 2, above: unit };
  }
  // "$194,000" is a rounded figure: its trailing zeros are not significant. A percentage such as
  // "100%" or "50%" is read as exact to the point, so "100% success" cannot pass for 84.3%.
  const zeros = kind === 'money' && Number(digits) !== 0 ? (/0*$/.exec(digits)?.[0].length ?? 0) : 0;
  const unit = 10 ** zeros * scale;
  return zeros > 0 ? { value, below: unit / 2, above: unit / 2 } : { value, below: unit / 2, above: unit };
}

const scaleOf = (word: string | undefined): number =>
  word === undefined ? 1 : (SCALES[word.toLowerCase()] ?? 1);

/** Every money amount and percentage stated in `text`, in order of appearance. */
export function statedFigures(text: string): StatedFigure[] {
  const found: { at: number; end: number; figure: StatedFigure }[] = [];
  const add = (
    match: RegExpMatchArray,
    kind: StatedFigure['kind'],
    whole?: string,
    fraction?: string,
    scale = 1,
  ) => {
    const at = match.index ?? 0;
    const end = at + match[0].length;
    // "$ 1.2 million" is one figure, though two patterns read it.
    if (whole === undefined || found.some((f) => at < f.end && end > f.at)) return;
    const figure = { text: match[0].trim(), kind, ...parseNumber(whole, fraction, scale, kind) };
    found.push({ at, end, figure });
  };
  for (const m of text.matchAll(DOLLAR_FIRST)) add(m, 'money', m[1], m[2], scaleOf(m[3]));
  for (const m of text.matchAll(DOLLAR_AFTER)) {
    if (m[1] !== undefined) add(m, 'money', m[1], m[2], scaleOf(m[3]));
    else add(m, 'money', m[5], m[6], scaleOf(m[7]));
  }
  for (const m of text.matchAll(PERCENT)) add(m, 'percent', m[1], m[2]);
  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

const NUMBER_IN_TEXT = /\d[\d,]*(?:\.\d+)?/g;

/**
 * Every number in the computed facts (walked through objects, arrays and the numbers inside strings,
 * such as a market insight's), unsigned: the figures an answer may state.
 */
export function factNumbers(facts: unknown): number[] {
  const out = new Set<number>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12) return;
    if (typeof value === 'number' && Number.isFinite(value)) out.add(Math.abs(value));
    else if (typeof value === 'string') {
      for (const m of value.matchAll(NUMBER_IN_TEXT)) {
        const n = Number(m[0].replaceAll(',', ''));
        if (Number.isFinite(n)) out.add(n);
      }
    } else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (value !== null && typeof value === 'object')
      for (const item of Object.values(value)) walk(item, depth + 1);
  };
  walk(facts, 0);
  return [...out];
}

const EPSILON = 1e-9;

/** Whether `figure` is one of `facts` as written (a percentage may also be a fraction times 100). */
export function matchesFact(figure: StatedFigure, facts: readonly number[]): boolean {
  const near = (fact: number) =>
    fact >= figure.value - figure.below - EPSILON && fact <= figure.value + figure.above + EPSILON;
  return facts.some((fact) => near(fact) || (figure.kind === 'percent' && fact <= 1 && near(fact * 100)));
}

/** The figures in `texts` that match none of the computed facts (empty when the answer is grounded). */
export function ungroundedFigures(texts: readonly string[], facts: unknown): StatedFigure[] {
  const numbers = factNumbers(facts);
  return texts.flatMap((text) => statedFigures(text)).filter((figure) => !matchesFact(figure, numbers));
}

/** The re-ask's explanation of why an answer with ungrounded figures was rejected. */
export function groundingIssue(figures: readonly StatedFigure[]): string | undefined {
  if (figures.length === 0) return undefined;
  const shown = [...new Set(figures.map((f) => f.text))].slice(0, 8).join(', ');
  return `it states figures that are not in the tool results: ${shown}. Use only the numbers the tools returned, exactly as they appear (rounded at most), and state no others`;
}
