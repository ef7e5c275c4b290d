// Stage 3: attribution, i.e. who said what. A tagger trained on PolNeAR (attributionTagger.ts) finds most of it; rules
// over tokens and quotation marks find a reporting cue, its source (a named entity, pronoun or descriptive noun phrase)
// and its content where the tagger found nothing.
import {
  ADDRESSEE_VERBS, ADJUNCT_PREPOSITIONS, CLAUSE_WORDS, CONTINUING_PARTICIPLES, CUE_ADVERBS, CUE_AUXILIARIES,
  DETERMINERS, DOCUMENT_NOUNS, EVIDENCE_MODIFIERS, EVIDENCE_NOUNS, FEELING_PARTICIPLES, FINDING_VERBS, FRAME_ONLY_VERBS,
  IRREGULAR_PARTICIPLES, NOUN_PHRASE_LINKS, PASSIVE_AUXILIARIES, PHRASE_CUES, PREPOSITIONS, QUOTE_MARKS, REPORTING_VERBS,
  SENTENCE_ADVERBS, SUBJECT_PRONOUNS, TIME_MODIFIERS, TIME_WORDS, groupByParagraph, paragraphKeys, quotedUnits, type Quote,
  type QuotedUnit,
} from './cues';
import { mapped } from './arrays';
import { attributionModel } from './attributionModel';
import type { TaggerModel } from './attributionScorer';
import type { Lru } from './lru';
import { type ParagraphMemo, taggedAttributions } from './taggedAttribution';
import { SpanSet } from './spanSet';
import { stanceAttributions } from './stanceCues';
import { type SentenceTokens, type SpanTokens, firstEndingAfter, isWordToken, overlaps, shifted, slice, spanTokens } from './text';
import { transcriptTurns } from './transcripts';
import type { Attribution, EntityMention, Sentence, Span, TextSpan, Token } from './types';

/** One sentence, or several that a quotation runs across, with what the rules look at. */
interface Unit {
  text: string;
  span: Span;
  tokens: Token[];
  /** The tokens' texts in lower case, as the word lists are: made once, as the rules read most words several times. */
  words: string[];
  quotes: Quote[];
  entities: EntityMention[];
}

type CueKind = 'verb' | 'addressee' | 'continuing' | 'according' | 'evidence' | 'finding' | 'sourceless';

/** A cue as token indices, first..last inclusive. */
interface Cue { first: number; last: number; kind: CueKind; frameOnly: boolean }

interface Frame { cue: Span; source: Span | null; content: Span }

/** Sources longer than this are almost always a clause the rules misread. */
const MAX_SOURCE_TOKENS = 12;
const DASHES = ['-', '–', '—'];

/** What the stage reads of each paragraph, remembered for re-analysing an edited article (see analysisMemo.ts). */
export interface AttributionMemo {
  tagged: ParagraphMemo;
  /** The rules' attributions in a paragraph, at offsets into it, by the paragraph's sentences and entities. */
  rules: Lru<string, Attribution[]>;
}

/**
 * Who said what in an article: the trained tagger's attributions, then the rules' frames where the tagger marked
 * nothing (the rules know newsroom patterns, such as "according to" and passive cues, that the training data may lack).
 * In document order, so a pronoun source can be resolved against the sources before it. `model`: the tagger, the
 * committed one unless an evaluation scores another (null: the rules alone). `sentenceTokens`: the analysis's tokens of
 * sentence texts, which this stage reads rather than tokenizing the sentences again.
 */
export function extractAttributions(
  text: string, sentences: Sentence[], entities: EntityMention[], memo?: AttributionMemo, model: TaggerModel | null = attributionModel(),
  sentenceTokens?: SentenceTokens,
): Attribution[] {
  const paragraphs = groupByParagraph(sentences);
  // A paragraph's quoted units, worked out once, and only for the paragraphs that need them.
  const unitsOf = new Map<Sentence[], QuotedUnit[]>();
  const unitsIn = (group: Sentence[]): QuotedUnit[] => {
    let units = unitsOf.get(group);
    if (!units) unitsOf.set(group, (units = quotedUnits(text, group)));
    return units;
  };
  const keys = memo && paragraphKeys(text, paragraphs, entities);
  const tokensOf = spanTokens(text, sentenceTokens);
  const rulesIn = mapped(paragraphs, (group, p) => paragraphRules(text, group, entities, unitsIn, tokensOf, memo && { rules: memo.rules, key: keys![p] }));
  const rules = rulesIn.flat();
  // The paragraph holding a span, found by bisection: looking through them all for each attribution took time in the
  // square of a long article's length.
  const paragraphSpans = mapped(paragraphs, (group) => ({ start: group[0].start, end: group[group.length - 1].end }));
  const paragraphOf = (span: Span): number => {
    const p = firstEndingAfter(paragraphSpans, span.end - 1);
    return p < paragraphs.length && paragraphSpans[p].start <= span.start ? p : -1;
  };
  const unitsAround = (span: Span): QuotedUnit[] => {
    const p = paragraphOf(span);
    return p >= 0 ? unitsIn(paragraphs[p]) : [];
  };
  // Where the rules read the same cue, they name a source the tagger missed ("Brennan was quoted as saying"), and a
  // tagged "content" that is the rules' source or cue ("It" of "It was reported") is a misread. The tagger reads one
  // paragraph at a time, as the rules do, so only the rules of the tagged cue's paragraph can read the same cue.
  const taggedSpans = model ? taggedAttributions(model, text, sentences, entities, memo?.tagged, keys, tokensOf) : [];
  const taggedAsRead = taggedSpans.map(withoutAdverbSource).flatMap((a) => {
    const p = paragraphOf(a.cue);
    const rule = (p >= 0 ? rulesIn[p] : rules).find((r) => overlaps(r.cue, a.cue));
    if (!rule) return [a.source ? a : { ...a, source: nounPhraseSource(text, unitsAround(a.cue), entities, a, tokensOf) }];
    // Unless the rules took the tagger's source for content ("X, a supporter, said Y plan ..." read as "said Y plan").
    const rulesMisread = a.source && overlaps(rule.content, a.source);
    if (!rulesMisread && (overlaps(a.content, rule.cue) || (rule.source && overlaps(a.content, rule.source)))) return [];
    // "It was reported that ...": the rules' sourceless cue holds the "It", which names no one.
    if (!rule.source && a.source && overlaps(a.source, rule.cue)) return [{ ...a, source: null }];
    // A participle the rules read with no cue before it to continue: ", saying ..." after "TWA withdrew its bid".
    return [{ ...a, source: a.source ?? rule.source ?? participleSource(text, unitsAround(a.cue), entities, a, tokensOf) }];
  });
  const tagged = withoutRepeats(taggedAsRead.map((a) => withPassiveAgent(text, unitsAround, entities, a, tokensOf)));
  // A speaker's label knows where the turn ends: the turn replaces the tagger's reading of the same label.
  const turns = transcriptTurns(text, sentences);
  const taggedElsewhere = tagged.filter((a) => !turns.some((turn) => overlaps(a.cue, turn.cue)));
  const covered = new SpanSet([...taggedElsewhere, ...turns].flatMap(spansOf));
  const untouched = (a: Attribution) => !covered.overlaps(a.cue) && !covered.overlaps(a.content);
  const said = [...taggedElsewhere, ...turns, ...rules.filter(untouched)];
  // Stance verbs ("X criticized ...", "X plans to ...") where nothing else attributed their words.
  const found = [...said, ...stanceAttributions(text, sentences, entities, said.flatMap(spansOf), tokensOf)];
  return [...found, ...introducedParagraphs(text, paragraphs, found)].sort((a, b) => a.content.start - b.content.start || a.cue.start - b.cue.start);
}

/** Each attribution once: a passive's subject and agent, each tagged as its cue's content, both become "agent said subject". */
function withoutRepeats(attributions: Attribution[]): Attribution[] {
  const seen = new Set<string>();
  return attributions.filter(({ cue, source, content }) => {
    const key = `${cue.start}:${cue.end}:${source?.start}:${source?.end}:${content.start}:${content.end}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

function spansOf(a: Attribution): Span[] {
  return a.source ? [a.cue, a.source, a.content] : [a.cue, a.content];
}

/**
 * A paragraph that ends on a speaker and a colon ("The group also points out some figures:") introduces the next
 * paragraph as what the speaker said, when nothing in that paragraph is attributed yet. A colon after no speaker
 * ("Here are four reasons:", "From Bloomberg:") introduces the reporter's own words.
 */
function introducedParagraphs(text: string, paragraphs: Sentence[][], found: Attribution[]): Attribution[] {
  const introduced: Attribution[] = [];
  paragraphs.forEach((group, p) => {
    const last = group[group.length - 1];
    const next = paragraphs[p + 1];
    if (!next || !last.text.endsWith(':')) return;
    const speaker = found.filter((a) => a.source && last.start <= a.cue.start && a.cue.end <= last.end).pop();
    const said = { start: next[0].start, end: next[next.length - 1].end };
    const attributed = (a: Attribution) => [a.cue, a.content].some((x) => x.start < said.end && said.start < x.end);
    if (speaker && !found.some(attributed)) introduced.push({ cue: speaker.cue, source: speaker.source, content: slice(text, said) });
  });
  return introduced;
}

/**
 * The rules' attributions in one paragraph (its sentences). They read the paragraph's text and the entities in it, so
 * the memo knows them by both, at offsets into the paragraph.
 */
function paragraphRules(
  text: string,
  group: Sentence[],
  entities: EntityMention[],
  unitsIn: (group: Sentence[]) => QuotedUnit[],
  tokensOf: SpanTokens,
  memo?: { rules: Lru<string, Attribution[]>; key: string },
): Attribution[] {
  if (!memo) return ruleAttributions(text, unitsIn(group), entities, tokensOf);
  const at = group[0].start;
  const inParagraph = memo.rules.remember(memo.key, () => mapped(ruleAttributions(text, unitsIn(group), entities, tokensOf), (a) => movedAttribution(a, -at)));
  return mapped(inParagraph, (a) => movedAttribution(a, at));
}

function ruleAttributions(text: string, units: QuotedUnit[], entities: EntityMention[], tokensOf: SpanTokens): Attribution[] {
  const attributions: Attribution[] = [];
  for (const { span, quotes } of units) {
    for (const frame of attributeUnit(unitOf(text, tokensOf(span), span, quotes, entities))) {
      const source = frame.source && slice(text, frame.source);
      attributions.push({ cue: slice(text, frame.cue), source, content: slice(text, frame.content) });
    }
  }
  return attributions;
}

function unitOf(text: string, tokens: Token[], span: Span, quotes: Quote[], entities: EntityMention[]): Unit {
  return { text, span, tokens, words: mapped(tokens, (t) => t.text.toLowerCase()), quotes, entities };
}

function movedAttribution({ cue, source, content }: Attribution, by: number): Attribution {
  return { cue: shifted(cue, by), source: source && shifted(source, by), content: shifted(content, by) };
}

/** For a tagged verb of speech without a source: the subject just before it ("the ministry also said"), or after ("said Kerry"). */
function nounPhraseSource(
  text: string, units: QuotedUnit[], entities: EntityMention[], attribution: Attribution, tokensOf: SpanTokens,
): TextSpan | null {
  const { cue, content } = attribution;
  const found = cueTokens(text, units, entities, cue, tokensOf);
  if (!found) return null;
  const { unit, first, last } = found;
  // Only verbs of speech always have a speaker; "expected to", "to mock" often have none.
  const speech = unit.tokens.slice(first, last + 1).some((t) => REPORTING_VERBS.has(t.text) || ADDRESSEE_VERBS.has(t.text));
  const source = participleSubject(unit, first) ?? (speech ? (sourceBefore(unit, first).source ?? sourceAfter(unit, last + 1)?.span ?? null) : null);
  return source && !overlaps(source, content) ? slice(text, source) : null;
}

/**
 * A tagged source that is one adverb or time word names no one ("Tuesday" of "Tuesday wrote", "grudgingly" of "The
 * mayor grudgingly agreed"): without it, the cue may still find its source as a sourceless one does.
 */
function withoutAdverbSource(attribution: Attribution): Attribution {
  const word = attribution.source?.text;
  if (!word || /\s/.test(word)) return attribution;
  const lowered = word.toLowerCase();
  const adverb = TIME_WORDS.has(lowered) || CUE_ADVERBS.has(lowered) || SENTENCE_ADVERBS.has(lowered) || /^\p{Ll}+ly$/u.test(word);
  return adverb ? { ...attribution, source: null } : attribution;
}

/** For a tagged participle without a source: the subject of its clause ("Obama has stayed out of it, arguing ..."). */
function participleSource(
  text: string, units: QuotedUnit[], entities: EntityMention[], attribution: Attribution, tokensOf: SpanTokens,
): TextSpan | null {
  const found = cueTokens(text, units, entities, attribution.cue, tokensOf);
  const source = found && participleSubject(found.unit, found.first);
  return source && !overlaps(source, attribution.content) ? slice(text, source) : null;
}

/**
 * A passive cue names its source after "by", and what it reports is about its subject, which the tagger often takes for
 * the source: "Trump has been criticized by some of his rivals for ..." → source "some of his rivals", content "Trump".
 * Not a participle of feeling, whose subject holds the stance ("Neither man was impressed by Mrs. Clinton").
 */
function withPassiveAgent(
  text: string, unitsAround: (span: Span) => QuotedUnit[], entities: EntityMention[], attribution: Attribution, tokensOf: SpanTokens,
): Attribution {
  const { cue } = attribution;
  // Most cues have no "by" at all: only those with one are worth their unit's tokens.
  const byNext = /^\s*by\b/i.test(text.slice(cue.end, cue.end + 8)) || /\bby$/i.test(text.slice(cue.start, cue.end));
  const found = byNext && cueTokens(text, unitsAround(cue), entities, cue, tokensOf);
  if (!found) return attribution;
  const { unit, first, last } = found;
  const by = lower(unit, last) === 'by' ? last : last + 1;
  let participle = by - 1;
  if (lower(unit, by) !== 'by' || participle < first || !isPassiveParticiple(unit, participle)) return attribution;
  while (CUE_ADVERBS.has(lower(unit, participle - 1)) || /\p{L}ly$/u.test(lower(unit, participle - 1))) participle--;
  if (!PASSIVE_AUXILIARIES.has(lower(unit, participle - 1))) return attribution;
  const agent = agentAfter(unit, by + 1);
  const { source, content } = attribution;
  if (!agent || (source && overlaps(source, agent))) return attribution;
  // Content after the agent is its words only within its clause ("was asked by the host whether ..."), not in the next
  // one ("Clinton was supported by 42 percent, while Trump received 38 percent").
  const nextClause = content.start >= agent.end && /[,;:()[\]—–]/.test(text.slice(agent.end, content.start));
  if (!overlaps(content, agent)) return nextClause ? attribution : { ...attribution, source: slice(text, agent) };
  // The tagger read the agent as content: what the cue reports is a clause after the agent ("was warned by the
  // ministry that ..."), else the subject ("Both attacks were claimed by ..."), else whatever words follow the agent.
  const rest = tokensWithin(unit, { start: agent.end, end: content.end }).filter(isWordToken);
  const after = rest.length ? slice(text, { start: rest[0].start, end: rest[rest.length - 1].end }) : null;
  const reported = /^(?:that|whether|if)$/i.test(rest[0]?.text ?? '') ? after : source ?? after;
  return reported ? { cue, source: slice(text, agent), content: reported } : attribution;
}

/** "criticized", "taken", "told": a past participle, not one of feeling. */
function isPassiveParticiple(unit: Unit, i: number): boolean {
  const word = lower(unit, i);
  return !FEELING_PARTICIPLES.has(word) && (/\p{L}(?:ed|en)$/u.test(word) || IRREGULAR_PARTICIPLES.has(word));
}

/** The noun phrase after a passive's "by": a pronoun, or the words up to a function word, "for" or a clause boundary. */
function agentAfter(unit: Unit, from: number): Span | null {
  if (isPronoun(unit, from)) return tokenSpan(unit, from, from);
  let end = from - 1;
  // "criticized by some of his rivals for failing to ...": "for" gives the reason, not more of the agent.
  const fits = (i: number) => isNounPhraseToken(unit, i) && lower(unit, i) !== 'for';
  while (end + 1 - from < MAX_SOURCE_TOKENS && fits(end + 1)) end++;
  while (end >= from && NOUN_PHRASE_LINKS.has(lower(unit, end))) end--;
  return end < from ? null : expandToEntities(unit, tokenSpan(unit, from, end));
}

/** The rules' unit around a tagged cue, and the cue's first and last tokens in it. */
function cueTokens(
  text: string, units: QuotedUnit[], entities: EntityMention[], cue: Span, tokensOf: SpanTokens,
): { unit: Unit; first: number; last: number } | null {
  const found = units.find((u) => u.span.start <= cue.start && cue.end <= u.span.end);
  if (!found) return null;
  const unit = unitOf(text, tokensOf(found.span), found.span, found.quotes, entities);
  const first = unit.tokens.findIndex((t) => t.start >= cue.start);
  if (first < 0) return null;
  let last = first;
  while (unit.tokens[last + 1] && unit.tokens[last + 1].end <= cue.end) last++;
  return { unit, first, last };
}

/**
 * A participle set off by a comma shares the subject of its clause: "For months, Obama has stayed out of it, arguing
 * ..." → "Obama". Only a name (with a title before it) or pronoun that opens the clause (after an opening adjunct and its
 * comma) counts: without parts of speech, a longer noun phrase cannot be told from the verb after it.
 */
function participleSubject(unit: Unit, cueFirst: number): Span | null {
  if (unit.tokens[cueFirst - 1]?.text !== ',' || !/\p{Ll}ing$/u.test(unit.tokens[cueFirst].text)) return null;
  const opensWithAdjunct = isFunctionWord(unit, 0, PREPOSITIONS) || CUE_ADVERBS.has(lower(unit, 0)) || TIME_WORDS.has(lower(unit, 0));
  const start = opensWithAdjunct ? unit.tokens.findIndex((t) => t.text === ',') + 1 : 0;
  if ((opensWithAdjunct && start === 0) || start >= cueFirst - 1) return null;
  if (isPronoun(unit, start)) return tokenSpan(unit, start, start);
  // A name, or a title before it: "Co-moderator Andrea Mitchell", "Democratic front-runner Hillary Clinton".
  const nameAt = (i: number) => unit.entities.find((e) => e.start === unit.tokens[i].start && (e.type === 'PERSON' || e.type === 'ORGANIZATION'));
  let nameStart = start;
  while (nameStart < cueFirst - 1 && !nameAt(nameStart) && isTitleWord(unit, nameStart)) nameStart++;
  const name = nameAt(nameStart);
  if (!name || name.end > unit.tokens[cueFirst - 1].start) return null;
  // "Murphy's floor speech ..., delivering": a possessive name is not the subject.
  const after = unit.tokens.find((t) => t.start >= name.end);
  return after && /^['’]s?$/.test(after.text) ? null : { start: unit.tokens[start].start, end: name.end };
}

/** Function and time words, which a capital does not make words of a title ("But", "Last Friday"). */
const NOT_TITLE_WORDS = [CLAUSE_WORDS, PREPOSITIONS, TIME_WORDS, TIME_MODIFIERS, CUE_ADVERBS, SENTENCE_ADVERBS, NOUN_PHRASE_LINKS];

/**
 * A word of a title before a name ("Former Arkansas Gov.", "Democratic front-runner", "The Blaze's"): capitalised but no
 * function or time word ("But", "Last Friday"), hyphenated, "the", an abbreviation's period or a possessive ending.
 */
function isTitleWord(unit: Unit, i: number): boolean {
  const word = unit.tokens[i].text;
  const lowered = lower(unit, i);
  if (/^\p{Lu}/u.test(word)) return !NOT_TITLE_WORDS.some((list) => list.has(lowered));
  return /^\p{Ll}+-\p{L}+$/u.test(word) || lowered === 'the' || /^['’]s?$/.test(word) || word === '.';
}

function attributeUnit(unit: Unit): Frame[] {
  const frames: Frame[] = [];
  for (let i = 0; i < unit.tokens.length; i++) {
    const cue = matchCue(unit, i);
    if (!cue) continue;
    const cueSpan = tokenSpan(unit, cue.first, cue.last);
    if (cue.kind === 'according' || cue.kind === 'evidence') frames.push(...frameAccordingTo(unit, cue, cueSpan));
    else frames.push(...frameCue(unit, cue, cueSpan, frames));
    i = cue.last;
  }
  return frames
    .filter((f) => f.content.end > f.content.start)
    .sort((a, b) => a.content.start - b.content.start || a.cue.start - b.cue.start);
}

function matchCue(unit: Unit, i: number): Cue | null {
  const token = unit.tokens[i];
  if (!isWordToken(token) || insideQuote(unit, token.start)) return null;
  for (const phrase of PHRASE_CUES) {
    if (phrase.words.every((options, k) => options.includes(lower(unit, i + k)))) {
      return { first: i, last: i + phrase.words.length - 1, kind: phrase.kind, frameOnly: false };
    }
  }
  if (namesEvidence(unit, i)) return { first: i, last: i, kind: 'evidence', frameOnly: false };
  // Exact, lower-case lookups: a capitalised "Said" mid-sentence is a name.
  const word = token.text;
  const kind: CueKind | null = ADDRESSEE_VERBS.has(word) ? 'addressee'
    : CONTINUING_PARTICIPLES.has(word) ? 'continuing'
    : REPORTING_VERBS.has(word) ? 'verb'
    : FINDING_VERBS.has(word) && lower(unit, i + 1) !== 'up' ? 'finding' : null; // "poll workers showed up" found nothing
  if (!kind) return null;
  let auxiliary = i - 1;
  while (CUE_ADVERBS.has(lower(unit, auxiliary))) auxiliary--;
  const first = CUE_AUXILIARIES.has(lower(unit, auxiliary)) ? auxiliary : i; // "has warned"
  const inStatement = ['in', 'a', 'statement'].every((w, n) => lower(unit, i + 1 + n) === w);
  return { first, last: inStatement ? i + 3 : i, kind, frameOnly: FRAME_ONLY_VERBS.has(word) };
}

/** Finds the source on either side of a cue, then content after it, before it, or both ('"A," he said, "B."'). */
function frameCue(unit: Unit, cue: Cue, cueSpan: Span, earlier: Frame[]): Frame[] {
  const left = sourceBefore(unit, cue.first);
  let source = left.source;
  let boundary = left.boundary; // the token before the source: content before it must be set off by it
  let after = cue.last + 1;
  if (cue.kind === 'continuing' || left.continues) {
    const cut = continuationCut(unit, cue.first);
    if (cut === null) return []; // "a warning that ..." is a noun, not ", warning that ..."
    source = continueSource(unit, earlier, cut);
    boundary = -1;
  } else if (cue.kind === 'sourceless') {
    source = null;
    boundary = cue.first - 1;
  } else if (!source) {
    const cueOpensClause = left.boundary < 0 || isClauseBoundary(unit.tokens[left.boundary]);
    const followed = cueOpensClause ? sourceAfter(unit, after) : null;
    source = followed ? followed.span : apposedSource(unit, left.boundary);
    if (!source) return [];
    after = followed ? followed.next : after;
    boundary = followed ? cue.first - 1 : -1;
  }
  if (cue.kind === 'finding' && !namesDocument(unit, source)) return [];

  const right = contentAfter(unit, after, cue);
  const before = contentBefore(unit, boundary);
  const contents: Span[] = right ? [{ start: right.start, end: unit.span.end }] : [];
  // Content before the source counts when nothing follows the cue, when it is a quotation ('"A," she said'), or when
  // the cue is an aside ("A key step, he said, is ...") and more than an adverb ("Meanwhile,") precedes it.
  const quotedBefore = quoteMark(unit, boundary) === 'close';
  const asideBefore = right?.afterComma && wordCount(unit, before) > 2;
  if (before && (!right || quotedBefore || asideBefore)) contents.push(before);
  return contents.map((content) => ({ cue: cueSpan, source, content: trimContent(unit, content) }));
}

/**
 * "According to SOURCE, CONTENT", "CONTENT, according to SOURCE." or "CONTENT according to SOURCE."; and the same with
 * a poll or count as the source ("In the CBS poll, CONTENT", "CONTENT in a Fox poll.").
 */
function frameAccordingTo(unit: Unit, cue: Cue, cueSpan: Span): Frame[] {
  const from = cue.last + 1;
  const end = sourcePhraseEnd(unit, from);
  if (end === from) return [];
  const before = unit.tokens[cue.first - 1];
  const comma = unit.tokens[end];
  // Inside a clause ("Kasich led in recent polls from Quinnipiac, by 8 points"), the cue sources what comes before it.
  const content = isClauseBoundary(before) ? { start: unit.span.start, end: before.start }
    : before && (comma?.text === ',' || isSentenceEnd(unit, end)) ? { start: unit.span.start, end: unit.tokens[cue.first].start }
    : comma?.text === ',' ? { start: comma.end, end: unit.span.end } : null;
  const source = expandToEntities(unit, tokenSpan(unit, from, end - 1));
  return content ? [{ cue: cueSpan, source, content: trimContent(unit, content) }] : [];
}

/** Where the source phrase after "according to" or an evidence preposition ends: at a clause boundary or the sentence's end. */
function sourcePhraseEnd(unit: Unit, from: number): number {
  let end = from;
  const boundary = (k: number) => isClauseBoundary(unit.tokens[k]) && !joinsWords(unit, k);
  while (end - from < MAX_SOURCE_TOKENS && !boundary(end) && !isSentenceEnd(unit, end)) end++;
  return end;
}

/**
 * "in" or "by" before a noun phrase that ends its clause and ends in a poll or count: "In this poll,", "by one
 * estimate.", "in the NBC/WSJ poll.", "in the 50-state poll."; or whose poll or count a modifier follows to the clause's
 * end: "in a poll released Monday.", "in recent polls from Quinnipiac,". Not "by the study's authors", "provided by
 * Clinton from her account" or "in the poll held ...". A bare plural ("rose in the polls") names no poll.
 */
function namesEvidence(unit: Unit, i: number): boolean {
  const nouns = EVIDENCE_NOUNS.get(lower(unit, i));
  if (!nouns) return false;
  const end = sourcePhraseEnd(unit, i + 1);
  if (end - i < 2 || (unit.tokens[end]?.text !== ',' && !isSentenceEnd(unit, end))) return false;
  let phraseEnd = i + 1;
  while (phraseEnd < end && isEvidencePhraseToken(unit, phraseEnd)) phraseEnd++;
  const heads = phraseEnd === end ? [end - 1] : [];
  for (let k = i + 2; k <= phraseEnd && k < end; k++) if (EVIDENCE_MODIFIERS.has(lower(unit, k))) heads.push(k - 1);
  return heads.some((head) => {
    const word = lower(unit, head);
    if (nouns.has(word)) return true;
    const plural = isPluralOf(nouns, word);
    const bare = head === i + 1 || (head === i + 2 && lower(unit, i + 1) === 'the');
    return plural && !bare;
  });
}

/** A word of a poll's name, or the "/" or hyphen inside one: "NBC/WSJ", "50-state". */
function isEvidencePhraseToken(unit: Unit, k: number): boolean {
  return unit.tokens[k].text === '/' || joinsWords(unit, k) || isNounPhraseToken(unit, k);
}

/** A hyphen between two words with no space ("50-state"), which joins them rather than setting off a clause. */
function joinsWords(unit: Unit, k: number): boolean {
  const [before, token, after] = [unit.tokens[k - 1], unit.tokens[k], unit.tokens[k + 1]];
  return token?.text === '-' && before?.end === token.start && after?.start === token.end;
}

/** Whether a source is a record or count ("new filings", "A study by the university", "One ranking"), not a person. */
function namesDocument(unit: Unit, source: Span | null): boolean {
  if (!source) return false;
  return tokensWithin(unit, source).some((t) => {
    const word = t.text.toLowerCase();
    return DOCUMENT_NOUNS.has(word) || isPluralOf(DOCUMENT_NOUNS, word);
  });
}

/** Whether a lower-case word is the plural (in -s or -ies) of one of `nouns`: "polls", "surveys", "studies". */
function isPluralOf(nouns: ReadonlySet<string>, word: string): boolean {
  return nouns.has(word.replace(/ies$/, 'y')) || nouns.has(word.replace(/s$/, ''));
}

// ---- Sources ----

interface LeftSource {
  source: Span | null;
  /** Index of the token just before the source (before the cue when there is no source); -1 at the unit start. */
  boundary: number;
  /** "..., but said ..." / "..., and said ...": the cue shares the previous cue's source. */
  continues: boolean;
}

function sourceBefore(unit: Unit, cueFirst: number): LeftSource {
  let end = cueFirst - 1;
  while (CUE_ADVERBS.has(lower(unit, end))) end--; // "he also said"
  const infinitive = lower(unit, end) === 'to';
  if (infinitive) end--;
  let start = widenOverPrepositions(unit, nounPhraseStart(unit, end), end);
  while (start <= end && NOUN_PHRASE_LINKS.has(lower(unit, start))) start++;
  // "are among the Western powers to suggest" names a source; "The mayor declined to say" does not.
  const namesInfinitiveSource = DETERMINERS.has(lower(unit, start)) &&
    (isFunctionWord(unit, start - 1, PREPOSITIONS) || isFunctionWord(unit, start - 1, CLAUSE_WORDS));
  if (start > end || (infinitive && !namesInfinitiveSource)) {
    return { source: null, boundary: end, continues: ['and', 'but'].includes(lower(unit, end)) };
  }
  return { source: expandToEntities(unit, tokenSpan(unit, start, end)), boundary: start - 1, continues: false };
}

/** First token of the noun phrase ending at token `end` (a pronoun stands alone); end + 1 when there is none. */
function nounPhraseStart(unit: Unit, end: number): number {
  if (isPronoun(unit, end)) return end;
  let start = end + 1;
  while (start > 0 && end - start + 1 < MAX_SOURCE_TOKENS && isNounPhraseToken(unit, start - 1)) start--;
  return start;
}

/** "An official in Syria's city of Aleppo says": prepositional modifiers count only in a phrase opening the clause. */
function widenOverPrepositions(unit: Unit, start: number, end: number): number {
  if (start > end || !isFunctionWord(unit, start - 1, PREPOSITIONS)) return start;
  let widened = start;
  const fits = (i: number) => isNounPhraseToken(unit, i) || isFunctionWord(unit, i, PREPOSITIONS);
  while (widened > 0 && end - widened + 1 < MAX_SOURCE_TOKENS && fits(widened - 1)) widened--;
  const opensClause = widened === 0 || isClauseBoundary(unit.tokens[widened - 1]);
  return opensClause && !isFunctionWord(unit, widened, PREPOSITIONS) ? widened : start;
}

/** "..., said Kerry." / "..., said the ministry on Friday.": a short noun phrase that ends the clause. */
function sourceAfter(unit: Unit, from: number): { span: Span; next: number } | null {
  let end = from;
  if (!isPronoun(unit, from)) {
    const fits = (i: number) => isNounPhraseToken(unit, i) && !TIME_WORDS.has(lower(unit, i));
    for (end = from - 1; end + 1 - from < MAX_SOURCE_TOKENS && fits(end + 1); end++);
    while (end >= from && NOUN_PHRASE_LINKS.has(lower(unit, end))) end--;
    if (end < from) return null;
  }
  const rest = skipAdjuncts(unit, end + 1);
  if (!isSentenceEnd(unit, rest) && !isClauseBoundary(unit.tokens[rest])) return null;
  return { span: expandToEntities(unit, tokenSpan(unit, from, end)), next: end + 1 };
}

/** "The Observatory, a UK-based group, said ..." and "He, however, said ...": the subject before an aside. */
function apposedSource(unit: Unit, comma: number): Span | null {
  if (unit.tokens[comma]?.text !== ',') return null;
  let open = comma - 1;
  const fits = (i: number) =>
    isNounPhraseToken(unit, i) || CUE_ADVERBS.has(lower(unit, i)) || isFunctionWord(unit, i, PREPOSITIONS);
  while (open >= 0 && comma - open <= 8 && fits(open)) open--;
  if (open === comma - 1 || unit.tokens[open]?.text !== ',') return null;
  const start = nounPhraseStart(unit, open - 1);
  if (start > open - 1 || (start > 0 && !isClauseBoundary(unit.tokens[start - 1]))) return null;
  return expandToEntities(unit, tokenSpan(unit, start, open - 1));
}

/** Grows a source so it never cuts through a named entity. */
function expandToEntities(unit: Unit, span: Span): Span {
  let { start, end } = span;
  for (const entity of unit.entities) {
    const inUnit = entity.start >= unit.span.start && entity.end <= unit.span.end;
    if (inUnit && entity.start < end && entity.end > start) {
      start = Math.min(start, entity.start);
      end = Math.max(end, entity.end);
    }
  }
  return { start, end };
}

/** Where a continuing cue (", adding ...", "but said ...") splits the sentence: the comma or conjunction before it. */
function continuationCut(unit: Unit, cueFirst: number): number | null {
  for (let i = cueFirst - 1; i >= Math.max(0, cueFirst - 2); i--) {
    if (unit.tokens[i].text === ',') return unit.tokens[i].start;
  }
  return ['and', 'but'].includes(lower(unit, cueFirst - 1)) ? unit.tokens[cueFirst - 1].start : null;
}

/** The source of the latest outermost cue before the cut; contents found so far stop at the cut. */
function continueSource(unit: Unit, earlier: Frame[], cut: number): Span | null {
  const contains = (outer: Frame, inner: Frame) =>
    outer.content.start <= inner.cue.start && inner.cue.end <= outer.content.end;
  // Sought from the latest frame back, before any content is cut: listing every outermost frame at every continuing cue
  // took time in the cube of a sentence's cues (a sentence of 1,400 ", saying" took 3 s).
  let latest: Frame | undefined;
  for (let i = earlier.length - 1; i >= 0 && !latest; i--) {
    const frame = earlier[i];
    if (frame.cue.end <= cut && !earlier.some((g) => g !== frame && contains(g, frame))) latest = frame;
  }
  for (const frame of earlier) {
    const { start, end } = frame.content;
    if (start < cut && end > cut) frame.content = trimContent(unit, { start, end: cut });
  }
  return latest?.source ?? null;
}

// ---- Content ----

/** Where content starts after a cue (and its source or addressee); null when the clause ends there. */
function contentAfter(unit: Unit, from: number, cue: Cue): { start: number; afterComma: boolean } | null {
  const i = skipAdjuncts(unit, cue.kind === 'addressee' ? skipAddressee(unit, from) : from);
  const token = unit.tokens[i];
  const next = unit.tokens[i + 1];
  if (isSentenceEnd(unit, i)) return null;
  if (lower(unit, i) === 'that') return next ? { start: next.start, afterComma: false } : null;
  if (token.text === ',' || token.text === ':') {
    const ends = isSentenceEnd(unit, i + 1) || startsContinuation(unit, i + 1);
    return ends ? null : { start: next.start, afterComma: true };
  }
  if (quoteMark(unit, i) === 'open') return { start: token.start, afterComma: false };
  // "warned about cracks" reports a topic, not content.
  const bare = !cue.frameOnly && isWordToken(token) && !isFunctionWord(unit, i, PREPOSITIONS);
  return bare ? { start: token.start, afterComma: false } : null;
}

function startsContinuation(unit: Unit, i: number): boolean {
  const word = lower(unit, i);
  const conjoined = (word === 'and' || word === 'but') && REPORTING_VERBS.has(lower(unit, i + 1));
  return CONTINUING_PARTICIPLES.has(word) || conjoined;
}

/** "told reporters", "told a Russian newspaper": the addressee before a tell-verb's content. */
function skipAddressee(unit: Unit, from: number): number {
  let i = DETERMINERS.has(lower(unit, from)) ? from + 1 : from;
  const head = i;
  while (isNounPhraseToken(unit, i) && !DETERMINERS.has(lower(unit, i)) && !TIME_WORDS.has(lower(unit, i))) i++;
  return i > head ? i : from;
}

/** Skips what may follow a cue before its content: "Friday", "on October 17", "in the city of Irbil", ", however,". */
function skipAdjuncts(unit: Unit, from: number): number {
  let i = from;
  for (;;) {
    const word = lower(unit, i);
    if (TIME_WORDS.has(word) || CUE_ADVERBS.has(word)) i++;
    else if (TIME_MODIFIERS.has(word) && TIME_WORDS.has(lower(unit, i + 1))) i += 2;
    else if (ADJUNCT_PREPOSITIONS.has(word)) i = adjunctEnd(unit, i + 1);
    else if (word === ',' && CUE_ADVERBS.has(lower(unit, i + 1)) && lower(unit, i + 2) === ',') i += 3;
    else return i;
  }
}

/** End of a prepositional adjunct: a time expression, or everything up to a comma, quotation or "that". */
function adjunctEnd(unit: Unit, from: number): number {
  let i = from;
  while (DETERMINERS.has(lower(unit, i)) || TIME_MODIFIERS.has(lower(unit, i))) i++;
  if (TIME_WORDS.has(lower(unit, i))) {
    while (TIME_WORDS.has(lower(unit, i)) || /^\p{N}/u.test(lower(unit, i))) i++;
    return i;
  }
  for (i = from; lower(unit, i) !== 'that' && !isClauseBoundary(unit.tokens[i]) && !isSentenceEnd(unit, i); i++);
  return i;
}

/** Content before a source that a comma, dash or closing quotation mark sets off: '"...," he said'. */
function contentBefore(unit: Unit, boundary: number): Span | null {
  const token = unit.tokens[boundary];
  const setsOff = token && (token.text === ',' || DASHES.includes(token.text) || quoteMark(unit, boundary) === 'close');
  return setsOff ? { start: unit.span.start, end: token.end } : null;
}

/** Strips white space, list bullets, edge punctuation and the quotation marks that enclose the whole content. */
function trimContent(unit: Unit, span: Span): Span {
  const { text } = unit;
  let { start, end } = span;
  while (start < end) {
    const opener = unit.quotes.find((q) => q.open === start);
    const closer = unit.quotes.find((q) => q.close === end - 1);
    if (/[\s,;:•·▪*–—-]/.test(text[start]) || (opener && opener.close >= end - 1)) start++;
    else if (/[\s,;:–—-]/.test(text[end - 1]) || (closer && closer.open <= start)) end--;
    else if (text[end - 1] === '.' && !endsInAbbreviation(text, start, end)) end--;
    else break;
  }
  return { start, end };
}

/**
 * Whether text[start..end) ends in an abbreviation's letter and period ("U.S.", not "Gov."): a letter that starts the
 * span or follows a non-letter. Read from the end only: a pattern tested on the whole content scanned it for each cue,
 * quadratic in a sentence of thousands of cues.
 */
function endsInAbbreviation(text: string, start: number, end: number): boolean {
  if (text[end - 1] !== '.') return false;
  const letter = codePointBefore(text, end - 1, start);
  return LETTER.test(letter) && !LETTER.test(codePointBefore(text, end - 1 - letter.length, start));
}

/** The character (a whole code point when both halves lie in the span) ending at `at`, or '' at the span's start. */
function codePointBefore(text: string, at: number, spanStart: number): string {
  if (at <= spanStart) return '';
  const pair = at - 2 >= spanStart && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text.slice(at - 2, at));
  return text.slice(pair ? at - 2 : at - 1, at);
}

const LETTER = /^\p{L}$/u;

// ---- Tokens ----

function lower(unit: Unit, i: number): string {
  return unit.words[i] ?? '';
}

function wordCount(unit: Unit, span: Span | null): number {
  return span ? tokensWithin(unit, span).filter(isWordToken).length : 0;
}

/**
 * The tokens that lie within `span`, found by bisection: a scan from the unit's start for every cue made a sentence of
 * thousands of cues take quadratic time.
 */
function tokensWithin(unit: Unit, span: Span): Token[] {
  const { tokens } = unit;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle].start < span.start) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < tokens.length && tokens[end].end <= span.end) end++;
  return tokens.slice(low, end);
}

function tokenSpan(unit: Unit, first: number, last: number): Span {
  return { start: unit.tokens[first].start, end: unit.tokens[last].end };
}

/** A capitalised word mid-sentence is a name ("Theresa May"), not the function word it spells. */
function isFunctionWord(unit: Unit, i: number, words: ReadonlySet<string>): boolean {
  const token = unit.tokens[i];
  if (!token || !words.has(unit.words[i])) return false;
  return token.text === unit.words[i] || i === 0 || !isWordToken(unit.tokens[i - 1]);
}

function isPronoun(unit: Unit, i: number): boolean {
  return isFunctionWord(unit, i, SUBJECT_PRONOUNS);
}

/** Tokens of a source noun phrase: words that are not function words, "of"/"and" links, possessive endings. */
function isNounPhraseToken(unit: Unit, i: number): boolean {
  const token = unit.tokens[i];
  if (!token || insideQuote(unit, token.start)) return false;
  if (/^['’]s?$/.test(token.text)) return isWordToken(unit.tokens[i - 1]) && unit.tokens[i - 1].end === token.start;
  if (!isWordToken(token)) return token.text === '&';
  if (NOUN_PHRASE_LINKS.has(unit.words[i])) return true;
  return !isFunctionWord(unit, i, CLAUSE_WORDS) && !isFunctionWord(unit, i, PREPOSITIONS) && !isPronoun(unit, i);
}

function isClauseBoundary(token: Token | undefined): boolean {
  if (!token) return false;
  return /^[,;:()[\]]$/.test(token.text) || DASHES.includes(token.text) || QUOTE_MARKS.includes(token.text);
}

/** True when only closing punctuation is left from token i on. */
function isSentenceEnd(unit: Unit, i: number): boolean {
  for (let k = i; k < unit.tokens.length; k++) if (!/^[.!?…"”'’)\]]$/.test(unit.tokens[k].text)) return false;
  return true;
}

function insideQuote(unit: Unit, offset: number): boolean {
  return unit.quotes.some((q) => q.open < offset && offset < q.close);
}

function quoteMark(unit: Unit, i: number): 'open' | 'close' | null {
  const token = unit.tokens[i];
  if (!token || !QUOTE_MARKS.includes(token.text)) return null;
  if (unit.quotes.some((q) => q.open === token.start)) return 'open';
  return unit.quotes.some((q) => q.close === token.start) ? 'close' : null;
}
