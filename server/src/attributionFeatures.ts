// The features of the attribution tagger, in one place so that training and the editor read the same: names for the
// trainer, which keys weights by name, and integer ids for the editor (attributionScorer.ts), through one visitor.
import { mapped } from './arrays';
import { TAGS, type TaggedParagraph } from './attributionTagger';
import type { Quote } from './cues';
import { TITLES } from './lexicons';
import { firstStartingFrom } from './text';
import type { Span } from './types';

const QUOTE_MARK = /^["“”'‘’]$/;

function shape(word: string): string {
  if (/^\p{Lu}+$/u.test(word)) return word.length > 1 ? 'XX' : 'X';
  if (/^\p{Lu}/u.test(word)) return 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return word;
}

/** A crude stem, so "criticized", "criticizes" and "criticizing" share weights. */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s|ly)$/, (suffix, at: number) => (at >= 3 ? '' : suffix));
}

const BUCKETS = ['0', '1', '2', '3', '4-6', '7-10', '11-20', '21+'];

/** Index in BUCKETS of a distance in tokens. */
function bucket(distance: number): number {
  return distance <= 3 ? distance : distance <= 6 ? 4 : distance <= 10 ? 5 : distance <= 20 ? 6 : 7;
}

/**
 * Every template of a feature's name: the name starts with one and goes on with the parts joined by "|"
 * (featureName). Features are visited with a template's number, its index here, so that the editor finds the
 * template by index rather than by hashing its name at every feature of every token.
 */
export const TEMPLATES = [
  'b', 'w=', 'sh=', 's3=', 'pre4=', 's2=', 'st=', 'p3=', 'p2=', 'p1=', 'n1=', 'n2=', 'n3=',
  'p1w=', 'wn1=', 'shp=', 'p1n1=', 'n1n2=', 'p2p1=', 'st1=', 'pcue|', 'ncue|',
  'q', 'qo', 'qc', 'qm', 'ss', 'se', 'ps', 'cue', 'nocue', 'nocue-paragraph',
  'cl=', 'cld=', 'cls=', 'cl-that', 'cl-comma', 'cr=', 'crd=', 'crs=', 'cr-comma', 'cue-both',
  'ent=', 'entcl=', 'entcr=', 'entp=', 'entn=', 'title', 'title-lower', 'qcr=', 'qcl=', 'q-nocue',
  't1=', 't1p=', 't1n=', 't1pn=', 't1p2=', 't1n2=',
  'pcl=', 'pclw=', 'pcl-comma', 'pcr=', 'pcrw=', 'pcr-comma', 'pnocue', 'pnocue-paragraph',
  'psrc-left', 'psrc-right', 'pcon-left', 'pcon-right',
] as const;
type TemplateName = (typeof TEMPLATES)[number];
const TEMPLATE_NUMBERS = new Map<string, number>(TEMPLATES.map((name, n) => [name, n]));
/** Template numbers by name, for the visitors here. */
const T = Object.fromEntries(TEMPLATE_NUMBERS) as Record<TemplateName, number>;

/** The number of a template in TEMPLATES, given its name (up to the first "=" or "|" of a feature's name). */
export function templateNumber(name: string): number | undefined {
  return TEMPLATE_NUMBERS.get(name);
}

/**
 * Receives one feature of token i: its template's number in TEMPLATES and its parts. The parts are what `part` made
 * of each string: the string itself for the trainer, which keys weights by name, and an integer id for the editor,
 * which made each token's strings into ids once and looks features up by numbers.
 */
export type FeatureVisitor<P> = (i: number, template: number, a?: P, b?: P, c?: P) => void;

/** What the features read of one token's text, as parts. */
export interface TokenParts<P> {
  word: P;
  shape: P;
  stem: P;
  suffix3: P;
  suffix2: P;
  prefix4: P;
  /** Whether the word is a cue word. */
  cue: boolean;
  /** The feature of a title ("Minister"), or of one written in lower case ("minister"), or null for other words. */
  title: 'title' | 'title-lower' | null;
  /**
   * Where the editor scored the text once: per WORD_OFFSETS, the summed weights of the features read of this token at
   * that offset (visitWordFeatures), both passes side by side; only the rows that are not all zero, in that order,
   * from wordScoresAt on. The array is shared by many words.
   */
  wordScores?: Int32Array;
  wordScoresAt?: number;
  /** Which rows wordScores holds: a bit per index in WORD_OFFSETS. */
  wordRows?: number;
}

/** Makes strings into parts: the editor makes each token's parts once per distinct text. */
export interface PartMaker<P> {
  part(text: string): P;
  token(text: string): TokenParts<P>;
  /** What stands before the first token ("<s>") or after the last ("</s>"). */
  boundary(text: string): TokenParts<P>;
}

/** The parts of a paragraph boundary: only its word is read. */
export function boundaryStrings(text: string): TokenParts<string> {
  return { word: text, shape: text, stem: text, suffix3: text, suffix2: text, prefix4: text, cue: false, title: null };
}

export function tokenStrings(text: string, context: FeatureContext): TokenParts<string> {
  const word = text.toLowerCase();
  const wordStem = stem(word);
  return {
    word, shape: shape(text), stem: wordStem, suffix3: word.slice(-3), suffix2: word.slice(-2), prefix4: word.slice(0, 4),
    cue: context.cueStems.has(wordStem),
    title: TITLES.has(text) ? 'title' : TITLES.has(text[0].toUpperCase() + text.slice(1)) ? 'title-lower' : null,
  };
}

function nameParts(context: FeatureContext): PartMaker<string> {
  return { part: (text) => text, token: (text) => tokenStrings(text, context), boundary: boundaryStrings };
}

/** The name of a feature, given its template's number and its parts. */
export function featureName(template: number, a?: string, b?: string, c?: string): string {
  const name = TEMPLATES[template];
  if (a === undefined) return name;
  if (b === undefined) return name + a;
  return c === undefined ? `${name}${a}|${b}` : `${name}${a}|${b}|${c}`;
}

/** What the features read beside the paragraph itself. */
export interface FeatureContext {
  /** Stems of the words that often are cues in the training data: a rare form learns from the others ("grills"). */
  cueStems: ReadonlySet<string>;
}

/** Feature names of every token (for training, and to check the editor's lookup against). */
export function paragraphFeatures(paragraph: TaggedParagraph, context: FeatureContext): string[][] {
  const names: string[][] = paragraph.tokens.map(() => []);
  visitFeatures(paragraph, nameParts(context), (i, template, a, b, c) => names[i].push(featureName(template, a, b, c)));
  return names;
}

/** Offsets of the tokens whose words a token's features read one at a time (visitWordFeatures). */
export const WORD_OFFSETS = [-3, -2, -1, 0, 1, 2, 3] as const;
/** The template of a neighbour's word, by offset + 3. */
const NEIGHBOUR_TEMPLATES = [T['p3='], T['p2='], T['p1='], -1, T['n1='], T['n2='], T['n3=']];

/**
 * The features a token reads of one token alone, its own (offset 0) or a neighbour's, given the neighbour's parts
 * (a paragraph boundary's parts where there is none).
 */
export function visitWordFeatures<P>(parts: TokenParts<P>, offset: number, visit: (template: number, a: P) => void): void {
  if (offset !== 0) {
    visit(NEIGHBOUR_TEMPLATES[offset + 3], parts.word);
    return;
  }
  visit(T['w='], parts.word); visit(T['sh='], parts.shape); visit(T['s3='], parts.suffix3); visit(T['pre4='], parts.prefix4);
  visit(T['s2='], parts.suffix2); visit(T['st='], parts.stem);
}

/**
 * For each token, the first of `quotes` (in their order) that its start lies inside, found in one sweep: looking
 * through every quotation for every token took time in the square of a paragraph's length when it held many.
 */
function quotesAround(tokens: readonly Span[], quotes: readonly Quote[]): (Quote | undefined)[] {
  const byOpen = mapped(quotes, (quote, index) => ({ quote, index })).sort((a, b) => a.quote.open - b.quote.open);
  // Those opened before the token and not closed yet: few, as findQuotes keeps one double and one single open at most.
  const open: typeof byOpen = [];
  let next = 0;
  return mapped(tokens, ({ start }) => {
    while (next < byOpen.length && byOpen[next].quote.open < start) open.push(byOpen[next++]);
    let first: (typeof byOpen)[number] | undefined;
    let kept = 0;
    for (const around of open) {
      if (around.quote.close <= start) continue;
      open[kept++] = around;
      if (!first || around.index < first.index) first = around;
    }
    open.length = kept;
    return first?.quote;
  });
}

/**
 * Every feature of every token, in token order. The nearest cue word on either side in the sentence, and next to a
 * quotation, tells a token far from any cue that it is content. `word`, where given, takes the features tokens read
 * of single words (visitWordFeatures) instead of their being visited: it gets the parts at every place j from
 * WORD_OFFSETS' first before the paragraph to its last after it (a boundary's outside the paragraph), once each,
 * before any other feature; the token at j - offset reads them at `offset`.
 */
export function visitFeatures<P>(
  paragraph: TaggedParagraph, parts: PartMaker<P>, visit: FeatureVisitor<P>,
  word?: (j: number, parts: TokenParts<P>) => void,
): void {
  const { tokens, sentenceOf, quotes, entityOf } = paragraph;
  const part = (text: string) => parts.part(text);
  const entityParts = new Map(mapped([...new Set(entityOf)], (label) => [label, part(label)]));
  const E = mapped(entityOf, (label) => entityParts.get(label)!);
  const of = mapped(tokens, (t) => parts.token(t.text));
  const quoteAround = quotesAround(tokens, quotes);
  const inQuote = mapped(quoteAround, (quote) => quote !== undefined);
  const isCue = mapped(of, (p, i) => p.cue && !inQuote[i]);
  const isQuoteMark = mapped(tokens, (t) => QUOTE_MARK.test(t.text));
  const opensAt = new Set(mapped(quotes, (q) => q.open));
  const closesAt = new Set(mapped(quotes, (q) => q.close));
  // The first quotation that opens or closes at an offset.
  const quoteMarkedAt = new Map<number, Quote>();
  for (const q of quotes) for (const offset of [q.open, q.close]) if (!quoteMarkedAt.has(offset)) quoteMarkedAt.set(offset, q);
  const [start, end, stemStart] = [part('<s>'), part('</s>'), part(stem('<s>'))];
  const W = mapped(of, (p) => p.word);
  const SH = mapped(of, (p) => p.shape);
  const ST = mapped(of, (p) => p.stem);
  const at = (i: number) => (i < 0 ? start : i >= tokens.length ? end : W[i]);
  const stemAt = (i: number) => (i < 0 ? stemStart : ST[i]);
  const buckets = mapped(BUCKETS, part);
  const [startParts, endParts] = [parts.boundary('<s>'), parts.boundary('</s>')];
  // Nearest cue word to the left and right within the sentence.
  const left: number[] = [];
  const right: number[] = new Array(tokens.length).fill(-1);
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && sentenceOf[i] !== sentenceOf[i - 1]) last = -1;
    left.push(last);
    if (isCue[i]) last = i;
  }
  last = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (i < tokens.length - 1 && sentenceOf[i] !== sentenceOf[i + 1]) last = -1;
    right[i] = last;
    if (isCue[i]) last = i;
  }
  const sentenceHasCue = new Set(sentenceOf.filter((_, i) => isCue[i]));
  const paragraphHasCue = sentenceHasCue.size > 0;
  const cueNear = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(tokens.length - 1, to); k++) if (isCue[k]) return k;
    return -1;
  };
  // Index of the first token at or after an offset (-1 when none): a binary search, as tokens are in order.
  const tokenIndexAt = (offset: number) => {
    const index = firstStartingFrom(tokens, offset);
    return index < tokens.length ? index : -1;
  };
  // How many "that" and "," come before each token, to tell whether one lies between two tokens.
  const thats = [0];
  const commas = [0];
  tokens.forEach(({ text }, k) => {
    thats.push(thats[k] + (text.length === 4 && text.toLowerCase() === 'that' ? 1 : 0));
    commas.push(commas[k] + (text === ',' ? 1 : 0));
  });
  const has = (from: number, to: number, counts: number[]) => from < to && counts[to] > counts[from];
  const partsAt = (j: number) => (j < 0 ? startParts : j >= tokens.length ? endParts : of[j]);
  if (word) for (let j = WORD_OFFSETS[0]; j < tokens.length + WORD_OFFSETS[WORD_OFFSETS.length - 1]; j++) word(j, partsAt(j));

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const w = W[i];
    const sh = SH[i];
    visit(i, T.b);
    if (!word) for (const offset of WORD_OFFSETS) visitWordFeatures(partsAt(i + offset), offset, (template, a) => visit(i, template, a));
    visit(i, T['p1w='], at(i - 1), w); visit(i, T['wn1='], w, at(i + 1)); visit(i, T['shp='], i > 0 ? SH[i - 1] : start, sh);
    visit(i, T['p1n1='], at(i - 1), at(i + 1)); visit(i, T['n1n2='], at(i + 1), at(i + 2)); visit(i, T['p2p1='], at(i - 2), at(i - 1));
    visit(i, T['st1='], stemAt(i - 1), ST[i]);
    if (isCue[i - 1]) visit(i, T['pcue|'], w);
    if (isCue[i + 1]) { visit(i, T['ncue|'], w); visit(i, T['ncue|'], sh); }
    if (inQuote[i]) visit(i, T.q);
    if (isQuoteMark[i]) visit(i, opensAt.has(token.start) ? T.qo : closesAt.has(token.start) ? T.qc : T.qm);
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1]) visit(i, T.ss);
    if (i === tokens.length - 1 || sentenceOf[i] !== sentenceOf[i + 1]) visit(i, T.se);
    if (i === 0) visit(i, T.ps);
    if (isCue[i]) visit(i, T.cue);
    if (!sentenceHasCue.has(sentenceOf[i])) visit(i, paragraphHasCue ? T.nocue : T['nocue-paragraph']);
    if (left[i] >= 0) {
      const d = buckets[bucket(i - left[i])];
      visit(i, T['cl='], W[left[i]]); visit(i, T['cld='], d); visit(i, T['cl='], W[left[i]], d); visit(i, T['cls='], ST[left[i]], sh);
      if (has(left[i] + 1, i, thats)) visit(i, T['cl-that']);
      if (has(left[i] + 1, i, commas)) visit(i, T['cl-comma']);
    }
    if (right[i] >= 0) {
      const d = buckets[bucket(right[i] - i)];
      visit(i, T['cr='], W[right[i]]); visit(i, T['crd='], d); visit(i, T['cr='], W[right[i]], d); visit(i, T['crs='], ST[right[i]], sh);
      if (has(i + 1, right[i], commas)) visit(i, T['cr-comma']);
    }
    if (left[i] >= 0 && right[i] >= 0) visit(i, T['cue-both']);
    // Sources are mostly names, pronouns and titled people or groups near a cue.
    if (entityOf[i]) {
      visit(i, T['ent='], E[i]);
      if (left[i] >= 0) visit(i, T['entcl='], E[i], buckets[bucket(i - left[i])]);
      if (right[i] >= 0) visit(i, T['entcr='], E[i], buckets[bucket(right[i] - i)]);
    }
    if (i > 0 && entityOf[i - 1]) visit(i, T['entp='], E[i - 1]);
    if (i + 1 < tokens.length && entityOf[i + 1]) visit(i, T['entn='], E[i + 1]);
    const title = of[i].title;
    if (title) visit(i, T[title]);
    const quote = quoteAround[i] ?? (isQuoteMark[i] ? quoteMarkedAt.get(token.start) : undefined);
    if (quote) {
      const close = tokenIndexAt(quote.close);
      const open = tokenIndexAt(quote.open + 1) - 1;
      const after = close >= 0 ? cueNear(close + 1, close + 4) : -1;
      const before = cueNear(open - 6, open - 1);
      if (after >= 0) visit(i, T['qcr='], W[after]);
      if (before >= 0) visit(i, T['qcl='], W[before]);
      if (after < 0 && before < 0) visit(i, T['q-nocue']);
    }
  }
}

/**
 * Features of the second pass: the first pass's roles around the token, and where the first pass put cues, sources
 * and contents in the sentence. This lets a token far from any cue word learn from the cue the first pass found.
 */
export function stackedFeatures(paragraph: TaggedParagraph, first: number[]): string[][] {
  const names: string[][] = first.map(() => []);
  visitStackedFeatures(paragraph, first, (text) => text, (i, template, a, b, c) => names[i].push(featureName(template, a, b, c)));
  return names;
}

/** A token's role in the first pass's window: its tag, or OUTSIDE beyond the paragraph. */
const OUTSIDE = TAGS.length;
const ROLES = TAGS.length + 1;
/** How many windows of five roles (two before a token, its own, two after) there are. */
export const ROLE_WINDOWS = ROLES ** 5;

/** The parts of each role, OUTSIDE's last. */
export function roleParts<P>(part: (text: string) => P): P[] {
  return mapped([...TAGS, '-'], part);
}

/**
 * The features a token reads of the first pass's roles around it, given the window's number (the five roles as the
 * digits of a base-ROLES number, the furthest before first): the editor sums their weights once per window.
 */
export function visitRoleFeatures<P>(window: number, rolePart: readonly P[], visit: (template: number, a: P, b?: P, c?: P) => void): void {
  const role = (k: number) => rolePart[Math.floor(window / ROLES ** (4 - k)) % ROLES];
  visit(T['t1='], role(2)); visit(T['t1p='], role(1), role(2)); visit(T['t1n='], role(2), role(3));
  visit(T['t1pn='], role(1), role(2), role(3)); visit(T['t1p2='], role(0)); visit(T['t1n2='], role(4));
}

/**
 * Every feature of the second pass, in token order. `roles` takes the features token i reads of the roles around it
 * (visitRoleFeatures) where it knows them by window already, instead of their being visited one by one.
 */
export function visitStackedFeatures<P>(
  paragraph: TaggedParagraph, first: number[], part: (text: string) => P, visit: FeatureVisitor<P>,
  roles?: (i: number, window: number) => void,
): void {
  const { sentenceOf, tokens } = paragraph;
  const rolePart = roleParts(part);
  const buckets = mapped(BUCKETS, part);
  const roleAt = (i: number) => (i < 0 || i >= first.length ? OUTSIDE : first[i]);
  const role = (i: number) => rolePart[roleAt(i)];
  const sources = roleAround(first, sentenceOf, 'SOURCE');
  const contents = roleAround(first, sentenceOf, 'CONTENT');
  const isCue = mapped(first, (tag) => CUE_TAGS[tag]);
  // The nearest cue on either side in the sentence, and commas counted up to each token, in one sweep each: looking
  // from every token would take time quadratic in the sentence's length.
  const cueBefore = nearestMarked(isCue, sentenceOf, -1);
  const cueAfter = nearestMarked(isCue, sentenceOf, 1);
  const commas = [0];
  tokens.forEach((token, k) => commas.push(commas[k] + (token.text === ',' ? 1 : 0)));
  const commaBetween = (a: number, b: number) => commas[b] > commas[a + 1];
  // A cue's word, as a part, made once however many tokens read it.
  const cueWords: P[] = [];
  const cueWord = (k: number) => (cueWords[k] ??= part(tokens[k].text.toLowerCase()));
  const paragraphHasCue = isCue.includes(true);
  for (let i = 0; i < first.length; i++) {
    const window = (((roleAt(i - 2) * ROLES + roleAt(i - 1)) * ROLES + first[i]) * ROLES + roleAt(i + 1)) * ROLES + roleAt(i + 2);
    if (roles) roles(i, window);
    else visitRoleFeatures(window, rolePart, (template, a, b, c) => visit(i, template, a, b, c));
    const left = cueBefore[i];
    const right = cueAfter[i];
    if (left >= 0) {
      const d = buckets[bucket(i - left)];
      visit(i, T['pcl='], d); visit(i, T['pcl='], d, role(i)); visit(i, T['pclw='], cueWord(left));
      if (commaBetween(left, i)) visit(i, T['pcl-comma']);
    }
    if (right >= 0) {
      const d = buckets[bucket(right - i)];
      visit(i, T['pcr='], d); visit(i, T['pcr='], d, role(i)); visit(i, T['pcrw='], cueWord(right));
      if (commaBetween(i, right)) visit(i, T['pcr-comma']);
    }
    if (left < 0 && right < 0) visit(i, paragraphHasCue ? T.pnocue : T['pnocue-paragraph']);
    if (sources.before[i]) visit(i, T['psrc-left']);
    if (sources.after[i]) visit(i, T['psrc-right']);
    if (contents.before[i]) visit(i, T['pcon-left']);
    if (contents.after[i]) visit(i, T['pcon-right']);
  }
}

/** Whether each tag is a cue's (B-CUE, I-CUE). */
const CUE_TAGS = TAGS.map((tag) => tag.endsWith('CUE'));

/** For each token, the nearest other marked token of its sentence before it (step -1) or after it (step 1), or -1. */
function nearestMarked(marked: boolean[], sentenceOf: number[], step: -1 | 1): number[] {
  const nearest: number[] = new Array(marked.length).fill(-1);
  let last = -1;
  for (let s = 0; s < marked.length; s++) {
    const i = step === -1 ? s : marked.length - 1 - s; // sweeping towards the tokens that look this way
    if (s > 0 && sentenceOf[i] !== sentenceOf[i + step]) last = -1;
    nearest[i] = last;
    if (marked[i]) last = i;
  }
  return nearest;
}

/** For each token, whether another token of its sentence before (after) it has the role: one sweep each way. */
function roleAround(first: number[], sentenceOf: number[], name: string): { before: boolean[]; after: boolean[] } {
  const tagHas = mapped(TAGS, (tag) => tag.endsWith(name));
  const has = (i: number) => tagHas[first[i]];
  const before: boolean[] = new Array(first.length).fill(false);
  const after: boolean[] = new Array(first.length).fill(false);
  for (let i = 1; i < first.length; i++) if (sentenceOf[i] === sentenceOf[i - 1]) before[i] = before[i - 1] || has(i - 1);
  for (let i = first.length - 2; i >= 0; i--) if (sentenceOf[i] === sentenceOf[i + 1]) after[i] = after[i + 1] || has(i + 1);
  return { before, after };
}
