// Stage 3: named entities. This first recognizer is rule-based (capitalization, context and lexicons); callers depend only
// on EntityRecognizer, so a trained sequence tagger can take its place.
import * as L from './lexicons';
import { tokenize } from './text';
import type { EntityMention, EntityType, Sentence, Span, TextSpan } from './types';

export interface EntityRecognizer {
  recognize(text: string, sentences: Sentence[]): EntityMention[];
}

/** A token as the rules see it; hyphenated compounds like "Turkish-backed" are split into their parts. */
interface Word extends TextSpan {
  /** Forms to look up in lists: the text, plus the title-cased form of an all-caps word ("LISBON"). */
  keys: string[];
  /** Capitalized, or a name behind a particle ("al-Assad"). */
  name: boolean;
}

/** How far capitalization can be trusted: body text, a Title Case headline, or an all-caps line. */
type Mode = 'body' | 'headline' | 'caps';

interface SentenceView {
  words: Word[];
  mode: Mode;
}

/** A recognized span of words [from, to); `strong` when backed by more than capitalization alone. */
interface Found {
  from: number;
  to: number;
  type: EntityType;
  strong: boolean;
}

interface Entry {
  keys: string[];
  type: EntityType;
  strong: boolean;
}

/** Multi-word names looked up word by word in a trie: the longest match wins, and the first entry added for a name. */
class Gazetteer {
  private readonly root: TrieNode = { next: new Map() };

  add(entry: Entry): void {
    let node = this.root;
    for (const key of entry.keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    node.entry ??= entry;
  }

  /** The longest entry that starts at words[i] and ends by `limit`. */
  match(words: Word[], i: number, limit: number): Entry | undefined {
    return longestMatch(this.root, words, i, limit);
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: Entry;
}

function longestMatch(node: TrieNode, words: Word[], i: number, limit: number): Entry | undefined {
  let best: Entry | undefined;
  if (i >= limit) return best;
  for (const key of words[i].keys) {
    const child = node.next.get(key);
    const found = child && (longestMatch(child, words, i + 1, limit) ?? child.entry);
    if (found && (!best || found.keys.length > best.keys.length)) best = found;
  }
  return best;
}

const LEXICON = new Gazetteer();
/** Every word of a lexicon entry: such a word is never split at its hyphens ("Guinea-Bissau", "al-Qaeda"). */
const LEXICON_WORDS = new Set<string>();
const LISTS: [EntityType, string[]][] = [
  ['LOCATION', [...L.COUNTRIES, ...L.PLACES]],
  ['ORGANIZATION', L.ORGANIZATIONS],
  ['MISC', [...L.DEMONYMS, ...L.EVENTS]],
];
for (const [type, list] of LISTS) {
  for (const phrase of list) {
    const keys = tokenize(phrase).map((t) => t.text);
    keys.forEach((k) => LEXICON_WORDS.add(k));
    LEXICON.add({ keys, type, strong: true });
  }
}

const CONNECTORS = new Set(['of', 'for', 'on']);
const OPENERS = new Set([':', '"', '“', '‘', "'", '(', '[']);
/** A dash standing free ends a dateline, so the word after it starts the story. */
const DATELINE_DASHES = new Set(['-', '–', '—']);

const isCapitalized = (s: string) => /^\p{Lu}/u.test(s);
const lower = (w: Word) => w.text.toLowerCase();
const has = (set: ReadonlySet<string>, w: Word | undefined) => !!w && w.keys.some((k) => set.has(k));
const isTitle = (w: Word) => has(L.TITLES, w);
const isOrgHead = (w: Word) => has(L.ORG_HEADS, w);
const isParticle = (w: Word | undefined) => !!w && L.NAME_PARTICLES.has(w.text);
const isCommonAcronym = (s: string) => L.COMMON_ACRONYMS.has(s) || L.COMMON_ACRONYMS.has(s.replace(/s$/, '')); // "TVs"
/** "CNN", "U.N.", "AAAs". */
const isAcronym = (w: Word) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}s?$/u.test(w.text) && !isCommonAcronym(w.text);
/** "al-Assad" → "Assad": the surname as it is also written alone. */
const withoutParticle = (s: string) =>
  s.replace(/^\p{L}+-(?=\p{Lu})/u, (prefix) => (L.NAME_PARTICLES.has(prefix.slice(0, -1).toLowerCase()) ? '' : prefix));

function wordsOf(text: string, span: Span): Word[] {
  const result: Word[] = [];
  for (const token of tokenize(text, span)) {
    for (const part of token.text.includes('-') ? splitCompound(token) : [token]) {
      const titled = part.text.charAt(0) + part.text.slice(1).toLowerCase();
      const allCaps = /^\p{Lu}{2}/u.test(part.text) && part.text === part.text.toUpperCase();
      const keys = allCaps && !L.STOP_WORDS.has(titled.toLowerCase()) ? [part.text, titled] : [part.text];
      const name = isCapitalized(part.text) || withoutParticle(part.text) !== part.text;
      // Fields listed, not spread: an object spread here made the whole recognizer several times slower.
      result.push({ start: part.start, end: part.end, text: part.text, keys, name });
    }
  }
  return result;
}

/** Splits "Turkish-backed" and "Russia-Turkey" into parts but keeps names whole ("al-Assad", "Al-Nusra", "Jean-Marc"). */
function splitCompound(token: TextSpan): TextSpan[] {
  if (LEXICON_WORDS.has(token.text) || withoutParticle(token.text) !== token.text) return [token];
  const parts = token.text.split('-');
  const capitalized = parts.filter(isCapitalized).length;
  const knownPart = parts.some((p) => LEXICON_WORDS.has(p));
  if (capitalized === 0 || (capitalized === parts.length && !knownPart)) return [token];
  let start = token.start;
  return parts.map((text) => {
    const part = { start, end: start + text.length, text };
    start = part.end + 1;
    return part;
  });
}

function modeOf(words: Word[], sentence: Sentence, wholeParagraph: boolean): Mode {
  const letters = words.filter((w) => /^\p{L}/u.test(w.text));
  if (letters.length >= 3 && letters.every((w) => w.text === w.text.toUpperCase())) return 'caps';
  if (!wholeParagraph || /[.!?]["'”’)]*$/.test(sentence.text)) return 'body';
  const content = letters.filter((w) => !L.STOP_WORDS.has(lower(w)));
  const capitalized = content.filter((w) => w.name).length;
  return content.length >= 2 && capitalized >= 0.75 * content.length ? 'headline' : 'body';
}

interface DocumentContext {
  /** Words the article also writes in lowercase: capitalized, they are common words rather than names. */
  lowercase: Set<string>;
  /** Names found in the body on the first pass, to recognize them again without context (second pass). */
  memory: Gazetteer | null;
}

function recognize(text: string, sentences: Sentence[]): EntityMention[] {
  const perParagraph = new Map<number, number>();
  for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  const views: SentenceView[] = sentences.map((s) => {
    const words = wordsOf(text, s);
    return { words, mode: modeOf(words, s, perParagraph.get(s.paragraph) === 1) };
  });
  const doc: DocumentContext = { lowercase: new Set(), memory: null };
  for (const v of views) for (const w of v.words) if (/^\p{Ll}/u.test(w.text)) doc.lowercase.add(w.text);
  doc.memory = remember(views, views.map((v) => (v.mode === 'body' ? tagBody(v.words, doc) : [])), doc);
  const mentions: EntityMention[] = [];
  for (const v of views) {
    for (const f of v.mode === 'body' ? tagBody(v.words, doc) : tagHeadline(v, doc)) {
      const start = v.words[f.from].start;
      const last = v.words[f.to - 1];
      // A name does not end in an initial: its period ends the sentence ("talks about Plan B.").
      const end = /^\p{Lu}\.$/u.test(last.text) ? last.end - 1 : last.end;
      mentions.push({ start, end, text: text.slice(start, end), type: f.type });
    }
  }
  // Sentences come from the caller: keep the promise of sorted, non-overlapping mentions whatever their order.
  mentions.sort((a, b) => a.start - b.start);
  return mentions.filter((m, i) => i === 0 || m.start >= mentions[i - 1].end);
}

/** Builds the article's memory: every name found, plus surnames of full names and the distinctive word of "X Front". */
function remember(views: SentenceView[], found: Found[][], doc: DocumentContext): Gazetteer {
  // Votes per name and type, strong evidence first: one "Inco Ltd" outweighs many bare "Inco" guesses.
  const votes = new Map<string, { keys: string[]; tally: Map<EntityType, { strong: number; weak: number }> }>();
  const vote = (keys: string[], type: EntityType, strong: boolean) => {
    const id = keys.join(' ');
    const entry = votes.get(id) ?? { keys, tally: new Map() };
    const count = entry.tally.get(type) ?? { strong: 0, weak: 0 };
    count[strong ? 'strong' : 'weak']++;
    entry.tally.set(type, count);
    votes.set(id, entry);
  };
  const voteWord = (w: Word, type: EntityType) => {
    vote([w.text], type, true);
    if (withoutParticle(w.text) !== w.text) vote([withoutParticle(w.text)], type, true);
  };
  views.forEach((v, i) => {
    for (const f of found[i]) {
      vote(v.words.slice(f.from, f.to).map((w) => w.text), f.type, f.strong);
      const first = v.words[f.from];
      const last = v.words[f.to - 1];
      if (f.type === 'PERSON' && f.to - f.from >= 2) voteWord(last, 'PERSON');
      const distinctive = !LEXICON.match(v.words, f.from, f.from + 1) && !isTitle(first) && !has(L.GIVEN_NAMES, first)
        && !has(L.GENERIC_ORG_WORDS, first) && !doc.lowercase.has(lower(first));
      if (f.type === 'ORGANIZATION' && f.to - f.from === 2 && isOrgHead(last) && distinctive) voteWord(first, 'ORGANIZATION');
    }
  });
  const memory = new Gazetteer();
  for (const { keys, tally } of votes.values()) {
    const [type, count] = [...tally].sort(([, x], [, y]) => y.strong - x.strong || y.weak - x.weak)[0];
    memory.add({ keys, type, strong: count.strong > 0 });
  }
  return memory;
}

/** Headlines and all-caps lines: capitalization says nothing, so only listed or remembered names count. */
function tagHeadline(view: SentenceView, doc: DocumentContext): Found[] {
  const { words } = view;
  const found: Found[] = [];
  for (let i = 0; i < words.length; ) {
    const known = LEXICON.match(words, i, words.length);
    const remembered = doc.memory?.match(words, i, words.length);
    const entry = remembered && (!known || remembered.keys.length > known.keys.length) ? remembered : known;
    if (entry) {
      found.push({ from: i, to: i + entry.keys.length, type: entry.type, strong: true });
      i += entry.keys.length;
      continue;
    }
    if (view.mode === 'headline' && isAcronym(words[i])) found.push({ from: i, to: i + 1, type: 'ORGANIZATION', strong: true });
    i++;
  }
  return found;
}

/** Body text: runs of capitalized words (with particles and "of" inside names) are split and typed. */
function tagBody(words: Word[], doc: DocumentContext): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < words.length; ) {
    if (!isCandidate(words, i)) {
      i++;
      continue;
    }
    const end = runEnd(words, i);
    classifyRun(words, i, end, doc, found);
    i = end;
  }
  return found;
}

function isCandidate(words: Word[], i: number): boolean {
  return !!LEXICON.match(words, i, words.length) || (words[i].name && !isIgnorable(words, i));
}

/** Capitalized words that are not names: function words, contractions, weekdays, months, common acronyms. */
function isIgnorable(words: Word[], i: number): boolean {
  const w = lower(words[i]).replace(/\.$/, '');
  if (L.MONTHS.has(w)) return !L.NAME_MONTHS.has(w) || !isPersonContextOfMonth(words, i);
  if (/['’](?:t|re|ve|ll|d|m)$/.test(w)) return true;
  return L.STOP_WORDS.has(w) || L.WEEKDAYS.has(w) || isCommonAcronym(words[i].text);
}

/** "Theresa May", "Mrs May", "talks with May", "May said": the month name is a person only with such cues. */
function isPersonContextOfMonth(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  if (prev && (has(L.GIVEN_NAMES, prev) || isTitle(prev) || L.PERSON_MONTH_CUES.has(prev.text))) return true;
  return hasPersonContext(words, i + 1);
}

function runEnd(words: Word[], start: number): number {
  let end = start;
  for (;;) {
    end += LEXICON.match(words, end, words.length)?.keys.length ?? 1;
    if (end >= words.length) return end;
    // An initial leads on to a surname ("John F. Kennedy"), not to a listed name ("Plan B. Russia knows").
    if (/^\p{Lu}\.$/u.test(words[end - 1].text) && LEXICON.match(words, end, words.length)) return end;
    if (isCandidate(words, end)) continue;
    const bridge = bridgeLength(words, end);
    if (bridge === 0) return end;
    end += bridge;
  }
}

/** Lowercase words that continue a name: particles ("de Mistura") and "of" after a title or head ("Bank of England"). */
function bridgeLength(words: Word[], i: number): number {
  const prev = words[i - 1];
  let j = i;
  if (prev.name) while (isParticle(words[j])) j++;
  const takesOf = isTitle(prev) || isOrgHead(prev) || has(L.LOCATION_HEADS, prev) || has(L.LOCATION_LEADS, prev);
  if (j === i && takesOf && CONNECTORS.has(words[i].text)) {
    j++;
    if (words[j]?.text === 'the') j++;
  }
  return j > i && j < words.length && isCandidate(words, j) ? j - i : 0;
}

function classifyRun(words: Word[], a: number, b: number, doc: DocumentContext, found: Found[]): void {
  const emit = (type: EntityType): void => void found.push({ from: a, to: b, type, strong: true });
  const known = LEXICON.match(words, a, b);
  if (known && known.keys.length === b - a) return emit(known.type);
  const title = titleBeforeName(words, a, b);
  if (title) {
    const placeOfOffice = has(L.PLACE_TITLES, words[title.start]) && !LEXICON.match(words, a, title.start);
    if (title.start > a && placeOfOffice) found.push({ from: a, to: title.start, type: 'LOCATION', strong: false });
    else if (title.start > a) classifyRun(words, a, title.start, doc, found);
    found.push({ from: title.nameStart, to: b, type: 'PERSON', strong: true });
    return;
  }
  const first = words[a];
  const last = words[b - 1];
  if (b - a >= 2) {
    const headThenOf = words.slice(a, b - 1).some((w, k) => isOrgHead(w) && CONNECTORS.has(words[a + k + 1].text));
    if (isOrgHead(last) || has(L.ORG_LEADS, first) || headThenOf) return emit('ORGANIZATION');
    const rest = LEXICON.match(words, a + 1, b);
    const directionOfPlace = has(L.DIRECTIONS, first) && rest?.type === 'LOCATION' && rest.keys.length === b - a - 1;
    if (has(L.LOCATION_HEADS, last) || has(L.LOCATION_LEADS, first) || directionOfPlace) return emit('LOCATION');
    if (has(L.MISC_HEADS, last) || has(L.MISC_LEADS, first)) return emit('MISC');
  }
  segment(words, a, b, doc, found);
}

/** "Russian Foreign Minister Sergei Lavrov": the name after the last title, and where the title starts. */
function titleBeforeName(words: Word[], a: number, b: number): { start: number; nameStart: number } | null {
  let t = b - 2;
  while (t >= a && !isTitle(words[t])) t--;
  if (t < a || !isPersonName(words, t + 1, b)) return null;
  let start = t;
  let portfolio = has(L.PORTFOLIO_TITLES, words[t]);
  for (;;) {
    const prev = words[start - 1];
    const ofLength = titleConnectorBefore(words, start, a);
    if (start > a && isTitle(prev)) {
      start--;
      portfolio ||= has(L.PORTFOLIO_TITLES, prev);
    } else if (start > a && portfolio && isPortfolioWord(words, start - 1)) start--;
    else if (ofLength > 0) start -= ofLength;
    else return { start, nameStart: t + 1 };
  }
}

/** Length of an "of" or "of the" that ends at `end` and follows a title ("Secretary of State"), else 0. */
function titleConnectorBefore(words: Word[], end: number, limit: number): number {
  let k = end - 1;
  if (words[k]?.text === 'the') k--;
  return k - 1 >= limit && CONNECTORS.has(words[k].text) && isTitle(words[k - 1]) ? end - k : 0;
}

/** An unlisted word before "Minister" or "Secretary" names the portfolio ("Fisheries Minister"), not an entity. */
function isPortfolioWord(words: Word[], i: number): boolean {
  const w = words[i];
  return w.name && !isOrgHead(w) && !isIgnorable(words, i) && !LEXICON.match(words, i, i + 1);
}

function isPersonName(words: Word[], from: number, to: number): boolean {
  if (from >= to || !words[from].name) return false;
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (isParticle(w)) continue;
    const head = isOrgHead(w) || has(L.LOCATION_HEADS, w) || has(L.MISC_HEADS, w);
    // A title word inside the name is a surname ("Prime Minister John Major").
    if (!w.name || (isTitle(w) && i === from) || head || isIgnorable(words, i) || LEXICON.match(words, i, to)) return false;
  }
  return true;
}

/** Splits a run with no single reading into listed names and unknown stretches ("U.N. Syrian", "President of Russia X"). */
function segment(words: Word[], a: number, b: number, doc: DocumentContext, found: Found[]): void {
  for (let i = a; i < b; ) {
    const known = LEXICON.match(words, i, b);
    if (known) {
      found.push({ from: i, to: i + known.keys.length, type: known.type, strong: true });
      i += known.keys.length;
      continue;
    }
    const skip = !words[i].name || isTitle(words[i]) || has(L.DIRECTIONS, words[i]) || isIgnorable(words, i);
    // "Secretary of State for the Family", "Lord of the Rings": a word after "of" completes the title before it.
    if (skip || titleConnectorBefore(words, i, a) > 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // A title word that ends a name is a surname ("John Major", "Mervyn King").
    const surname = (k: number) => k > i && !has(L.PORTFOLIO_TITLES, words[k]) && (k + 1 === b || !words[k + 1].name);
    const inName = (k: number) => (words[k].name && (!isTitle(words[k]) || surname(k))) || isParticle(words[k]);
    while (j < b && !LEXICON.match(words, j, b) && inName(j)) j++;
    while (!words[j - 1].name) j--;
    if (!has(L.PORTFOLIO_TITLES, words[j])) classifyUnknown(words, i, j, doc, found);
    i = j;
  }
}

/** Capitalized words no list knows: decided by the article's memory, name shape and context. */
function classifyUnknown(words: Word[], a: number, b: number, doc: DocumentContext, found: Found[]): void {
  const emit = (type: EntityType, strong: boolean): void => void found.push({ from: a, to: b, type, strong });
  const remembered = doc.memory?.match(words, a, b);
  if (remembered && remembered.keys.length === b - a) return emit(remembered.type, remembered.strong);
  const first = words[a];
  const single = b === a + 1;
  const initial = isSentenceInitial(words, a);
  const common = (w: Word) => doc.lowercase.has(lower(w)) && !L.MONTHS.has(lower(w));
  if (single && isAcronym(first)) return emit('ORGANIZATION', true);
  if (single && /^\p{Lu}\.?$/u.test(first.text)) return; // a lone letter: "3G", "R&D"
  if (words.slice(a, b).some((w) => /\d/.test(w.text)) || /^\p{Lu}\.?$/u.test(words[b - 1].text)) return emit('MISC', true);
  const nameShaped = words.slice(a, b).some((w) => isParticle(w) || withoutParticle(w.text) !== w.text);
  if ((has(L.GIVEN_NAMES, first) && !(single && initial && common(first))) || nameShaped) return emit('PERSON', true);
  if (initial) {
    // Sentence-initial capitals are weak evidence: drop an ordinary first word ("Describing Kerry"), or ask the context.
    const ordinary = common(first) || /(?:ing|ly)$/.test(lower(first));
    if (!single) return ordinary ? classifyUnknown(words, a + 1, b, doc, found) : emit('PERSON', false);
    const generic = /[^s]s$|men$/.test(lower(first)) || isOrgHead(first) || common(first); // "Rebels", "Fishermen", "Police"
    if (hasPersonContext(words, b) && !generic) emit('PERSON', false);
    return;
  }
  const brand = /^\p{Lu}\p{Ll}+\p{Lu}/u.test(first.text) && !/^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von)\p{Lu}/u.test(first.text);
  // Inner capitals and web names mark companies ("TimeWarner", "PayPal", "Amazon.com").
  if (single && (brand || /\.(?:com|net|org)$/.test(first.text))) return emit('ORGANIZATION', false);
  if (single && isOrgHead(first)) return emit('ORGANIZATION', false); // "the next Parliament"
  if (single && (has(L.MISC_HEADS, first) || has(L.LOCATION_HEADS, first))) return; // "the Agreement", "the City"
  if (isPlaceContext(words, a) || (words[b] && L.PLACE_NOUNS.has(words[b].text))) return emit('LOCATION', false); // "in X", "X valley"
  if (single && common(first)) return;
  emit(b - a <= 3 ? 'PERSON' : 'MISC', false);
}

/** First word of the sentence, or right after an opening quote or a colon, where capitals say nothing. */
function isSentenceInitial(words: Word[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const w = words[k];
    if (/^[\p{L}\p{N}]/u.test(w.text)) return false;
    if (OPENERS.has(w.text) && (w.text === ':' || w.end === words[k + 1].start)) return true;
    if (DATELINE_DASHES.has(w.text) && w.end < words[k + 1].start) return true; // "MARSDEN, April 2 - Dock workers"
  }
  return true;
}

/** "Hijab conceded", "Kerry's goals", "Hijab, who ...". */
function hasPersonContext(words: Word[], b: number): boolean {
  const next = words[b];
  if (!next) return false;
  if (L.SPEECH_VERBS.has(next.text)) return true;
  if (/^(?:has|had)$/.test(next.text) && L.SPEECH_VERBS.has(words[b + 1]?.text ?? '')) return true; // "Orlov has promised"
  if (/^['’]s$/.test(next.text) && next.start === words[b - 1].end) return true;
  return next.text === ',' && words[b + 1]?.text === 'who';
}

/** "from Dabiq", "the town of Dabiq". */
function isPlaceContext(words: Word[], a: number): boolean {
  const prev = words[a - 1] && lower(words[a - 1]);
  if (!prev) return false;
  if (prev === 'to' && words[a - 2] && L.NON_DIRECTIONAL_TO.has(lower(words[a - 2]))) return false;
  return L.LOCATION_PREPOSITIONS.has(prev) || (prev === 'of' && !!words[a - 2] && L.PLACE_NOUNS.has(lower(words[a - 2])));
}

export const ruleBasedRecognizer: EntityRecognizer = { recognize };

/** Named entities of the text with the default recognizer. */
export function recognizeEntities(text: string, sentences: Sentence[]): EntityMention[] {
  return ruleBasedRecognizer.recognize(text, sentences);
}
