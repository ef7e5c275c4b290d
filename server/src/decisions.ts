// Editors' decisions on claims (verified / ignored / needs a source), stored per article and anchored with W3C Web Annotation
// selectors so they find their text again after the article is edited.
import { isCalendarDate } from './timex';
import type { Span } from './types';

/** `needs-source` confirms the problem: it stays listed, marked as the editor's, until a source is added. */
export type ClaimStatus = 'verified' | 'ignored' | 'needs-source';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['verified', 'ignored', 'needs-source'];

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

export interface ClaimDecision {
  kind: 'claim-status';
  status: ClaimStatus;
  author: string;
  created: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface DecisionFile {
  version: 1;
  article: string;
  annotations: ClaimDecision[];
  /** The article's date as an editor set it: it resolves "Friday" and "last month" when the text states none. */
  articleDate?: ArticleDateDecision;
}

export interface ArticleDateDecision {
  /** YYYY-MM-DD. */
  date: string;
  author: string;
  created: string;
}

export type ParseResult = { ok: true; file: DecisionFile } | { ok: false; reason: string };

const CONTEXT = 32;

export function emptyDecisionFile(article: string): DecisionFile {
  return { version: 1, article, annotations: [] };
}

export function parseDecisionFile(content: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const file = data as Partial<DecisionFile>;
  if (typeof file !== 'object' || file === null || file.version !== 1 || !Array.isArray(file.annotations)) {
    return { ok: false, reason: 'not a News Annotator annotation file (expected {"version": 1, "annotations": [...]})' };
  }
  const bad = file.annotations.findIndex((a) => !isDecision(a));
  if (bad >= 0) return { ok: false, reason: `annotation ${bad + 1} is malformed` };
  if (file.articleDate !== undefined && !isArticleDate(file.articleDate)) return { ok: false, reason: 'articleDate is malformed (expected {"date": "YYYY-MM-DD", ...})' };
  const parsed: DecisionFile = { version: 1, article: String(file.article ?? ''), annotations: file.annotations };
  if (file.articleDate) parsed.articleDate = file.articleDate;
  return { ok: true, file: parsed };
}

function isArticleDate(a: unknown): a is ArticleDateDecision {
  const d = a as ArticleDateDecision;
  return typeof d === 'object' && d !== null && isCalendarDate(d.date) && typeof d.author === 'string' && typeof d.created === 'string';
}

/** Records the article's date as an editor gives it, or removes it (`date` null). */
export function setArticleDate(file: DecisionFile, date: string | null, author: string, now: Date): DecisionFile {
  const { articleDate: _previous, ...rest } = file;
  return date === null ? rest : { ...rest, articleDate: { date, author, created: now.toISOString() } };
}

function isDecision(a: unknown): a is ClaimDecision {
  const d = a as ClaimDecision;
  return (
    typeof d === 'object' && d !== null && d.kind === 'claim-status' && CLAIM_STATUSES.includes(d.status) &&
    Array.isArray(d.selector) && typeof d.selector[0]?.exact === 'string' && typeof d.selector[1]?.start === 'number'
  );
}

/** Stable, diff-friendly text: two-space JSON, one annotation after another in document order. */
export function serializeDecisionFile(file: DecisionFile): string {
  const annotations = [...file.annotations].sort((a, b) => a.selector[1].start - b.selector[1].start);
  return `${JSON.stringify({ ...file, annotations }, null, 2)}\n`;
}

export function selectorsFor(text: string, span: Span): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start), suffix: text.slice(span.end, span.end + CONTEXT) },
    { type: 'TextPositionSelector', start: span.start, end: span.end },
  ];
}

/**
 * Where a decision's text is now: at its recorded position if unchanged, else the occurrence of the exact text whose
 * context matches best (nearest on a tie), else null (the decision is kept but reported as orphaned).
 */
export function anchor(text: string, decision: ClaimDecision): Span | null {
  const [quote, position] = decision.selector;
  if (quote.exact === '') return null;
  if (text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end };
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefixLength(text.slice(at + quote.exact.length, at + quote.exact.length + quote.suffix.length), quote.suffix) -
      Math.abs(at - position.start) / 1e6;
    if (!best || score > best.score) best = { start: at, score };
  }
  return best && { start: best.start, end: best.start + quote.exact.length };
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

/** Records a status for the claim at `span`, replacing an earlier decision on the same text. */
export function setClaimStatus(file: DecisionFile, text: string, span: Span, status: ClaimStatus, author: string, now: Date): DecisionFile {
  const kept = file.annotations.filter((d) => {
    const at = anchor(text, d);
    return !(at && at.start === span.start && at.end === span.end);
  });
  const decision: ClaimDecision = { kind: 'claim-status', status, author, created: now.toISOString(), selector: selectorsFor(text, span) };
  return { ...file, annotations: [...kept, decision] };
}
