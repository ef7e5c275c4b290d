// What signals reported speech: reporting words (with the closed word classes that bound a source or its content) and
// quotation marks. Word lists are lower case; callers compare lower-cased token text.
import type { EntityMention, Sentence, Span } from './types';
import { mapped } from './arrays';
import { firstEndingAfter } from './text';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Reporting verbs that introduce content on either side: "Kerry said ...", "..., the ministry said." */
export const REPORTING_VERBS = words(`
  say says said added adds warn warns warned accuse accuses accused deny denies denied insist insists insisted reported
  stated announced announces claim claims claimed argue argues argued noted notes explained explains acknowledged
  acknowledges conceded concedes confirmed confirms reiterated reiterates suggest suggests suggested believe believes
  believed charged alleged alleges asserted asserts stressed stresses emphasized emphasised mentioned admitted admits
  declared declares predicted predicts estimated estimates wrote writes tweeted maintained maintains countered replied
  responded charges reports contend contends contended recalled recalls testified testifies observed remarked concluded
  concludes
`);

/** Verbs that take an addressee before the content: "told reporters that ...", "told a Russian newspaper ...". */
export const ADDRESSEE_VERBS = words('tell tells told');

/**
 * Reporting verbs that are often not about speech ("added fuel", "claims more territory"); they count only with a
 * reporting frame: a that-clause, a quotation, or content on the other side of a comma.
 */
export const FRAME_ONLY_VERBS = words(`
  added adds claim claims claimed noted notes charged charges suggest suggests suggested believe believes believed maintained
  maintains estimated estimates stressed stresses wrote writes mentioned reported reports observed concluded concludes
`);

/** Participles that continue the previous cue's source: "..., adding that ...", "..., saying ...". */
export const CONTINUING_PARTICIPLES = words(`
  adding saying noting warning insisting arguing explaining accusing denying stressing claiming stating telling
  asserting acknowledging alleging suggesting confirming
`);

/** Multi-word cues, alternatives separated by "|". `sourceless` cues name no source ("it was reported that ..."). */
export const PHRASE_CUES: ReadonlyArray<{ words: string[][]; kind: 'according' | 'verb' | 'sourceless' }> = [
  { words: parse('according to'), kind: 'according' },
  { words: parse('is|was|were|are quoted as saying'), kind: 'verb' },
  { words: parse('it is|was reported|announced|alleged|claimed|said'), kind: 'sourceless' },
  { words: parse('it has|had been reported|announced|alleged|claimed|said'), kind: 'sourceless' },
];

/**
 * A poll, study or count (singular forms; plurals in -s or -ies count too) that a preposition names as the source of
 * the clause it opens or ends: "In the CBS poll, Trump's lead narrowed", "Cruz had 38 percent in a Fox poll.", "By one
 * estimate, 300,000 acres ...", "By his own admission, ...".
 */
export const EVIDENCE_NOUNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['in', words('poll survey study report analysis census audit tally count estimate projection')],
  ['by', words('estimate count tally calculation admission account reckoning')],
]);

/** Words that may follow a poll's or count's name in its phrase: "a poll released Monday", "polls from Quinnipiac". */
export const EVIDENCE_MODIFIERS = words('released conducted published taken out from of among');

/**
 * Verbs that state what a record or a count found ("filings show ...", "a study found ...", "One ranking puts his
 * fortune at ..."); they are a cue only when their subject names one of DOCUMENT_NOUNS: "Police found 3 bodies" is not.
 */
export const FINDING_VERBS = words(`
  show shows showed shown find finds found reveal reveals revealed indicate indicates indicated put puts peg pegs pegged
`);

/**
 * Records and counts that can be a finding's source (singular forms; plurals in -s or -ies count too). "figures",
 * "records" and "numbers" only in the plural: "a key figure", "a record crowd" and "a number of residents" are not.
 */
export const DOCUMENT_NOUNS = words(`
  poll polling survey study report analysis census audit tally count estimate projection data figures records filing
  document statistic numbers ranking review investigation research
`);

/** Auxiliaries that belong to the cue: "has warned", "have accused". */
export const CUE_AUXILIARIES = words('has have had');

/** Adverbs that open a sentence ("So it says", "Now you're talking about"), which the tagger may take for a source. */
export const SENTENCE_ADVERBS = words('so now');

/** Adverbs that may sit between a source and its cue ("he also said") or after a cue. */
export const CUE_ADVERBS = words(`
  also later earlier previously then again repeatedly recently publicly privately reportedly however meanwhile though
  too further separately
`);

/** Words that end a clause's noun phrase: verbs of being and auxiliaries, modals, subordinators, negation. */
export const CLAUSE_WORDS = words(`
  is are was were be been being am has have had do does did will would can could may might must shall should that which
  who whom whose when where while because if although though since unless until as than not no there but or so yet
  whether after before
`);

export const PREPOSITIONS = words(`
  in on at to from with by about after before during over under into onto against among between through without within
  across near toward towards per via amid despite following including like outside inside behind beyond upon
`);

/** Words that join the parts of one noun phrase: "Secretary of State", "state media and a monitoring group". */
export const NOUN_PHRASE_LINKS = words('of for and &');

/** Forms of "be" that make a participle passive: "has been criticized", "was asked". */
export const PASSIVE_AUXILIARIES = words('is are was were be been being');

/** Participles not in -ed or -en that a passive cue ends on: "was told by", "is seen by". */
export const IRREGULAR_PARTICIPLES = words('told seen known thought held heard led made said shown won struck brought caught');

/**
 * Participles of feeling, whose subject holds the stance and whose "by" names its cause: "Neither man was impressed by
 * Mrs. Clinton", "Policymakers have been startled by ...".
 */
export const FEELING_PARTICIPLES = words(`
  impressed startled angered outraged intrigued scared stressed surprised shocked worried alarmed disappointed
  frustrated pleased troubled concerned encouraged frightened upset annoyed bothered delighted dismayed horrified moved
  inspired offended amused baffled puzzled stunned heartened embarrassed confused excited thrilled saddened appalled
  disturbed insulted convinced persuaded fascinated relieved terrified tired irritated
`);

export const SUBJECT_PRONOUNS = words('he she they it we i you');

export const DETERMINERS = words('a an the his her their its our my your this these those some several');

/** Words of a time adjunct after a cue: "warned Sunday", "reported Friday morning", "on October 17". */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight overnight morning afternoon
  evening night day week month year weekend earlier later recently also again january february march april june july
  august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
`);

/** Words that make a time adjunct only before a time word: "last week", but not "this is". */
export const TIME_MODIFIERS = words('last this next early late');

/** Prepositions that open an adjunct after a cue ("said in a statement", "said after the meeting"), not content. */
export const ADJUNCT_PREPOSITIONS = words('in on at to after before during following via from through');

export const QUOTE_MARKS = '"“”\'‘’';
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * A quotation inside a paragraph, by the indices of its marks. A quotation carried over from the previous paragraph
 * opens just before the paragraph; one still open at the paragraph's end closes there.
 */
export interface Quote {
  open: number;
  close: number;
}

/** What the attribution rules read at once: a sentence, or the sentences of a paragraph one quotation runs across. */
export interface QuotedUnit {
  span: Span;
  /** The quotations of the unit's paragraph. */
  quotes: Quote[];
}

export function quotedUnits(text: string, sentences: Sentence[]): QuotedUnit[] {
  const units: QuotedUnit[] = [];
  for (const paragraph of groupByParagraph(sentences)) {
    const quotes = findQuotes(text, { start: paragraph[0].start, end: paragraph[paragraph.length - 1].end });
    const spans: Span[] = [];
    for (const sentence of paragraph) {
      const last = spans[spans.length - 1];
      if (last && quotes.some((q) => q.open < last.end && q.close >= last.end)) last.end = sentence.end;
      else spans.push({ start: sentence.start, end: sentence.end });
    }
    for (const span of spans) units.push({ span, quotes });
  }
  return units;
}

export function groupByParagraph(sentences: Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  for (const sentence of sentences) {
    const last = groups[groups.length - 1];
    if (last && last[0].paragraph === sentence.paragraph) last.push(sentence);
    else groups.push([sentence]);
  }
  return groups;
}

/**
 * Paragraphs (their sentences) as memo keys: the entity mentions in each (places and types), the sentences' places in
 * it, then its text. All that tagging and the rules read of a paragraph, so equal keys mean equal results, at offsets
 * into the paragraph. Worked out once for both memos, with one pass over the mentions.
 */
export function paragraphKeys(text: string, paragraphs: readonly Sentence[][], entities: readonly EntityMention[]): string[] {
  const mentionsIn = mapped(paragraphs, () => '');
  const spans = mapped(paragraphs, (group) => ({ start: group[0].start, end: group[group.length - 1].end }));
  for (const e of entities) {
    // Paragraphs are in order and apart: from the first that ends after the mention starts, while they start before it ends.
    for (let p = firstEndingAfter(spans, e.start); p < paragraphs.length && paragraphs[p][0].start < e.end; p++) {
      const at = paragraphs[p][0].start;
      mentionsIn[p] += `${e.start - at},${e.end - at},${e.type} `;
    }
  }
  return mapped(paragraphs, (group, p) => {
    const at = group[0].start;
    let key = `${mentionsIn[p]}|`;
    for (const s of group) key += `${s.start - at},${s.end - at} `;
    return `${key}|${text.slice(at, spans[p].end)}`;
  });
}

/** QUOTE_MARKS, found by a regular expression: faster than reading every character. */
const MARKS = /["“”'‘’]/g;

/** Pairs the quotation marks of a paragraph. Apostrophes ("isn't", "Kerry’s") are no marks: a letter follows them. */
export function findQuotes(text: string, paragraph: Span): Quote[] {
  const quotes: Quote[] = [];
  let openDouble = -1;
  let openSingle = -1;
  let sawDouble = false;
  for (const found of text.slice(paragraph.start, paragraph.end).matchAll(MARKS)) {
    const i = paragraph.start + found.index;
    const mark = found[0];
    const before = i > paragraph.start ? text[i - 1] : ' ';
    const after = i + 1 < paragraph.end ? text[i + 1] : ' ';
    if (mark === '"' || mark === '“' || mark === '”') {
      if (doubleMarkOpens(mark, before, after, openDouble >= 0)) {
        openDouble = i;
      } else {
        if (openDouble >= 0) quotes.push({ open: openDouble, close: i });
        // A closing mark with no opener continues a quotation from the previous paragraph.
        else if (!sawDouble) quotes.push({ open: paragraph.start - 1, close: i });
        openDouble = -1;
      }
      sawDouble = true;
    } else if ((mark === "'" || mark === '‘') && openSingle < 0 && /[\s(["“]/.test(before) && ALNUM.test(after)) {
      openSingle = i;
    } else if ((mark === "'" || mark === '’') && openSingle >= 0 && /\S/.test(before) && !ALNUM.test(after)) {
      quotes.push({ open: openSingle, close: i });
      openSingle = -1;
    }
  }
  if (openDouble >= 0) quotes.push({ open: openDouble, close: paragraph.end });
  return quotes;
}

/**
 * Curly marks say which way they face; a straight one faces away from its space, or toggles when spaced both sides.
 * An opening mark typed where a closing one belongs ('51 percent.“') closes the open quotation: it faces away from
 * its space, and a quotation does not open inside another with the same mark.
 */
function doubleMarkOpens(mark: string, before: string, after: string, isOpen: boolean): boolean {
  const spaceBefore = /[\s([{—–-]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]}]/.test(after);
  if (mark === '“') return !(isOpen && !spaceBefore && spaceAfter);
  if (mark === '”') return false;
  return spaceBefore === spaceAfter ? !isOpen : spaceBefore;
}

function parse(phrase: string): string[][] {
  return phrase.split(' ').map((word) => word.split('|'));
}
