// Stage 1: decoding, sentences and tokens. Every span indexes the decoded text (UTF-16 code units).
import type { Lru } from './lru';
import type { Sentence, Span, TextSpan, Token } from './types';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Longer lines are no paragraph an editor reads (a data dump, a paste without line breaks); analysis slows with line
 * length, and one such line would stall the server for every other file.
 */
export const MAX_LINE_LENGTH = 50_000;

/** Why a text is not analyzed for its line lengths, or null when every line is within the limit. */
export function overLongLine(text: string, maxLine = MAX_LINE_LENGTH): string | null {
  if (text.length <= maxLine) return null; // every article read is checked, and nearly all are shorter than one line may be
  let longest = 0;
  for (const line of lines(text)) longest = Math.max(longest, line.end - line.start);
  return longest > maxLine ? `a line of ${longest} characters, over the ${maxLine}-character limit for one paragraph` : null;
}

/** Why a file of `bytes` is not analyzed under a limit of `maxBytes`. */
export function overSizeLimit(bytes: number, maxBytes: number): string {
  return `file is ${bytes} bytes, over the ${maxBytes}-byte limit`;
}

/** Strict UTF-8 that drops a leading BOM; one decoder for every file, as a call without `stream` keeps no state. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes an article file: strict UTF-8, leading BOM removed, line endings kept. Refuses binary files and over-long lines. */
export function decodeArticle(bytes: Uint8Array, maxBytes = Infinity, maxLine = MAX_LINE_LENGTH): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, reason: overSizeLimit(bytes.length, maxBytes) };
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    const text = UTF8.decode(bytes);
    const longLine = overLongLine(text, maxLine);
    return longLine ? { ok: false, reason: longLine } : { ok: true, text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Index of the first of `spans` (in order and apart, so their ends rise too) that ends after `offset`; their count if none. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return firstWhere(spans.length, (i) => spans[i].end > offset);
}

/** Index of the first of `spans` (in order of their starts) that starts at or after `offset`; their count if none. */
export function firstStartingFrom(spans: readonly { start: number }[], offset: number): number {
  return firstWhere(spans.length, (i) => spans[i].start >= offset);
}

/** The first index below `count` where `holds` does, by bisection: it must hold from there on. */
function firstWhere(count: number, holds: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Whether two spans share at least one code unit (spans that only touch do not). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function slice(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/** The span `by` code units further on (or back), with its text: results remembered at offsets into a sentence or paragraph. */
export function shifted(span: TextSpan, by: number): TextSpan {
  return { start: span.start + by, end: span.end + by, text: span.text };
}

/** Narrows a span so it neither starts nor ends with white space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Lines of the text without their terminators (\n, \r\n or \r). */
export function lines(text: string): Span[] {
  const result: Span[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    result.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  result.push({ start, end: text.length });
  return result;
}

// Abbreviations whose period does not end a sentence, lower-cased and without the final period.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'rev', 'st', 'sr', 'jr',
  'pres', 'amb', 'adm', 'cmdr', 'supt', 'insp', 'hon', 'messrs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'no', 'nos', 'vol', 'approx', 'est', 'fig', 'vs', 'etc', 'al', 'ft', 'mt',
  'u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'e.g', 'i.e', 'u.s.a', 'd.c', 'n.y', 'l.a',
]);
// Abbreviations that also commonly end a sentence ("... in the U.S. The talks ..."): a boundary when a capital follows
// and the next word is a typical sentence opener.
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['u.s', 'u.n', 'u.k', 'e.u', 'a.m', 'p.m', 'etc', 'inc', 'corp', 'co', 'ltd', 'plc', 'd.c']);
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'there', 'but', 'and', 'in',
  'on', 'at', 'his', 'her', 'their', 'its', 'our', 'meanwhile', 'however', 'some', 'many', 'most', 'after', 'before',
]);

const TERMINATOR = /[.!?]+["'”’)\]]*|[…]["'”’)\]]*/g;

/**
 * A line's sentences at offsets into the line, remembered by the line's text: a keystroke re-splits only the line it
 * changed, and the other sentences keep their text strings, whose hashes the later stages' memos have worked out.
 */
export type SentenceMemo = Lru<string, readonly TextSpan[]>;

/** Splits text into sentences. Line breaks always end a sentence: articles put one paragraph (or headline) per line. */
export function splitSentences(text: string, memo?: SentenceMemo): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = -1;
  for (const line of lines(text)) {
    const lineText = text.slice(line.start, line.end);
    const inLine = memo ? memo.remember(lineText, () => lineSentences(lineText)) : lineSentences(lineText);
    // A line of white space only has no sentence, and is no paragraph.
    if (!inLine.length) continue;
    paragraph++;
    for (const { start, end, text: sentenceText } of inLine) {
      sentences.push({ start: line.start + start, end: line.start + end, text: sentenceText, paragraph });
    }
  }
  return sentences;
}

/** The sentences of one line's text; the splitting never reads past the line, so it depends on that text alone. */
function lineSentences(line: string): TextSpan[] {
  return splitLine(line, { start: 0, end: line.length }).map((span) => slice(line, span));
}

function splitLine(text: string, line: Span): Span[] {
  const spans: Span[] = [];
  let start = line.start;
  const lineText = text.slice(line.start, line.end);
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(lineText); m; m = TERMINATOR.exec(lineText)) {
    const end = line.start + m.index + m[0].length;
    const rest = text.slice(end, line.end);
    const next = /^\s+(["'“‘(\[]*)(\S+)/.exec(rest);
    if (!next) continue; // end of line handles the rest
    const nextWord = next[2];
    if (!/^[\p{Lu}\p{N}"“‘'(\[\p{Extended_Pictographic}]/u.test(next[1] + nextWord)) continue;
    if (m[0].startsWith('.') && !isSentenceEndingPeriod(text, line.start + m.index, nextWord)) continue;
    spans.push(trimSpan(text, { start, end }));
    start = end;
  }
  const last = trimSpan(text, { start, end: line.end });
  if (last.end > last.start) spans.push(last);
  return spans.filter((s) => s.end > s.start);
}

function isSentenceEndingPeriod(text: string, periodIndex: number, nextWord: string): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, periodIndex - 12), periodIndex));
  if (!before) return true;
  const word = before[1].toLowerCase().replace(/^\.+/, '');
  if (/^\p{L}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  if (!ABBREVIATIONS.has(word)) return true;
  if (!SENTENCE_FINAL_ABBREVIATIONS.has(word)) return false;
  return SENTENCE_OPENERS.has(nextWord.toLowerCase().replace(/[^\p{L}]/gu, ''));
}

// Words (with inner apostrophes, hyphens and periods for abbreviations like U.S.), numbers, and single other characters.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:[.'’\-][\p{L}\p{M}\p{N}]+)*\.?|\p{N}+(?:[.,:\/\-]\p{N}+)*%?|[^\s]/gu;

const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Whether a token is a word or a number: it starts with a letter or a digit. Most tokens start with an ASCII
 * character, told from its code without running the expression (which took some 80 ns a token).
 */
export function isWordToken(token: Token | undefined): boolean {
  if (!token) return false;
  const code = token.text.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_START.test(token.text);
}

/** Tokens of a span of the text; a trailing period stays on a token only for abbreviations ("U.S.", "Aug."). */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const segment = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(segment); m; m = TOKEN.exec(segment)) {
    let value = m[0];
    if (value.endsWith('.') && value.length > 1 && !isAbbreviationToken(value)) value = value.slice(0, -1);
    const start = span.start + m.index;
    // A possessive ending is a token of its own, so "Kerry's" yields the name "Kerry".
    const possessive = endsAsPossessive(value) ? /^(.*\p{L})(['’]s?)$/u.exec(value) : null;
    if (possessive) {
      const [, stem, ending] = possessive;
      tokens.push({ start, end: start + stem.length, text: stem });
      tokens.push({ start: start + stem.length, end: start + value.length, text: ending });
    } else {
      tokens.push({ start, end: start + value.length, text: value });
    }
    if (value.length < m[0].length) TOKEN.lastIndex = m.index + value.length;
  }
  return tokens;
}

/** The tokens of a sentence's text (offsets into that text). */
export type SentenceTokens = (sentenceText: string) => Token[];

/** Tokens by sentence text, kept from one analysis of an edited article to the next (see AnalysisMemo). */
export type TokenMemo = Lru<string, Token[]>;

/**
 * Tokens of sentence texts for one analysis: each text is tokenized once, however many stages read it (the entity
 * tagger and the claims stage read the same sentences). With `memo`, once over analyses: a keystroke tokenizes only
 * the sentences it changed.
 */
export function sentenceTokens(memo?: TokenMemo): SentenceTokens {
  if (memo) return (sentenceText) => memo.remember(sentenceText, () => tokenize(sentenceText));
  const tokensOf = new Map<string, Token[]>();
  return (sentenceText) => {
    let tokens = tokensOf.get(sentenceText);
    if (!tokens) tokensOf.set(sentenceText, (tokens = tokenize(sentenceText)));
    return tokens;
  };
}

/** Tokens of spans of one text. */
export type SpanTokens = (span: Span) => Token[];

/**
 * Tokens of spans of one text (offsets into it), each span tokenized once: the attribution rules, its tagger and the
 * stance rule read the same sentences. The arrays are shared, so no reader may change them. (sentenceTokens are at
 * offsets into each sentence's own text, as the entity tagger and the claims stage read it.) `sentenceTokens`: the
 * analysis's, whose tokens of a span's text are moved to the span rather than the span tokenized again (the entity
 * tagger has tokenized the article's sentences by then).
 */
export function spanTokens(text: string, sentenceTokens?: SentenceTokens): SpanTokens {
  const made = new Map<number, { end: number; tokens: Token[] }>();
  return (span) => {
    const known = made.get(span.start);
    if (known?.end === span.end) return known.tokens;
    const tokens = sentenceTokens ? movedTokens(sentenceTokens(text.slice(span.start, span.end)), span.start) : tokenize(text, span);
    if (!known) made.set(span.start, { end: span.end, tokens });
    return tokens;
  };
}

/** The tokens at offsets `by` further on: tokenizing a span's text alone gives its tokens, at offsets into the span. */
function movedTokens(tokens: readonly Token[], by: number): Token[] {
  const moved: Token[] = [];
  for (const { start, end, text } of tokens) moved.push({ start: start + by, end: end + by, text });
  return moved;
}

/** Whether the token ends in an apostrophe, or one and "s" (as /['’]s?$/ tests, without running a regular expression per token). */
function endsAsPossessive(value: string): boolean {
  const last = value.length - 1;
  const end = value.charCodeAt(last);
  return isApostrophe(end) || (end === 0x73 && last > 0 && isApostrophe(value.charCodeAt(last - 1)));
}

/** ' or ’ */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

function isAbbreviationToken(value: string): boolean {
  const bare = value.slice(0, -1).toLowerCase();
  if (bare === 'no' || bare === 'nos') return value[0] === 'N'; // "No. 5", but "said no."
  return ABBREVIATIONS.has(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare) || (/^\p{Lu}$/u.test(value[0]) && bare.length === 1);
}
