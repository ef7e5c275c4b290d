// Turns the tagger's roles into attributions: each source and content joins the nearest cue of its sentence (else of
// its paragraph); a paragraph of content with no cue of its own continues the previous paragraph's speaker.
import { mapped } from './arrays';
import { type TaggerModel, tagParagraph } from './attributionScorer';
import { type Role, type TaggedParagraph, roleSpans, taggedParagraph } from './attributionTagger';
import { CONTINUING_PARTICIPLES, groupByParagraph, paragraphKeys } from './cues';
import type { Lru } from './lru';
import { type SpanTokens, shifted, slice } from './text';
import type { Attribution, EntityMention, Sentence, Span, TextSpan } from './types';

/** How many paragraphs a speaker carries over to content that names no one (as for pronouns in sources.ts). */
const MAX_PARAGRAPHS_CARRIED = 3;

interface Piece { role: Role; span: Span; first: number; last: number; sentence: number }

type Speaker = Pick<Attribution, 'cue' | 'source'>;

/**
 * What the tagger finds in one paragraph, at offsets into the paragraph: its attributions, and the last speaker who
 * may carry on into the next paragraphs; or, in a paragraph with no cue, the contents a speaker before may have said.
 */
export type ParagraphRoles = { attributions: Attribution[]; speaker: Speaker | null } | { carried: TextSpan[] };

/**
 * Paragraph roles remembered by the paragraph's sentences (their text and place in it) and the entity mentions in it,
 * which are all the tagger reads: re-analysing an article after a keystroke re-tags only the paragraph that changed.
 * One memo serves one model.
 */
export type ParagraphMemo = Lru<string, ParagraphRoles>;

/**
 * `keys`: the paragraphs' `paragraphKeys`, when the caller has worked them out for a memo of its own; `tokensOf`: the
 * sentences' tokens, when the caller reads them too.
 */
export function taggedAttributions(
  model: TaggerModel,
  text: string,
  sentences: Sentence[],
  entities: readonly EntityMention[],
  memo?: ParagraphMemo,
  keys?: readonly string[],
  tokensOf?: SpanTokens,
): Attribution[] {
  const attributions: Attribution[] = [];
  let previous: Speaker | null = null;
  let previousParagraph = -1;
  const paragraphs = groupByParagraph(sentences);
  const keyOf = memo && (keys ?? paragraphKeys(text, paragraphs, entities));
  paragraphs.forEach((group, p) => {
    const at = group[0].start;
    const read = () => paragraphRoles(model, text, group, entities, tokensOf);
    const roles = memo && keyOf ? memo.remember(keyOf[p], read) : read();
    if ('carried' in roles) {
      // A quote carried on into the next paragraphs: the last speaker, unless too far back for a reader to follow.
      const speaker = p - previousParagraph <= MAX_PARAGRAPHS_CARRIED ? previous : null;
      if (!speaker || !roles.carried.length) return;
      for (const content of roles.carried) attributions.push({ ...speaker, content: shifted(content, at) });
      previousParagraph = p;
      return;
    }
    for (const { cue, source, content } of roles.attributions) {
      attributions.push({ cue: shifted(cue, at), source: source && shifted(source, at), content: shifted(content, at) });
    }
    if (roles.speaker) {
      previous = { cue: shifted(roles.speaker.cue, at), source: roles.speaker.source && shifted(roles.speaker.source, at) };
      previousParagraph = p;
    }
  });
  return attributions.filter((a) => a.content.end > a.content.start);
}

/** The tagger's roles in one paragraph (the sentences of a paragraph), at offsets into it. */
function paragraphRoles(
  model: TaggerModel, text: string, group: Sentence[], entities: readonly EntityMention[], tokensOf?: SpanTokens,
): ParagraphRoles {
  const paragraph = taggedParagraph(text, group, entities, tokensOf);
  const at = paragraph.span.start;
  const inParagraph = (span: Span): TextSpan => shifted(slice(text, span), -at);
  const tags = tagParagraph(model, paragraph);
  const pieces: Piece[] = mapped(roleSpans(tags), ({ role, first, last }) => ({
    role, first, last,
    span: { start: paragraph.tokens[first].start, end: paragraph.tokens[last].end },
    sentence: paragraph.sentenceOf[first],
  }));
  const cues = pieces.filter((piece) => piece.role === 'cue' && !isNameWord(paragraph, piece.first));
  if (!cues.length) {
    return { carried: pieces.filter((piece) => piece.role === 'content').map((content) => inParagraph(trimContent(text, content.span))) };
  }
  const sourceOf = new Map<Piece, Piece>();
  const sources = pieces.filter((piece) => piece.role === 'source');
  for (const source of sources) {
    const cue = nearest(cues, source);
    if (!sourceOf.has(cue) || distance(cue, source) < distance(cue, sourceOf.get(cue)!)) sourceOf.set(cue, source);
  }
  // A subject that a closer source kept from its cue is the subject of the verb after the clause set in after it:
  // "Barkley, who said ..., said ...", "Mr. Obama, who understood ..., told ...".
  const taken = new Set(sourceOf.values());
  for (const source of sources.filter((s) => !taken.has(s))) {
    const cue = cues.find((c) => c.sentence === source.sentence && c.first > source.last && !sourceOf.has(c) && closesInsertion(paragraph, c));
    if (cue) sourceOf.set(cue, source);
  }
  const contentsOf = new Map<Piece, Piece[]>();
  for (const content of pieces.filter((piece) => piece.role === 'content')) {
    const cue = nearest(cues, content);
    contentsOf.set(cue, [...(contentsOf.get(cue) ?? []), content]);
  }
  const attributions: Attribution[] = [];
  let speaker: Speaker | null = null;
  let lastSource: Piece | undefined;
  for (const cue of cues) {
    // "…, saying …" and "… and added …" share the source of the cue before them in the sentence.
    const continues = lastSource?.sentence === cue.sentence && continuesSource(paragraph, cue);
    const source = sourceOf.get(cue) ?? (continues ? lastSource : undefined);
    lastSource = source ?? lastSource;
    // A cue with a source says something even where the tagger marked no content: the rest of its sentence.
    const contents = contentsOf.get(cue) ?? (source ? restOfSentence(paragraph, cue, source) : []);
    const sourceSpan = source && trimSource(text, source.span);
    const cueSpeaker = { cue: inParagraph(cue.span), source: sourceSpan ? inParagraph(sourceSpan) : null };
    // A speaker with nothing said in the paragraph ("He said:") introduces the quotation of the next one.
    if (contents.length || source) speaker = cueSpeaker;
    for (const content of contents) attributions.push({ ...cueSpeaker, content: inParagraph(trimContent(text, content.span)) });
  }
  return { attributions, speaker };
}

/** Content as people quote it: without the "that" that introduces it, enclosing quotation marks, or edge punctuation. */
function trimContent(text: string, span: Span): Span {
  let { start, end } = trimEdges(text, span);
  const that = /^that\s+/i.exec(text.slice(start, end));
  if (that && end - start > that[0].length) start += that[0].length;
  // Marks at the edges go when they enclose the content or pair with nothing inside it (a quote over paragraphs).
  const inner = text.slice(start, end);
  const opens = /^["“]/.test(inner) && !/["”]/.test(inner.slice(1)) ? 1 : 0;
  const closes = /["”]$/.test(inner) && !/["“]/.test(inner.slice(0, -1)) ? 1 : 0;
  const encloses = /^["“‘']/.test(inner) && /["”’']$/.test(inner) && !/["“”]/.test(inner.slice(1, -1)) ? 1 : 0;
  const within = { start: start + (encloses || opens), end: end - (encloses || closes) };
  // A lone quotation mark opens and closes at once: nothing is left of it (an empty content, dropped).
  if (within.end <= within.start) return { start, end: start };
  if (encloses || opens || closes) ({ start, end } = trimEdges(text, within));
  return { start, end };
}

/** A subordinate clause before the source is not part of it: "Water rose as the office said" → "the office". */
function trimSource(text: string, span: Span): Span {
  const clause = /^.*\b(?:as|when|while|because|although|though|whereas)\s+(?=\S)/su.exec(text.slice(span.start, span.end));
  return trimEdges(text, clause ? { start: span.start + clause[0].length, end: span.end } : span);
}

/** Without white space, commas, colons or a final period at either edge ("the authority, a regional agency,"). */
function trimEdges(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  if (end - start > 1 && text[end - 1] === '.' && !/(?:^|[^\p{L}])\p{L}\.$/u.test(text.slice(start, end))) end--;
  return end > start ? { start, end } : span;
}

/** "X, the Journal reports." → "X"; "the Journal reports X." → "X": the sentence on the far side from the source. */
function restOfSentence(paragraph: TaggedParagraph, cue: Piece, source: Piece): Piece[] {
  const { tokens, sentenceOf } = paragraph;
  const inSentence = mapped(tokens, (_, i) => i).filter((i) => sentenceOf[i] === cue.sentence);
  const before = Math.min(cue.first, source.first);
  const after = Math.max(cue.last, source.last);
  const words = (from: number, to: number) => inSentence.filter((i) => i >= from && i <= to && /[\p{L}\p{N}]/u.test(tokens[i].text));
  const left = words(inSentence[0], before - 1);
  const right = words(after + 1, inSentence[inSentence.length - 1]);
  const side = right.length >= left.length ? right : left;
  if (side.length < 3) return [];
  const first = side[0];
  const last = side[side.length - 1];
  return [{ role: 'content', first, last, span: { start: tokens[first].start, end: tokens[last].end }, sentence: cue.sentence }];
}

/** A capitalised word inside a sentence is a name ("Professor Edward Said"), not the cue it spells. */
function isNameWord(paragraph: TaggedParagraph, i: number): boolean {
  const { tokens, sentenceOf } = paragraph;
  const opensSentence = i === 0 || sentenceOf[i - 1] !== sentenceOf[i] || /^[“"‘'(:—–-]$/.test(tokens[i - 1].text);
  if (opensSentence || !/^\p{Lu}\p{Ll}/u.test(tokens[i].text)) return false;
  // In a headline in title case ("Trump Says Debate Was Rigged") capitals say nothing.
  const words = tokens.filter((t, k) => sentenceOf[k] === sentenceOf[i] && /^\p{L}/u.test(t.text));
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length * 2 < words.length;
}

/** A cue right after the comma or dash that closes a clause set into its sentence, not one continuing its sentence (", saying"). */
function closesInsertion(paragraph: TaggedParagraph, cue: Piece): boolean {
  const before = paragraph.tokens[cue.first - 1]?.text;
  return /^[,—–-]$/.test(before ?? '') && !continuesSource(paragraph, cue) && !/ing$/.test(paragraph.tokens[cue.first].text);
}

function continuesSource(paragraph: TaggedParagraph, cue: Piece): boolean {
  const word = paragraph.tokens[cue.first].text;
  const before = paragraph.tokens[cue.first - 1]?.text.toLowerCase();
  return CONTINUING_PARTICIPLES.has(word) || before === 'and' || before === 'but';
}

/** The cue closest in tokens, preferring one in the same sentence. */
function nearest(cues: Piece[], piece: Piece): Piece {
  const sameSentence = cues.filter((c) => c.sentence === piece.sentence);
  const candidates = sameSentence.length ? sameSentence : cues;
  return candidates.reduce((best, cue) => (distance(cue, piece) < distance(best, piece) ? cue : best));
}

function distance(a: Piece, b: Piece): number {
  return a.last < b.first ? b.first - a.last : b.last < a.first ? a.first - b.last : 0;
}
