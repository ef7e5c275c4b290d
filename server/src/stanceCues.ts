// Stance cues: verbs by which a named holder states a position of their own ("Sanders criticized the deal", "The
// council plans to vote on Friday"). PolNeAR annotates them as attributions, and a fact-checker reads the claim as the
// holder's; the tagger, which learned mostly verbs of saying, misses some of them. Events the reporter asserts ("was
// charged with", "voted for", "signed") are no stance and stay the reporter's claims.
import {
  CLAUSE_WORDS, CUE_ADVERBS, CUE_AUXILIARIES, DETERMINERS, NOUN_PHRASE_LINKS, PREPOSITIONS, SUBJECT_PRONOUNS, findQuotes,
  groupByParagraph, type Quote,
} from './cues';
import { SpanSet } from './spanSet';
import { type SpanTokens, isWordToken, slice, spanTokens } from './text';
import type { Attribution, EntityMention, Sentence, Span, Token } from './types';

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/**
 * Each stance verb with the words that may follow it (null: any word, the verb's object). Chosen by counts on PolNeAR
 * train: verbs (with the complement shown) that are a gold cue in at least 70 % of their occurrences with a named,
 * pronoun or noun-phrase subject outside another attribution's content (criticize 31 of 33, vow to 17 of 18, plan to 18
 * of 23, think 51 of 68, question 23 of 31, refuse to 21 of 23, hope 14 of 20, expect 4 of 5). Not "want to" (24 of
 * 36), "support" (44 of 71), "seek to" (30 of 43), "back" (7 of 16), "X's plan" (23 of 76), nor "threaten to", whose
 * subject is often a thing ("the primary threatens to ...").
 */
const STANCE_VERBS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ...forms('criticize criticizes criticized criticise criticises criticised endorse endorses endorsed oppose opposes opposed', null),
  ...forms('urge urges urged praise praises praised blame blames blamed reject rejects rejected condemn condemns condemned', null),
  ...forms('defend defends defended propose proposes proposed question questions questioned', null),
  ...forms('slam slams slammed blast blasts blasted denounce denounces denounced dismiss dismisses dismissed', null),
  ...forms('lament laments lamented mock mocks mocked hail hails hailed', null),
  ...forms('think thinks thought', 'that'),
  ...forms('plan plans planned vow vows vowed pledge pledges pledged refuse refuses refused', 'to'),
  ...forms('worry worries worried', 'that about'),
  ...forms('promise promises promised hope hopes hoped expect expects expected', 'to that'),
  ...forms('agree agrees agreed', 'that to with'),
  ...forms('call calls called', 'for on'),
]);

/** Verbs that follow a noun, not a stance verb: "Nomination questions are likely to ...". */
const AUXILIARIES = new Set(words('is are was were be been am has have had do does did will would can could may might must should'));

/** Words after a verb that belong to the cue: "called for", "called on". */
const PARTICLES = new Set(words('for on'));

/** Finds sentences worth tokenizing: most have no stance verb. */
const STANCE_WORD = new RegExp(`\\b(?:${[...STANCE_VERBS.keys()].join('|')})\\b`);

/** Subject pronouns that name a holder, as sources.ts resolves them ("it" an organization); a generic "you" does not. */
const SINGULAR_PRONOUNS = new Set(words('he she it'));
const PLURAL_PRONOUNS = new Set(words('they we i'));
/** No subject: "let us praise him". */
const OBJECT_PRONOUNS = new Set(words('me us him them'));

/** Words that open a subordinate clause, whose content ends where the clause does: "if Republicans plan to X, Y". */
const SUBORDINATORS = new Set(words('if when while because as although though since whether after before unless until'));

/** Tokens before which a subject opens its clause: "..., but Republicans plan to", "if Republicans plan to". */
const CLAUSE_OPENERS = new Set([...words(', ; : ( — – - " “ ” ‘ ’ and but'), ...SUBORDINATORS]);

/** Longest subject noun phrase read, as for the rules' sources. */
const MAX_SUBJECT_TOKENS = 8;

/**
 * Attributions for stance verbs whose subject is a named person or organization, a pronoun, or a title or group noun
 * phrase: the verb (with an auxiliary or particle) as cue, the subject as source, what follows as content. Only where
 * the cue and subject are no part of `attributed` (what other attributions cover); content stops where one starts
 * ("X condemned Y as Z said ..."). `tokensOf`: the sentences' tokens, when the caller reads them too.
 */
export function stanceAttributions(
  text: string,
  sentences: Sentence[],
  entities: EntityMention[],
  attributed: readonly Span[],
  tokensOf: SpanTokens = spanTokens(text),
): Attribution[] {
  const attributions: Attribution[] = [];
  const taken = new SpanSet(attributed);
  for (const paragraph of groupByParagraph(sentences)) {
    const candidates = paragraph.filter((s) => STANCE_WORD.test(s.text));
    if (!candidates.length) continue;
    const quotes = findQuotes(text, { start: paragraph[0].start, end: paragraph[paragraph.length - 1].end });
    for (const sentence of candidates) {
      const tokens = tokensOf(sentence);
      for (const { cue, source, content } of sentenceStances(tokens, entities, quotes)) {
        if (taken.overlaps(cue) || taken.overlaps(source)) continue;
        const cut = contentBefore(tokens, content, attributed.filter((a) => a.start > cue.end && a.start < content.end));
        if (!cut || taken.overlaps(cut)) continue;
        attributions.push({ cue: slice(text, cue), source: slice(text, source), content: slice(text, cut) });
      }
    }
  }
  return attributions;
}

interface Stance { cue: Span; source: Span; content: Span }

function sentenceStances(tokens: Token[], entities: EntityMention[], quotes: Quote[]): Stance[] {
  const found: Stance[] = [];
  tokens.forEach((token, i) => {
    const following = STANCE_VERBS.get(token.text);
    if (following === undefined || quotes.some((q) => q.open < token.start && token.start < q.close)) return;
    const next = tokens[i + 1]?.text.toLowerCase();
    const object = isWordToken(tokens[i + 1]) && !PREPOSITIONS.has(next!) && !AUXILIARIES.has(next!);
    if (following ? !next || !following.has(next) : !object) return;
    const particle = PARTICLES.has(next!) ? 1 : 0;
    const first = cueStart(tokens, i);
    const source = holder(tokens, first - 1, entities, verbNumber(token.text));
    const subordinate = !!source && SUBORDINATORS.has(lower(tokens, tokenAt(tokens, source.start) - 1));
    const content = contentAfter(tokens, i + 1 + particle, subordinate);
    if (source && content) found.push({ cue: span(tokens, first, i + particle), source, content });
  });
  return found;
}

/**
 * The content up to the first of `later` (attributions that start inside it), without the punctuation or the function
 * words ("over", "and") left before it.
 */
function contentBefore(tokens: Token[], content: Span, later: readonly Span[]): Span | null {
  const end = Math.min(content.end, ...later.map((a) => a.start));
  if (end === content.end) return content;
  const words = tokens.filter((t) => t.start >= content.start && t.end <= end && isWordToken(t));
  while (words.length && isFunctionWord(words[words.length - 1])) words.pop();
  return words.length ? { start: content.start, end: words[words.length - 1].end } : null;
}

function isFunctionWord(token: Token): boolean {
  const word = token.text.toLowerCase();
  return CLAUSE_WORDS.has(word) || PREPOSITIONS.has(word) || DETERMINERS.has(word) || NOUN_PHRASE_LINKS.has(word);
}

/** "has long opposed", "also urged": the auxiliary belongs to the cue, adverbs are skipped. */
function cueStart(tokens: Token[], verb: number): number {
  let k = verb - 1;
  while (CUE_ADVERBS.has(lower(tokens, k))) k--;
  return CUE_AUXILIARIES.has(lower(tokens, k)) ? k : verb;
}

type VerbNumber = 'singular' | 'plural' | 'any';

/** "plans" wants a singular subject, "plan" a plural one (else it is the noun: "his long-shot plan to"), "planned" any. */
function verbNumber(verb: string): VerbNumber {
  if (verb.endsWith('s') && STANCE_VERBS.has(verb.slice(0, -1))) return 'singular';
  return STANCE_VERBS.has(`${verb}s`) ? 'plural' : 'any';
}

/**
 * The subject ending at token `end` (adverbs skipped) when it opens its clause, agrees with the verb and names a
 * holder: a pronoun, a phrase ending in a person or organization, or a noun phrase with a determiner, a capital or a
 * plural head ("the council", "Democrats", "many economists"). A possessive, a number, a negated auxiliary ("didn't")
 * or a bare determiner is not one.
 */
function holder(tokens: Token[], end: number, entities: EntityMention[], number: VerbNumber): Span | null {
  while (CUE_ADVERBS.has(lower(tokens, end))) end--;
  if (end < 0) return null;
  const pronoun = lower(tokens, end);
  if (SINGULAR_PRONOUNS.has(pronoun) || PLURAL_PRONOUNS.has(pronoun)) {
    const agrees = number === 'any' || (number === 'singular') === SINGULAR_PRONOUNS.has(pronoun);
    return agrees && opensClause(tokens, end) ? span(tokens, end, end) : null;
  }
  let start = end;
  while (start > 0 && end - start + 1 < MAX_SUBJECT_TOKENS && isNounPhraseToken(tokens, start - 1)) start--;
  const head = tokens[end];
  const headless = !isNounPhraseToken(tokens, end) || /^['’]/.test(head.text) || DETERMINERS.has(head.text.toLowerCase());
  if (headless || !opensClause(tokens, start)) return null;
  const named = entities.some((e) => e.end === head.end && (e.type === 'PERSON' || e.type === 'ORGANIZATION'));
  const plural = /\p{Ll}s$/u.test(head.text);
  if (number === 'plural' ? !plural : number === 'singular' && plural && !named) return null;
  const determined = DETERMINERS.has(lower(tokens, start)) || tokens.slice(start, end).some((t) => /^['’]s?$/.test(t.text));
  const described = determined || plural || /^\p{Lu}/u.test(head.text);
  return named || described ? span(tokens, start, end) : null;
}

function opensClause(tokens: Token[], start: number): boolean {
  return start === 0 || CLAUSE_OPENERS.has(lower(tokens, start - 1));
}

function isNounPhraseToken(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (/^['’]s?$/.test(token.text)) return i > 0 && tokens[i - 1].end === token.start;
  const word = token.text.toLowerCase();
  const pronoun = SUBJECT_PRONOUNS.has(word) || OBJECT_PRONOUNS.has(word);
  const functionWord = CLAUSE_WORDS.has(word) || PREPOSITIONS.has(word) || pronoun || /n['’]t$/.test(word);
  if (!isWordToken(token) || functionWord) return word === 'of' || word === '&';
  return !CLAUSE_OPENERS.has(word);
}

/**
 * The rest of the sentence after the cue (of a subordinate clause: up to its comma or dash), without "that" or the
 * closing punctuation; null when nothing is left.
 */
function contentAfter(tokens: Token[], from: number, subordinate: boolean): Span | null {
  const first = lower(tokens, from) === 'that' ? from + 1 : from;
  if (!isWordToken(tokens[first]) && !/^["“‘]$/.test(tokens[first]?.text ?? '')) return null;
  let last = tokens.length - 1;
  if (subordinate) {
    const clauseEnd = tokens.findIndex((t, k) => k > first && /^[,;—–]$/.test(t.text));
    if (clauseEnd > 0) last = clauseEnd - 1;
  }
  while (last > first && /^[.,;:!?…]$/.test(tokens[last].text)) last--;
  return span(tokens, first, last);
}

function tokenAt(tokens: Token[], start: number): number {
  return tokens.findIndex((t) => t.start === start);
}

function lower(tokens: Token[], i: number): string {
  return tokens[i]?.text.toLowerCase() ?? '';
}

function span(tokens: Token[], first: number, last: number): Span {
  return { start: tokens[first].start, end: tokens[last].end };
}

function forms(list: string, following: string | null): [string, ReadonlySet<string> | null][] {
  const allowed = following === null ? null : new Set(words(following));
  return words(list).map((word) => [word, allowed]);
}
