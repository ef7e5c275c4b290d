// W3C Web Annotation selectors: how an annotation names its text so it finds it again after the article is edited.
import type { Span } from './types';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selectors = [TextQuoteSelector, TextPositionSelector];

/** Characters of context kept on each side of the quote: enough to tell repeated phrases apart. */
const CONTEXT = 32;
/** Matching context that tells one of several occurrences apart: more than the space on either side. */
const MIN_CONTEXT = 4;

export function selectorsFor(text: string, span: Span): Selectors {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start), suffix: text.slice(span.end, span.end + CONTEXT) },
    { type: 'TextPositionSelector', start: span.start, end: span.end },
  ];
}

export function isSelectors(value: unknown): value is Selectors {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [quote, position] = value as Partial<Selectors>;
  return (
    quote?.type === 'TextQuoteSelector' && typeof quote.exact === 'string' && typeof quote.prefix === 'string' && typeof quote.suffix === 'string' &&
    position?.type === 'TextPositionSelector' && Number.isInteger(position.start) && Number.isInteger(position.end) && position.start >= 0 && position.end >= position.start
  );
}

/**
 * Where the selected text is now: at its recorded position if unchanged, else the occurrence of the exact text whose
 * context matches best (nearest on a tie), else null (the annotation is kept, and reported as no longer anchored).
 * Of several occurrences none of whose context matches, none is taken: a correction of one "Orlov" must not move to
 * another after the paragraph around it was rewritten.
 */
export function anchor(text: string, [quote, position]: Selectors): Span | null {
  if (quote.exact === '') return null;
  if (text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end };
  let best: { start: number; context: number; score: number } | null = null;
  let occurrences = 0;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    occurrences++;
    const context =
      commonSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefixLength(text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length), quote.suffix);
    const score = context - Math.abs(at - position.start) / 1e6;
    if (!best || score > best.score) best = { start: at, context, score };
  }
  if (!best || (occurrences > 1 && best.context < MIN_CONTEXT && quote.prefix.length + quote.suffix.length >= MIN_CONTEXT)) return null;
  return { start: best.start, end: best.start + quote.exact.length };
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
