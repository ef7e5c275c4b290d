// Feature templates of the entity tagger, shared by training and tagging so the two can never drift apart.
// Features that depend on one word form only are split from those that need the sentence or document, so the
// tagger can cache the former per form (most of the work, and most of the speed).
import { mapped } from '../arrays';
import {
  COUNTRIES, DEMONYMS, EVENTS, GIVEN_NAMES, LOCATION_HEADS, LOCATION_LEADS, MISC_HEADS, NAME_PARTICLES, ORG_HEADS,
  ORGANIZATIONS, PLACES, TITLES,
} from '../lexicons';

/** Word clusters learned from unlabelled news: form → one cluster id per granularity. */
export interface WordClusters {
  granularities: readonly number[];
  lookup(form: string): readonly number[] | undefined;
}

/** Offsets of the neighbours whose word features a token sees. */
export const WINDOW = [-2, -1, 0, 1, 2] as const;

/** Typographic variants a modern article uses where the 1996 training text has ASCII. */
export function normalizeForm(form: string): string {
  return form.replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[–—−]/g, '-');
}

/** "Lavrov" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function wordShape(form: string): string {
  let shape = '';
  let last = '';
  for (const ch of form) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

const lower = (form: string): string => form.toLowerCase().replace(/\d/g, '0');

/** What the context features read of a form, cached: the same few thousand forms recur in every article. */
export interface FormInfo {
  normalized: string;
  /** Lower case with digits as 0, for word features. */
  lower: string;
  /** Lower case, for the document's casing table and gazetteers. */
  key: string;
  shape: string;
  /** How a letter-initial word is cased ('Xx', 'x', 'X'); null for other tokens. */
  casing: string | null;
  hasLetter: boolean;
  /** Has no lower-case letter. */
  upper: boolean;
  /** Starts with four or more letters (a word that headline case would capitalize). */
  long: boolean;
  capitalized: boolean;
  /** Starts some gazetteer entry. */
  gazetteerStart: boolean;
}
const formInfoCache = new Map<string, FormInfo>();

/** Forgets the forms read so far (see forgetEntityCaches). */
export function forgetFormInfo(): void {
  formInfoCache.clear();
}

export function formInfo(form: string): FormInfo {
  let info = formInfoCache.get(form);
  if (!info) {
    if (formInfoCache.size >= 100_000) formInfoCache.clear();
    formInfoCache.set(form, (info = readFormInfo(form)));
  }
  return info;
}

/** formInfo without its cache, for a caller that keeps what it reads (the tagger's scorer). */
export function readFormInfo(form: string): FormInfo {
  const normalized = normalizeForm(form);
  const key = normalized.toLowerCase();
  const casing = !/^\p{L}/u.test(normalized)
    ? null
    : /^\p{Lu}\p{Ll}/u.test(normalized) ? 'Xx' : /^\p{Ll}/u.test(normalized) ? 'x' : normalized === normalized.toUpperCase() ? 'X' : 'Xx';
  return {
    normalized,
    lower: lower(normalized),
    key,
    shape: wordShape(normalized),
    casing,
    hasLetter: /\p{L}/u.test(normalized),
    upper: normalized === normalized.toUpperCase(),
    long: /^\p{L}{4,}/u.test(normalized),
    capitalized: /^\p{Lu}/u.test(normalized),
    gazetteerStart: FIRST_WORDS.has(key),
  };
}

/**
 * Receives one word feature: the index in WINDOW of the offset it is seen at, its template and its value, whose name is
 * featureName(template, value). The tagger looks the value up among its template's (mostly a string the form already
 * holds, hashed once) instead of building and hashing the name.
 */
export type WordFeatureVisitor = (w: number, template: string, value: string | null) => void;

/** A feature's name as the model file stores it; templates hold no '=', so the name splits back at its first one. */
export function featureName(template: string, value: string | null): string {
  return value === null ? template : `${template}=${value}`;
}

/** The templates of the word features at each offset of WINDOW, written once. */
const WINDOW_TEMPLATES = WINDOW.map((offset) => ({
  word: `w${offset}`,
  shape: `sh${offset}`,
  noCluster: `c${offset}`,
  wordClass: `k${offset}`,
  /** By granularity, as the model's clusters list them. */
  clusters: new Map<number, string>(),
}));
const PREFIX_TEMPLATES = ['', 'p1', 'p2', 'p3', 'p4'];
const SUFFIX_TEMPLATES = ['', 's1', 's2', 's3', 's4'];

/** Features of a word form seen at `offset` (one of WINDOW) from the token being tagged. */
export function wordFeatures(rawForm: string, offset: number, clusters: WordClusters | null): string[] {
  const w = WINDOW.indexOf(offset as (typeof WINDOW)[number]);
  if (w < 0) throw new RangeError(`no word features at offset ${offset}`);
  const info = formInfo(rawForm);
  const features: string[] = [];
  visitFeaturesAt(info, w, clusters, Math.abs(offset) <= 1 ? readNear(info, clusters) : null, (_, t, v) => features.push(featureName(t, v)));
  return features;
}

/** wordFeatures at each offset of WINDOW, in its order, from the form's FormInfo: what the offsets share is read once. */
export function windowFeatures(info: FormInfo, clusters: WordClusters | null): string[][] {
  const window: string[][] = WINDOW.map(() => []);
  visitWindowFeatures(info, clusters, (w, t, v) => window[w].push(featureName(t, v)));
  return window;
}

/** The features of windowFeatures, in its order, each with the index of its offset in WINDOW. */
export function visitWindowFeatures(info: FormInfo, clusters: WordClusters | null, visit: WordFeatureVisitor): void {
  const near = readNear(info, clusters);
  for (let w = 0; w < WINDOW.length; w++) {
    visitFeaturesAt(info, w, clusters, Math.abs(WINDOW[w]) <= 1 ? near : null, visit);
  }
}

/** What the features of a word next to the token (or the token itself) add: its clusters and word classes. */
interface NearReading {
  clusterIds: readonly number[] | undefined;
  classes: string[];
}

function readNear(info: FormInfo, clusters: WordClusters | null): NearReading {
  const form = info.normalized;
  return { clusterIds: clusterIds(form, clusters), classes: WORD_CLASSES.filter(([, list]) => list.has(form)).map(([name]) => name) };
}

/** `w` indexes WINDOW; `near` is read for offsets −1 to 1. */
function visitFeaturesAt(info: FormInfo, w: number, clusters: WordClusters | null, near: NearReading | null, visit: WordFeatureVisitor): void {
  const { normalized: form, lower: low } = info;
  const templates = WINDOW_TEMPLATES[w];
  visit(w, templates.word, low);
  if (near) {
    visit(w, templates.shape, info.shape);
    const ids = near.clusterIds;
    if (ids) ids.forEach((id, g) => visit(w, clusterTemplate(w, clusters!.granularities[g]), String(id)));
    else visit(w, templates.noCluster, 'none');
    for (const name of near.classes) visit(w, templates.wordClass, name);
  }
  if (WINDOW[w] !== 0) return;
  visit(w, 'W', form);
  for (let n = 1; n <= 4 && n < low.length; n++) {
    visit(w, PREFIX_TEMPLATES[n], low.slice(0, n));
    visit(w, SUFFIX_TEMPLATES[n], low.slice(-n));
  }
  if (form.length > 1 && info.upper && info.hasLetter) visit(w, 'caps', null);
  if (/\p{N}/u.test(form)) visit(w, 'digit', null);
  if (form.includes('-')) visit(w, 'hyphen', null);
  const particle = /^(\p{Ll}+)-\p{Lu}/u.exec(form); // "al-Assad", "bin-Laden"
  if (particle && NAME_PARTICLES.has(particle[1])) visit(w, 'particle-name', null);
}

function clusterTemplate(w: number, granularity: number): string {
  const { clusters } = WINDOW_TEMPLATES[w];
  let template = clusters.get(granularity);
  if (template === undefined) clusters.set(granularity, (template = `c${WINDOW[w]}/${granularity}`));
  return template;
}

/** Cluster ids of a form, falling back to other casings: headlines are all caps, sentence starts capitalized. */
function clusterIds(form: string, clusters: WordClusters | null): readonly number[] | undefined {
  if (!clusters) return undefined;
  return (
    clusters.lookup(form) ??
    clusters.lookup(form.charAt(0) + form.slice(1).toLowerCase()) ??
    clusters.lookup(form.toLowerCase())
  );
}

const WORD_CLASSES: [string, ReadonlySet<string>][] = [
  ['given', GIVEN_NAMES],
  ['title', TITLES],
  ['orghead', ORG_HEADS],
  ['lochead', LOCATION_HEADS],
  ['loclead', LOCATION_LEADS],
  ['mischead', MISC_HEADS],
  ['particle', NAME_PARTICLES],
];

/** Per-document facts the tagger uses: how each word is cased where casing means something. */
export interface DocumentContext {
  /** Lowercased form → casing seen mid-sentence in ordinary (not all-caps) sentences: 'Xx', 'x', 'X' or 'mixed'. */
  casing: Map<string, string>;
}

/** Sentences as token forms; reads the casing of words that are neither sentence-initial nor in a headline. */
export function documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  return contextOf(sentences.map(casingSeen));
}

/** What one sentence (as token forms) shows of the document's casing: lowercased form and casing, alternately. */
export function casingSeen(tokens: readonly string[]): string[] {
  return casingSeenIn(tokens.map(formInfo));
}

/** casingSeen of a sentence's forms as formInfo reads them. */
export function casingSeenIn(infos: readonly FormInfo[]): string[] {
  const seen: string[] = [];
  if (isAllCaps(infos) || isTitleCase(infos)) return seen;
  for (let i = 1; i < infos.length; i++) {
    const { key, casing } = infos[i];
    if (casing !== null) seen.push(key, casing);
  }
  return seen;
}

/** The document's casing from what each of its sentences shows (casingSeen); the order of sentences does not matter. */
export function contextOf(sentences: readonly (readonly string[])[]): DocumentContext {
  const casing = new Map<string, string>();
  for (const seen of sentences) {
    for (let i = 0; i < seen.length; i += 2) {
      const key = seen[i];
      const kind = seen[i + 1];
      const before = casing.get(key);
      if (before === undefined) casing.set(key, kind);
      else if (before !== kind && before !== 'mixed') casing.set(key, 'mixed');
    }
  }
  return { casing };
}

/** A headline or sports-results line written in capitals, where case says nothing about names. */
export function isAllCaps(infos: readonly FormInfo[]): boolean {
  let letters = 0;
  for (const info of infos) {
    if (!info.hasLetter) continue;
    if (!info.upper) return false;
    letters++;
  }
  return letters >= 2;
}

/** A Title Case Headline: every word of four letters or more capitalized, at least three of them. */
export function isTitleCase(infos: readonly FormInfo[]): boolean {
  let long = 0;
  for (const info of infos) {
    if (!info.long) continue;
    if (!info.capitalized) return false;
    long++;
  }
  return long >= 3 && !isAllCaps(infos);
}

/** Sentence and document facts about one token. */
export interface TokenContext {
  info: FormInfo;
  first: boolean;
  allCaps: boolean;
  titleCase: boolean;
  /** The document's casing of the word, or 'none'. */
  casing: string;
  /** Gazetteer entries the token lies in (TYPE:B/I/L/U). */
  gazetteer: string[];
}

export function tokenContexts(tokens: readonly string[], doc: DocumentContext): TokenContext[] {
  const infos = tokens.map(formInfo);
  const allCaps = isAllCaps(infos);
  const titleCase = !allCaps && isTitleCase(infos);
  const gazetteer = gazetteerMatches(infos);
  return infos.map((info, i) => ({
    info,
    first: i === 0,
    allCaps,
    titleCase,
    casing: doc.casing.get(info.key) ?? 'none',
    gazetteer: gazetteer[i],
  }));
}

/** Features of a token's own sentence facts (not its neighbours). */
export function unaryFeatures(t: TokenContext): string[] {
  const { shape } = t.info;
  const features = ['bias'];
  if (t.first) features.push(`first&sh=${shape}`);
  if (t.allCaps) features.push('caps-sentence');
  if (t.titleCase) features.push('title-sentence');
  // Where the sentence's own casing is uninformative, the document's casing of the word stands in for it.
  const caseUninformative = t.allCaps || t.titleCase || t.first;
  features.push(`dc=${t.casing}`, `dc&sh=${t.casing}&${caseUninformative ? 'u' : shape}`);
  return features;
}

/** Word-pair features joining a token (`cur`) to the one before it; null = sentence boundary. */
export function previousWordPair(prev: FormInfo | null, cur: FormInfo): string {
  return `w-1w0=${prev?.lower ?? '<s>'}|${cur.lower}`;
}

/** Word-pair features joining a token (`cur`) to the one after it; null = sentence boundary. */
export function nextWordPair(cur: FormInfo, next: FormInfo | null): string {
  return `w0w1=${cur.lower}|${next?.lower ?? '</s>'}`;
}

/** Shape-pair features of a token with its neighbours; null = sentence boundary. */
export function shapePairFeatures(prev: FormInfo | null, cur: FormInfo, next: FormInfo | null): string[] {
  return [`sh-1sh0=${prev?.shape ?? '<s>'}|${cur.shape}`, `sh0sh1=${cur.shape}|${next?.shape ?? '</s>'}`];
}

/** All sentence-level features of each token; the caller adds the word features of the window. */
export function contextFeatures(tokens: readonly string[], doc: DocumentContext): string[][] {
  const contexts = tokenContexts(tokens, doc);
  return contexts.map((t, i) => {
    const prev = contexts[i - 1]?.info ?? null;
    const next = contexts[i + 1]?.info ?? null;
    return [
      ...unaryFeatures(t),
      previousWordPair(prev, t.info),
      nextWordPair(t.info, next),
      ...shapePairFeatures(prev, t.info, next),
      ...t.gazetteer.map((g) => `gz=${g}`),
    ];
  });
}

const GAZETTEERS: [string, string[]][] = [
  ['LOC', [...COUNTRIES, ...PLACES]],
  ['ORG', ORGANIZATIONS],
  ['MISC', [...DEMONYMS, ...EVENTS]],
];
/** Gazetteer entries as a trie of their lower-cased words: a match walks the sentence's words, building no strings. */
interface GazetteerNode {
  /** The types of the entry that ends here, if one does. */
  types: string[] | null;
  next: Map<string, GazetteerNode>;
}
const GAZETTEER_TRIE = buildGazetteerTrie();
const FIRST_WORDS: ReadonlySet<string> = new Set(GAZETTEER_TRIE.next.keys());

function buildGazetteerTrie(): GazetteerNode {
  const root: GazetteerNode = { types: null, next: new Map() };
  for (const [type, list] of GAZETTEERS) {
    for (const phrase of list) {
      let node = root;
      for (const word of phrase.toLowerCase().split(/\s+/)) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { types: null, next: new Map() }));
        node = child;
      }
      node.types = [...(node.types ?? []), type];
    }
  }
  return root;
}

const NO_MATCHES: string[] = [];

/** Per token, the gazetteer entries it lies in, as TYPE:B/I/L/U, matched case-insensitively (headlines). */
export function gazetteerMatches(infos: readonly FormInfo[]): string[][] {
  const result: string[][] = mapped(infos, () => NO_MATCHES);
  if (!infos.some((info) => info.gazetteerStart)) return result;
  for (let i = 0; i < infos.length; i++) {
    if (!infos[i].gazetteerStart) continue;
    // The longest entry that starts here.
    let types: string[] | null = null;
    let n = 0;
    let node: GazetteerNode | undefined = GAZETTEER_TRIE;
    for (let k = i; k < infos.length && (node = node.next.get(infos[k].key)); k++) {
      if (!node.types) continue;
      types = node.types;
      n = k - i + 1;
    }
    if (!types) continue;
    for (const type of types) {
      for (let k = 0; k < n; k++) {
        const position = n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I';
        if (result[i + k] === NO_MATCHES) result[i + k] = [];
        result[i + k].push(`${type}:${position}`);
      }
    }
  }
  return result;
}
