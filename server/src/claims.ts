// Stage 4: claims, i.e. the sentences that assert something, whether a source is named for them, and the signals that
// make them worth checking. Only unattributed claims with such a signal become diagnostics.
import { mapped } from './arrays';
import { checkWorthiness } from './checkWorthiness';
import {
  ADDRESSEE_VERBS, CLAUSE_WORDS, DETERMINERS, NOUN_PHRASE_LINKS, PREPOSITIONS, REPORTING_VERBS, TIME_MODIFIERS, findQuotes,
  groupByParagraph,
} from './cues';
import { COUNTRIES, PLACES, SUPERLATIVES } from './lexicons';
import type { Lru } from './lru';
import { SpanSet } from './spanSet';
import { type SentenceTokens, isWordToken, overlaps, tokenize } from './text';
import type { Attribution, Claim, ClaimReason, Span, Sentence, Token } from './types';

/** Shorter sentences are boilerplate ("Share", "Story highlights") or fragments, not claims. */
const MIN_CLAIM_WORDS = 4;

/** Bylines and credits: "With reporting by ...", "Source: ANI", "Source by [author_name]", "Photo: ...". */
const CREDIT = new RegExp(
  '^(?:(?:with\\s+)?(?:additional\\s+)?reporting\\s+by\\b|(?:written|edited|compiled|produced)\\s+by\\b' +
    '|sources?\\s*(?:by\\b|:)|(?:photo|image|picture|video)(?:\\s+credit)?\\s*:|credit\\s*:|copyright\\b|©)',
  'i',
);
/** "By Jane Doe" without a full stop is a byline; "By Friday, the rebels had left." is not. */
const BYLINE = /^by\s+\p{Lu}/u;
/** Page furniture and calls to action: "Read more: ...", "Follow her on Twitter", "This story has been updated." */
const FURNITURE = new RegExp(
  `^(?:${[
    /read\s+(?:more|the\s+(?:full|rest))\b/, /click\s+here\b/, /follow\s+(?:us|him|her|them|@)/, /sign\s+up\b/, /subscribe\b/,
    /this\s+(?:story|article)\s+(?:has\s+been\s+updated|was\s+(?:updated|corrected)|(?:originally|first)\s+appeared)\b/,
    /editor['’]?s\s+note\b/, /(?:related|watch|listen|see\s+also)\s*:/, /all\s+rights\s+reserved\b/, /contact\s+(?:us|the\s+author)\b/,
  ].map((r) => r.source).join('|')})`,
  'i',
);
/**
 * A poll's note on its own method ("The poll was conducted Nov. 6 to 10 among 1,358 registered voters", "The margin of
 * error is plus or minus 3 points"): the poll is its source, as a credit line names a photographer. Not a result
 * stated against the margin ("44% to 43%, within the poll's margin of error"), nor a finding ("The survey, conducted
 * in March, found ...").
 */
const MARGIN_OF_ERROR = /\bmargin\s+of\s+(?:sampling\s+)?error\b/i;
const WITHIN_MARGIN = /\bwithin\b[^.]{0,30}\bmargin\s+of\b/i;
const POLL_NOUN = /\b(?:poll|survey)s?\b/i;
const POLL_METHOD = new RegExp(
  String.raw`\b(?:was|were)\s+conducted\b|\bconducted\s+(?:the|its|this)\s+(?:[\w-]+\s+)?(?:poll|survey)\b` +
    String.raw`|\b(?:poll|survey)\s+(?:surveyed|interviewed|questioned|sampled)\b`,
  'i',
);
const POLL_FINDING = /\b(?:found|finds|shows?|showed|showing|says|said|according)\b/i;
const APOSTROPHE_QUOTE = /''(?:[^']|'(?!'))*''/g;
const ACCORDING_TO_LEAD = /^\s*according\s+to\b/i;
/** A poll's result: a share of those asked ("48 percent chose Clinton", "44% to 43%", "leads by 5 points"). */
const POLL_RESULT = /\d\s*(?:%|percent\b|per\s+cent\b|(?:percentage\s+)?points?\b)/i;
/**
 * A result no poll gives: an election's ("won 41 percent of the vote", "votes cast", "turnout"), or a rate that measures
 * an economy or a population ("the unemployment rate fell to 4.9 percent", "interest rates"), not a share of those asked.
 */
const NOT_POLL_RESULT = /\b(?:won|wins|votes?|ballots?|turnout|rates?)\b/i;
const TERMINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/;
const QUESTION = /\?["'”’)\]]*$/;
const LEADING_BULLET = /^[\s•·▪*–—-]+/u;
/** Where coordinated clauses meet (", and", ", but", ", while", ";", " — "), and before a ", which" clause: it asserts something of its own. */
const CLAUSE_BREAK = /,\s+(?:and|but|while|whereas)\s+|,\s+(?=which\b)|;\s+|\s+[—–]\s+/g;

/** Markup tags, as some sources keep embedded posts: `<tweet author="@x" id="7501…">`, `</tweet>`, `<tweet/>`. */
const MARKUP_TAG = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>/gi;
/** An embedded post, from its opening tag to its closing one or its paragraph's end: the poster's words, not the reporter's. */
const EMBEDDED_POST = /<tweet\b[^<>]*>[^]*?(?:<\/tweet>|<tweet\/>|$)/g;

/** Verbs any full clause is likely to carry; photo captions ("Kerry and Lavrov during a meeting") lack them. */
const AUXILIARY_VERBS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can',
  'could', 'may', 'might', 'must', 'shall', 'should',
]);

const PASSIVE_AUXILIARY = /\b(?:is|are|was|were|be|been|being|it|there)\b/i;

const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Quantities in words: "hundreds of thousands", "a quarter of a million", "12 percent". */
const QUANTITY_WORDS = anyOf`hundreds?, thousands?, millions?, billions?, trillions?, dozens?, percent, per cent,
  (?:a|one) (?:quarter|third|half) of`;

/** Accusation words that report a death or an atrocity, which need not accuse anyone: "Two Americans were killed." */
const VIOLENCE_WORDS = String.raw`atrocit\w*, kill(?:s|ed|ing|ings)?, massacr\w*, tortur\w*, genocide`;

/** Check-worthiness signals other than numbers, in the order of strength the diagnostics report them. */
const REASON_PATTERNS: ReadonlyArray<[ClaimReason, RegExp]> = [
  ['accusation', anyOf`accus(?:e|es|ed|ing|ation|ations|er|ers), alleg\w*, guilty, war crimes?, crimes against humanity,
    ${VIOLENCE_WORDS}, murder\w*, violat\w*, blam(?:e|es|ed|ing), abuses?`],
  ['causal', anyOf`because, caus(?:e|es|ed|ing), leads? to, led to, due to, as a result, result(?:s|ed)? in, owing to,
    thanks to, therefore, consequently`],
  ['superlative', new RegExp(String.raw`\b(?:${SUPERLATIVES}|record[- ](?:high|low|levels?|numbers?)|all-time|unprecedented)\b`, 'i')],
  ['prediction', anyOf`will, won[’']t, (?:is|are|was|were) (?:expected|likely|set|poised) to, expected to, likely to,
    would likely, could face, predict\w*, forecasts?`],
];

/**
 * What follows a number or quantity word in its phrase: a unit joined to it ("%", "bn", "-hour"), magnitudes
 * ("million", "of thousands", "pct"), then the word it counts ("people", "of civilians"; not "of Axa's").
 */
const COUNTED = new RegExp(
  String.raw`%?\p{L}*(?:-\p{L}+)*` +
    String.raw`(?:\s+(?:of\s+)?(?:an?\s+)?(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per\s+cent|mln|bn|pct)\b)*` +
    String.raw`(?<noun>(?:\s+of(?=\s+\p{Ll}))?\s+\p{L}[\p{L}'’-]*(?:(?:\.\p{L})+\.)?)?`,
  'uy',
);
/** Words that count nothing: a number followed by one ("21 and", "5 per cent last year") is quoted without it. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...CLAUSE_WORDS, ...PREPOSITIONS, ...NOUN_PHRASE_LINKS, ...DETERMINERS, ...TIME_MODIFIERS,
]);

const VIOLENCE = anyOf`${VIOLENCE_WORDS}`;

const REASON_PHRASES: Record<ClaimReason, string> = {
  number: 'a number',
  accusation: 'an accusation',
  causal: 'a causal claim',
  superlative: 'a superlative',
  prediction: 'a prediction',
  assertion: 'an assertion',
};

/**
 * What this stage reads of a sentence's or a clause's words alone, remembered by their text so that re-analysing an
 * edited article reads only the sentences that changed.
 */
export interface ClaimMemo {
  asserts: Lru<string, boolean>;
  clauses: Lru<string, Pick<Claim, 'reasons' | 'checkWorthiness'> | null>;
}

export function extractClaims(
  text: string,
  sentences: Sentence[],
  attributions: Attribution[],
  title: Span | null,
  memo?: ClaimMemo,
  tokensOf: SentenceTokens = tokenize,
): Claim[] {
  const attributedSpans = new SpanSet(attributedExtents(text, attributions));
  const pollSources = new SpanSet(attributions.flatMap(({ source }) => (source && POLL_NOUN.test(source.text) ? [source] : [])));
  const quotes = quotedSpans(text, sentences);
  const claims: Claim[] = [];
  let previous: { attributed: boolean; paragraph: number } | undefined;
  let lead: { paragraph: number; sources: boolean } | undefined;
  // After a sentence with a poll or survey as its source, while the sentences after it give its results, in its
  // paragraph or the next ones (a poll's write-up runs over several short paragraphs).
  let pollResults = false;
  for (const sentence of sentences) {
    if (title && overlaps(sentence, title)) continue;
    const span = withoutBullet(text, sentence);
    // The sentence's own text where it is the same (a memo key whose hash is worked out once for all stages).
    const sentenceText = span.start === sentence.start ? sentence.text : text.slice(span.start, span.end);
    const sentenceWords = withoutMarkup(sentenceText);
    // A paragraph that opens on its source ("According to the survey, ...") goes on in that source's words.
    const opensParagraph = lead?.paragraph !== sentence.paragraph;
    if (opensParagraph) {
      lead = { paragraph: sentence.paragraph, sources: ACCORDING_TO_LEAD.test(sentenceWords) && attributedSpans.overlaps(span) };
    }
    const sourcedByLead = !opensParagraph && lead!.sources;
    const pollResult: boolean = pollResults && isPollResult(sentenceWords);
    pollResults = pollSources.overlaps(span) || pollResult;
    // Tokenized once for both readings of a sentence that is one clause (in an analysis, by the entity tagger already),
    // and not at all when the memo knows both.
    let sentenceTokens: Token[] | undefined;
    const tokensOfSentence = () => (sentenceTokens ??= tokensOf(sentenceWords));
    const asserts = () => assertsSomething(sentenceWords, tokensOfSentence());
    if (!(memo ? memo.asserts.remember(sentenceWords, asserts) : asserts())) continue;
    for (const clause of clauses(text, span, attributedSpans)) {
      const whole = clause.span.start === span.start && clause.span.end === span.end;
      const claimText = whole ? sentenceText : text.slice(clause.span.start, clause.span.end);
      const words = whole ? sentenceWords : withoutMarkup(claimText);
      const readWords = () => readClause(words, whole ? tokensOfSentence() : tokenize(words));
      const read = memo ? memo.clauses.remember(words, readWords) : readWords();
      if (!read) continue;
      // A "sentence" that opens in lower case is the rest of the one before, cut by a stray full stop: it shares its source.
      const continues = /^\p{Ll}/u.test(claimText) && previous?.attributed === true && previous.paragraph === sentence.paragraph;
      const quoted = mostlyQuoted(clause.span, quotes.get(sentence.paragraph) ?? []);
      const attributed = clause.attributed || quoted || continues || sourcedByLead || pollResult;
      const { start, end } = clause.span;
      claims.push({ start, end, text: claimText, attributed, reasons: read.reasons.slice(), checkWorthiness: read.checkWorthiness });
      previous = { attributed, paragraph: sentence.paragraph };
    }
  }
  return claims;
}

/** What a clause's words (`tokens`, of `claimText`) alone say of it; null when it is too short to be a claim. */
function readClause(claimText: string, tokens: Token[]): Pick<Claim, 'reasons' | 'checkWorthiness'> | null {
  if (countWords(tokens) < MIN_CLAIM_WORDS) return null;
  return { reasons: claimReasons(claimText, tokens), checkWorthiness: checkWorthiness(claimText) };
}

/** Below this check-worthiness a claim is more likely opinion or scene-setting than a checkable fact. */
export const MIN_CHECK_WORTHINESS = 0.5;
/** From this check-worthiness on, a claim is a strong one: its problem gets the full configured severity. */
export const STRONG_CHECK_WORTHINESS = 0.8;

/** Only claims that name no source, give a reason to check them and read as checkable are worth a diagnostic. */
export function needsSource(claim: Claim): boolean {
  return !claim.attributed && claim.reasons.length > 0 && claim.checkWorthiness >= MIN_CHECK_WORTHINESS;
}

export type ClaimStrength = 'strong' | 'moderate';

export function claimStrength(claim: Claim): ClaimStrength {
  return claim.checkWorthiness >= STRONG_CHECK_WORTHINESS ? 'strong' : 'moderate';
}

/** Why the claim is a problem, with the words that make it one: "a number with no source (“12,000 residents”)". */
export function claimMessage(claim: Claim): string {
  if (claim.attributed) return 'Attributed claim';
  const [reason] = claim.reasons;
  if (!reason) return 'Unattributed claim';
  const evidence = reasonEvidence(withoutMarkup(claim.text), reason);
  const phrase = reason === 'accusation' && evidence && VIOLENCE.test(evidence) ? 'a report of violence' : REASON_PHRASES[reason];
  return `Unattributed claim: ${phrase} with no source${evidence ? ` (“${evidence}”)` : ''}`;
}

/** The words of the claim that triggered a reason; for a number, the number and what it counts. */
function reasonEvidence(text: string, reason: ClaimReason): string | null {
  if (reason === 'number') {
    const tokens = tokenize(text);
    const at = tokens.findIndex((_, i) => isCountedNumber(tokens, i));
    if (at >= 0) {
      const start = at > 0 && /^[$€£]$/.test(tokens[at - 1].text) ? tokens[at - 1].start : tokens[at].start;
      return text.slice(start, countedEnd(text, tokens[at].end));
    }
    const quantity = QUANTITY_WORDS.exec(text);
    return quantity ? text.slice(quantity.index, countedEnd(text, quantity.index + quantity[0].length)) : null;
  }
  const pattern = REASON_PATTERNS.find(([r]) => r === reason)?.[1];
  return pattern?.exec(text)?.[0] ?? null;
}

/**
 * Where the quantity that ends at `from` ends with what it counts: "72-hour cease-fire", "$400 million",
 * "a quarter of a million people", "Hundreds of thousands of civilians"; not "21 and", "2008 for".
 */
function countedEnd(text: string, from: number): number {
  COUNTED.lastIndex = from;
  const counted = COUNTED.exec(text);
  if (!counted) return from;
  const end = from + counted[0].length;
  const noun = counted.groups?.noun;
  const word = noun?.trim().split(/\s+/).pop()?.toLowerCase();
  return word && FUNCTION_WORDS.has(word) ? end - noun!.length : end;
}
/**
 * What each attribution covers: cue, source and content. One without a source attributes only where its cue is
 * active: someone did the saying whom the analysis could not name ("Protesters chanted …", "Stumpf tried to make the
 * case that …"); a passive cue ("It was reported that …", "Prices are expected to …") names no one.
 */
function attributedExtents(text: string, attributions: Attribution[]): Span[] {
  const extents: Span[] = [];
  for (const { cue, source, content } of attributions) {
    if (!source && isPassive(text, cue)) continue;
    const start = Math.min(cue.start, content.start, source?.start ?? Infinity);
    extents.push({ start, end: Math.max(cue.end, content.end, source?.end ?? -Infinity) });
  }
  return extents;
}

/**
 * A sentence is one claim unless an attribution covers only part of it; then it splits where a coordinated clause with
 * a source meets one without: "12,000 people are in shelters, and aid groups warn the number will grow."
 */
function clauses(text: string, sentence: Span, attributedSpans: SpanSet): { span: Span; attributed: boolean }[] {
  // No attribution reaches the sentence, so none reaches a piece of it: the pieces would merge back into the whole.
  if (!attributedSpans.overlaps(sentence)) return [{ span: { start: sentence.start, end: sentence.end }, attributed: false }];
  const pieces: Span[] = [];
  let start = sentence.start;
  for (const match of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)) {
    pieces.push({ start, end: sentence.start + match.index });
    start = sentence.start + match.index + match[0].length;
  }
  pieces.push({ start, end: sentence.end });
  const merged: { span: Span; attributed: boolean }[] = [];
  for (const piece of pieces) {
    const attributed = attributedSpans.overlaps(piece);
    const last = merged[merged.length - 1];
    if (last?.attributed === attributed) last.span = { start: last.span.start, end: piece.end };
    else merged.push({ span: piece, attributed });
  }
  return merged;
}

/**
 * The insides of the quotation marks of each paragraph, and its embedded posts, by paragraph: a paragraph's sentences
 * lie in no other's.
 */
function quotedSpans(text: string, sentences: Sentence[]): Map<number, Span[]> {
  return new Map(mapped(groupByParagraph(sentences), (paragraph) => {
    const span = { start: paragraph[0].start, end: paragraph[paragraph.length - 1].end };
    const quotes = mapped(findQuotes(text, span), (q) => ({ start: q.open + 1, end: q.close }));
    return [paragraph[0].paragraph, [...quotes, ...apostropheQuotes(text, span), ...embeddedPosts(text, span)]];
  }));
}

/** Quotations in two apostrophes, as The New York Times types them: ''No one has captured it,'' he said. */
function apostropheQuotes(text: string, paragraph: Span): Span[] {
  const inside = text.slice(paragraph.start, paragraph.end);
  if (!inside.includes("''")) return [];
  return [...inside.matchAll(APOSTROPHE_QUOTE)].map((m) => ({ start: paragraph.start + m.index + 2, end: paragraph.start + m.index + m[0].length - 2 }));
}

function embeddedPosts(text: string, paragraph: Span): Span[] {
  const inside = text.slice(paragraph.start, paragraph.end);
  if (!inside.includes('<')) return [];
  return [...inside.matchAll(EMBEDDED_POST)].map((m) => ({ start: paragraph.start + m.index, end: paragraph.start + m.index + m[0].length }));
}

/** Tags are no one's words: their attributes (ids, dates) neither make a claim nor give it a number. Spaces keep offsets. */
function withoutMarkup(text: string): string {
  return text.includes('<') ? text.replace(MARKUP_TAG, (tag) => ' '.repeat(tag.length)) : text;
}

/** Quoted words are someone's words, not the reporter's own claim, even where the rules find no speaker. */
function mostlyQuoted(claim: Span, quotes: Span[]): boolean {
  let quoted = 0;
  for (const q of quotes) quoted += Math.max(0, Math.min(q.end, claim.end) - Math.max(q.start, claim.start));
  return quoted * 2 >= claim.end - claim.start;
}

/** Whether a sentence (`tokens`, of `sentence`) states something: not a question, credit line or heading. */
function assertsSomething(sentence: string, tokens: Token[]): boolean {
  const words = tokens.filter(isWordToken);
  if (words.length < MIN_CLAIM_WORDS || QUESTION.test(sentence) || CREDIT.test(sentence) || FURNITURE.test(sentence)) return false;
  if (describesPollMethod(sentence)) return false;
  if (TERMINAL_PUNCTUATION.test(sentence)) return true;
  // Without a full stop, only a line with a verb is a statement; headings, bylines and captions are not.
  return !BYLINE.test(sentence) && words.some((w) => isVerb(w.text));
}

/**
 * Whether a sentence right after a poll's (or its results) states a result of that poll: a share, and not a result
 * no poll gives (NOT_POLL_RESULT), nor one of polls it names itself ("fell 12 points in the polls"), which are the source it gives.
 */
function isPollResult(sentence: string): boolean {
  return POLL_RESULT.test(sentence) && !NOT_POLL_RESULT.test(sentence) && !POLL_NOUN.test(sentence);
}

function describesPollMethod(sentence: string): boolean {
  const method = MARGIN_OF_ERROR.test(sentence) ? !WITHIN_MARGIN.test(sentence) : POLL_NOUN.test(sentence) && POLL_METHOD.test(sentence);
  return method && !POLL_FINDING.test(sentence);
}

function countWords(tokens: Token[]): number {
  return tokens.filter(isWordToken).length;
}

function isVerb(word: string): boolean {
  const lower = word.toLowerCase();
  if (AUXILIARY_VERBS.has(lower) || REPORTING_VERBS.has(word) || ADDRESSEE_VERBS.has(word)) return true;
  return word === lower && /\p{L}{2}ed$/u.test(word);
}

function claimReasons(sentence: string, tokens: Token[]): ClaimReason[] {
  const reasons: ClaimReason[] = hasQuantity(sentence, tokens) ? ['number'] : [];
  for (const [reason, pattern] of REASON_PATTERNS) if (pattern.test(sentence)) reasons.push(reason);
  return reasons;
}

/** Numbers and quantity words, but not the numbers of dates and times ("October 15", "2016", "14:00") or ages. */
function hasQuantity(sentence: string, tokens: Token[]): boolean {
  return QUANTITY_WORDS.test(sentence) || tokens.some((_, i) => isCountedNumber(tokens, i));
}

/** A number that counts or measures something: not a date's or a time's, an age, a name's or part of a word. */
function isCountedNumber(tokens: Token[], i: number): boolean {
  return /^\p{N}/u.test(tokens[i].text) && !isDatePart(tokens, i) && !isAge(tokens, i) && !isTimeOfDay(tokens, i) &&
    !isDesignation(tokens, i) && !isInsideWord(tokens, i);
}

/** Time zones and the halves of the day after a clock time: "0900 GMT", "1530 EST", "8am", "4 p.m.", "12 noon". */
const CLOCK_WORDS: ReadonlySet<string> = new Set([
  'gmt', 'utc', 'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'ist', 'jst',
  'am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.', 'noon', 'midnight',
]);

/** A clock time ("at 0900 GMT", "at 8am") dates an event; it counts nothing. */
function isTimeOfDay(tokens: Token[], i: number): boolean {
  return /^\d{1,4}(?:\.\d\d)?$/.test(tokens[i].text) && CLOCK_WORDS.has(tokens[i + 1]?.text.toLowerCase() ?? '');
}

/**
 * Nouns whose number names one of a series, not a quantity: "No. 1", "Ward 8", "Channel 125", "Chapter 11",
 * "Unit 2", "Route 66", and share indexes and lists named by how many they hold: "FTSE 100", "Fortune 500".
 */
const NUMBERED_NOUNS: ReadonlySet<string> = new Set([
  'No.', 'Nos.', 'Number', 'Ward', 'Precinct', 'Channel', 'Radio', 'Chapter', 'Section', 'Article', 'Title', 'Room', 'Suite',
  'Route', 'Highway', 'Interstate', 'Pier', 'Gate', 'Terminal', 'Platform', 'Flight', 'Unit', 'Block', 'Series', 'Episode',
  'Season', 'Volume', 'Vol.', 'Proposition', 'Prop.', 'Apollo', 'Formula', 'Category', 'Game', 'FTSE', 'Nikkei', 'Fortune',
]);

function isDesignation(tokens: Token[], i: number): boolean {
  return NUMBERED_NOUNS.has(tokens[i - 1]?.text ?? '');
}

/**
 * Digits between letters with no space are part of a word, as mis-decoded text leaves them ("GÃ1⁄4len" for "Gülen"),
 * not a number; "$400m" and "5km" still count.
 */
function isInsideWord(tokens: Token[], i: number): boolean {
  const [before, token, after] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  const gluedBefore = !!before && before.end === token.start && /[\p{L}⁄]$/u.test(before.text);
  return gluedBefore && !!after && after.start === token.end && /^\p{L}/u.test(after.text);
}

/** The last words of the gazetteers' places and countries ("Ohio", "Carolina"): a number after one is no age. */
const PLACE_WORDS: ReadonlySet<string> = new Set([...COUNTRIES, ...PLACES].map((place) => place.split(' ').pop()!));

/**
 * An age is a detail of record, not a claim that needs a source: "Singh, 47, voted ...", "his 41-year-old son",
 * "a 5-year-old conflict", "aged 63", "at age 23", "is 70 years old".
 */
function isAge(tokens: Token[], i: number): boolean {
  if (!/^\d{1,3}$/.test(tokens[i].text)) return false;
  const [before, after] = [tokens[i - 1]?.text.toLowerCase(), tokens[i + 1]?.text.toLowerCase()];
  if (after === '-' && /^years?-old$/.test(tokens[i + 2]?.text.toLowerCase() ?? '')) return true;
  if (/^years?$/.test(after ?? '') && tokens[i + 2]?.text.toLowerCase() === 'old') return true;
  if (before === 'aged' || before === 'age') return true;
  // An appositive after a person's name: "Singh, 47, voted", "Jane Doe, 38)", a caption's "Richard Osman (left), 40.";
  // after a place it counts something ("won Florida, 29, and Ohio, 18": delegates).
  const name = tokens[tokens[i - 2]?.text === ')' ? openingBracket(tokens, i - 2) - 1 : i - 2]?.text ?? '';
  const closes = after === ',' || after === ')' || (after === '.' && i + 2 === tokens.length);
  return before === ',' && /^\p{Lu}/u.test(name) && !PLACE_WORDS.has(name) && closes;
}

/** The index of the "(" that the ")" at `close` ends (its own index when there is none). */
function openingBracket(tokens: Token[], close: number): number {
  let k = close - 1;
  while (k >= 0 && tokens[k].text !== '(' && tokens[k].text !== ')') k--;
  return tokens[k]?.text === '(' ? k : close;
}

function isDatePart(tokens: Token[], i: number): boolean {
  const value = tokens[i].text;
  const next = tokens[i + 1]?.text.toLowerCase() ?? '';
  if (value.endsWith('%') || next === '%' || next === 'percent') return false;
  if (/^(?:1[6-9]|20)\d\d$/.test(value) || /[:/]/.test(value)) return true;
  const isMonth = (token: Token | undefined) => !!token && MONTHS.has(token.text.toLowerCase().replace(/\.$/, ''));
  return isMonth(tokens[i - 1]) || isMonth(tokens[i + 1]);
}

function withoutBullet(text: string, span: Span): Span {
  const bullet = LEADING_BULLET.exec(text.slice(span.start, span.end));
  return { start: span.start + (bullet ? bullet[0].length : 0), end: span.end };
}

/** Tag for a case-insensitive whole-word pattern: comma-separated alternatives in raw regex syntax, any space a gap. */
function anyOf(strings: TemplateStringsArray, ...lists: string[]): RegExp {
  const alternatives = String.raw(strings, ...lists).split(',').map((a) => a.trim().replace(/\s+/g, '\\s+'));
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
}

/** "was reported", "are expected", "It is believed": a form of "be" in the cue or just before it. */
function isPassive(text: string, cue: Span): boolean {
  const before = text.slice(Math.max(0, cue.start - 24), cue.start).split(/\s+/).slice(-3).join(' ');
  return PASSIVE_AUXILIARY.test(`${before} ${text.slice(cue.start, cue.end)}`);
}
