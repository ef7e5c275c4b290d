// Stage 5a: groups entity mentions across articles into real-world entities. Every decision carries a reason,
// so a hover can explain why two mentions were joined.
import { COUNTRIES, DEMONYMS, ORGANIZATIONS, PLACES, TITLES } from './lexicons';
import type { EntityMention, EntityType } from './types';

export interface ArticleMentions {
  articleId: string;
  mentions: readonly EntityMention[];
}

export type LinkReason =
  | 'same-name' // written exactly as the canonical name
  | 'spelling-variant' // the same after folding case, diacritics, periods and transliterations (Sergei/Sergey)
  | 'known-alias' // a short form from the alias table (U.S./United States, U.N./United Nations)
  | 'acronym' // initials of a longer name seen in the workspace (FSA/Free Syrian Army)
  | 'nearest-full-name' // a surname or first name after a full name in the same article
  | 'unique-surname' // a surname matching exactly one full name in the workspace
  | 'unresolved' // a one-word name no full name explains, or several could: kept apart, per article
  | 'editor-same-as' // an editor said this mention is that entity
  | 'editor-not-same'; // an editor said this mention is not the entity the rules joined it to

export interface MentionRef {
  articleId: string;
  /** Index into that article's mention list. */
  index: number;
  reason: LinkReason;
}

/** An editor's word that two mentions are (or are not) one entity; it overrides every rule. */
export interface EditorLink {
  kind: 'same-as' | 'not-same';
  from: MentionKey;
  to: MentionKey;
}

export interface MentionKey {
  articleId: string;
  index: number;
}

export interface LinkedEntity {
  /** `e1`, `e2`, ... in order of first appearance (articles in the order given). */
  id: string;
  type: EntityType;
  canonical: string;
  /** Other surface forms seen, most frequent first. */
  aliases: string[];
  mentions: MentionRef[];
  /** Article ids in the order given. */
  articles: string[];
}

const PARTICLES = new Set(['al', 'el', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'abu', 'the']);
const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'de']);

// Short forms that name the same thing in news copy; keys and values are folded names.
const ALIASES: Record<string, string> = {
  un: 'united nations',
  us: 'united states',
  usa: 'united states',
  america: 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  eu: 'european union',
  isis: 'islamic state',
  isil: 'islamic state',
  'russian federation': 'russia',
};

// Relinking the workspace after a keystroke folds every name of every article again; a workspace repeats its names
// endlessly, so folded forms are remembered (bounded, dropped whole when full: names recur, the cache refills fast).
const MAX_REMEMBERED_NAMES = 100_000;
const foldedTokens = new Map<string, string>();
const foldedNames = new Map<string, readonly string[]>();

function remember<T>(memory: Map<string, T>, key: string, value: T): T {
  if (memory.size >= MAX_REMEMBERED_NAMES) memory.clear();
  memory.set(key, value);
  return value;
}

/** Lower case, no diacritics or periods, one spelling for common transliteration variants (Sergey → sergei). */
export function foldToken(token: string): string {
  return foldedTokens.get(token) ?? remember(foldedTokens, token, fold(token));
}

function fold(token: string): string {
  return token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/ey$/, 'ei')
    .replace(/iy$/, 'i')
    .replace(/([^aeiou])y$/, '$1i')
    .replace(/ah$/, 'a');
}

/** Folded tokens of a name without leading titles or particles ("Mr Bashar al-Assad" → bashar, assad). */
export function nameTokens(name: string): string[] {
  return [...(foldedNames.get(name) ?? remember(foldedNames, name, foldName(name)))];
}

function foldName(name: string): string[] {
  const words = name.split(/[\s\-‐–]+/u).filter(Boolean);
  let first = 0;
  while (first < words.length - 1 && TITLES.has(words[first])) first++;
  return words
    .slice(first)
    .map(foldToken)
    .filter((t) => t !== '' && !PARTICLES.has(t));
}

export function nameKey(name: string): string {
  const key = nameTokens(name).join(' ');
  return ALIASES[key] ?? key;
}

function acronymOf(name: string): string | null {
  const words = name.split(/[\s\-]+/).filter((w) => w !== '' && !FUNCTION_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.map((w) => w[0].toLowerCase()).join('');
}

function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(text);
}

/** A one-word name that could be a surname: not an acronym and not a place or organization the gazetteers know. */
function isBareName(mention: EntityMention): boolean {
  const words = mention.text.split(/\s+/).filter((w) => !TITLES.has(w));
  if (words.length !== 1 || isAcronym(mention.text)) return false;
  return mention.type === 'PERSON' || !KNOWN_NAMES.has(nameTokens(mention.text).join(' '));
}

const KNOWN_NAMES = new Set([...COUNTRIES, ...PLACES, ...ORGANIZATIONS, ...DEMONYMS].map((n) => nameTokens(n).join(' ')));
const TYPE_PRIORITY: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

/** The type most mentions of a one-word name carry, counting the clusters of longer names with the same key. */
function majorityType(token: string, types: readonly EntityType[], clusters: Map<string, Cluster>): EntityType {
  const votes = new Map<EntityType, number>();
  for (const type of types) votes.set(type, (votes.get(type) ?? 0) + 1);
  for (const type of TYPE_PRIORITY) {
    const existing = clusters.get(`${type}:${ALIASES[token] ?? token}`);
    if (existing) votes.set(type, (votes.get(type) ?? 0) + existing.mentions.length);
  }
  let best = types[0];
  for (const type of TYPE_PRIORITY) if ((votes.get(type) ?? 0) > (votes.get(best) ?? 0)) best = type;
  return best;
}

/**
 * One name the tagger typed differently in different sentences ("Tories" as organization and as MISC) is one
 * thing: the non-person clusters of a name merge into the largest, or into the one an editor typed. People stay apart
 * (Jordan the country), and so do two types editors gave.
 */
function mergeTypeVariants(clusters: Map<string, Cluster>, typedByEditor: (c: Cluster) => boolean): void {
  const byName = new Map<string, string[]>();
  for (const [key, cluster] of clusters) {
    if (cluster.type === 'PERSON') continue;
    const name = key.slice(key.indexOf(':') + 1);
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  for (const keys of byName.values()) {
    if (keys.length < 2) continue;
    const rank = (k: string) => TYPE_PRIORITY.indexOf(clusters.get(k)!.type);
    const edited = (k: string) => (typedByEditor(clusters.get(k)!) ? 1 : 0);
    keys.sort((a, b) => edited(b) - edited(a) || clusters.get(b)!.mentions.length - clusters.get(a)!.mentions.length || rank(a) - rank(b));
    const target = clusters.get(keys[0])!;
    for (const key of keys.slice(1)) {
      if (edited(key)) continue;
      target.mentions.push(...clusters.get(key)!.mentions);
      clusters.delete(key);
    }
  }
}

interface Cluster {
  type: EntityType;
  mentions: MentionRef[];
}

/** Links all mentions of all articles, then applies editors' links; the same input always yields the same ids. */
export function linkEntities(articles: readonly ArticleMentions[], editorLinks: readonly EditorLink[] = []): LinkedEntity[] {
  return finish(linkingSteps(articles, editorLinks));
}

/** Runs steps (see linkingSteps) to the end, at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Mentions linked between two pauses of linkingSteps. */
const MENTIONS_PER_STEP = 500;

/**
 * linkEntities in steps: it pauses (yields) every few thousand mentions, so that a caller can link a large workspace
 * in slices and answer an editor in between.
 */
export function* linkingSteps(articles: readonly ArticleMentions[], editorLinks: readonly EditorLink[] = []): Generator<void, LinkedEntity[]> {
  let work = 0;
  /** Counts mentions linked; true when it is time to pause. */
  const worked = (mentions: number): boolean => {
    work += mentions;
    if (work < MENTIONS_PER_STEP) return false;
    work = 0;
    return true;
  };
  const clusters = new Map<string, Cluster>();
  const add = (clusterKey: string, type: EntityType, ref: MentionRef) => {
    let cluster = clusters.get(clusterKey);
    if (!cluster) clusters.set(clusterKey, (cluster = { type, mentions: [] }));
    cluster.mentions.push(ref);
  };
  const mentionOf = (ref: MentionRef) => articleById.get(ref.articleId)!.mentions[ref.index];
  const articleById = new Map(articles.map((a) => [a.articleId, a]));

  // Pass 1: multi-word names, acronyms and names the gazetteers know, by type and folded key.
  const pending: MentionRef[] = [];
  for (const article of articles) {
    if (worked(article.mentions.length)) yield;
    article.mentions.forEach((mention, index) => {
      const ref: MentionRef = { articleId: article.articleId, index, reason: 'same-name' };
      // A one-word name an editor typed keeps its type; as a person it may still stand for a full name.
      if (isBareName(mention) && (!mention.editor || mention.type === 'PERSON')) {
        pending.push(ref);
        return;
      }
      const key = nameKey(mention.text);
      if (key !== nameTokens(mention.text).join(' ')) ref.reason = 'known-alias';
      add(`${mention.type}:${key}`, mention.type, ref);
    });
  }
  mergeAcronyms(clusters, mentionOf);

  // Pass 2: a one-word name joins the full name it stands for, when that is unambiguous, whatever type the
  // tagger guessed for it alone ("Orlov has promised..." opens a sentence and can read as an organization).
  const names = new FullNameLookup();
  for (const [key, cluster] of clusters) {
    if (cluster.type !== 'PERSON') continue;
    if (worked(cluster.mentions.length)) yield;
    for (const ref of cluster.mentions) names.add(key, ref.articleId, nameTokens(mentionOf(ref).text), mentionOf(ref).start);
  }
  const unresolved = new Map<string, MentionRef[]>();
  for (const ref of pending) {
    if (worked(1)) yield;
    const mention = mentionOf(ref);
    const tokens = nameTokens(mention.text);
    const token = tokens.join(' ') || foldToken(mention.text);
    const target = names.resolve(tokens[tokens.length - 1] ?? token, token, ref.articleId, mention.start);
    if (target) {
      ref.reason = target.reason;
      clusters.get(target.key)!.mentions.push(ref);
    } else {
      const refs = unresolved.get(token);
      if (refs) refs.push(ref);
      else unresolved.set(token, [ref]);
    }
  }

  // Pass 3: the other one-word names take the type most of their mentions have across the workspace
  // ("Valmora" is a place in three articles, so also where the tagger alone took it for a person).
  for (const [token, refs] of unresolved) {
    if (worked(refs.length)) yield;
    const majority = majorityType(token, refs.map((r) => mentionOf(r).type), clusters);
    for (const ref of refs) {
      const type = mentionOf(ref).editor ? mentionOf(ref).type : majority;
      if (type !== 'PERSON') {
        add(`${type}:${ALIASES[token] ?? token}`, type, ref);
        continue;
      }
      // No full name explains it: a surname alone may be a different person in every article (two Johnsons).
      ref.reason = 'unresolved';
      add(`PERSON:${token}@${ref.articleId}`, 'PERSON', ref);
    }
  }

  mergeTypeVariants(clusters, (c) => c.mentions.some((r) => mentionOf(r).editor !== undefined));
  applyEditorLinks(clusters, editorLinks, mentionOf);

  const order = new Map(articles.map((a, i) => [a.articleId, i]));
  const position = (ref: MentionRef) => [order.get(ref.articleId)!, mentionOf(ref).start] as const;
  const before = (a: MentionRef, b: MentionRef) => {
    const [pa, sa] = position(a);
    const [pb, sb] = position(b);
    return pa - pb || sa - sb;
  };
  const sorted: Cluster[] = [];
  for (const c of clusters.values()) {
    if (worked(c.mentions.length)) yield;
    sorted.push({ ...c, mentions: c.mentions.sort(before) });
  }
  sorted.sort((a, b) => before(a.mentions[0], b.mentions[0]));
  const entities: LinkedEntity[] = [];
  for (const c of sorted) {
    if (worked(c.mentions.length)) yield;
    entities.push(describe(`e${entities.length + 1}`, c, mentionOf, order));
  }
  return entities;
}

/**
 * An editor's link moves a mention, with the mentions of its article written the same way, out of its entity: into
 * the other mention's entity ("same as"), or into one of their own when the rules had joined them ("not the same").
 */
function applyEditorLinks(clusters: Map<string, Cluster>, links: readonly EditorLink[], mentionOf: (r: MentionRef) => EntityMention): void {
  if (links.length === 0) return;
  const keyOf = new Map<string, string>();
  const refKey = (r: MentionKey) => `${r.articleId}#${r.index}`;
  for (const [key, cluster] of clusters) for (const ref of cluster.mentions) keyOf.set(refKey(ref), key);
  /** The mention and the mentions of its article written the same way, in its cluster (never `keep`). */
  const group = (from: MentionKey, keep: MentionKey): MentionRef[] => {
    const { text } = mentionOf({ ...from, reason: 'same-name' });
    return clusters.get(keyOf.get(refKey(from))!)!.mentions.filter((r) => r.articleId === from.articleId && refKey(r) !== refKey(keep) && mentionOf(r).text === text);
  };
  /** Takes the group out of its cluster; a cluster left empty goes. */
  const detach = (from: MentionKey, keep: MentionKey): MentionRef[] => {
    const key = keyOf.get(refKey(from))!;
    const cluster = clusters.get(key)!;
    const moved = group(from, keep);
    cluster.mentions = cluster.mentions.filter((r) => !moved.includes(r));
    if (cluster.mentions.length === 0) clusters.delete(key);
    return moved;
  };
  const linked = (l: EditorLink) => keyOf.has(refKey(l.from)) && keyOf.has(refKey(l.to));
  for (const link of links.filter((l) => l.kind === 'same-as' && linked(l))) {
    const target = keyOf.get(refKey(link.to))!;
    const joined = keyOf.get(refKey(link.from)) === target; // the rules agree: the editor's word is still the reason
    for (const ref of joined ? group(link.from, link.to) : detach(link.from, link.to)) {
      ref.reason = 'editor-same-as';
      if (joined) continue;
      clusters.get(target)!.mentions.push(ref);
      keyOf.set(refKey(ref), target);
    }
  }
  for (const link of links.filter((l) => l.kind === 'not-same' && linked(l))) {
    if (keyOf.get(refKey(link.from)) !== keyOf.get(refKey(link.to))) continue;
    const { type } = mentionOf({ ...link.from, reason: 'same-name' });
    const key = `editor:${refKey(link.from)}`;
    const moved = detach(link.from, link.to);
    for (const ref of moved) {
      ref.reason = 'editor-not-same';
      keyOf.set(refKey(ref), key);
    }
    clusters.set(key, { type, mentions: moved });
  }
}

/** Where full names with a name are mentioned: article → name → places. */
type PlacesByArticle = Map<string, Map<string, { key: string; start: number }[]>>;

/** Full person names by first and last name, per article and workspace-wide, so short names resolve in linear time. */
class FullNameLookup {
  /** By last name. */
  private readonly inArticle: PlacesByArticle = new Map();
  /** last name → keys of the full names that have it. */
  private readonly surnames = new Map<string, Set<string>>();
  /** By first name. */
  private readonly firstInArticle: PlacesByArticle = new Map();

  add(key: string, articleId: string, tokens: string[], start: number): void {
    const last = tokens[tokens.length - 1];
    addPlace(this.inArticle, articleId, last, { key, start });
    // Only surnames across the workspace: a bare first name is as often someone else ("Charles" beside "Charles
    // Kennedy"); within an article, after the full name, it is that person ("Sergey and I reached agreement").
    this.surnames.set(last, (this.surnames.get(last) ?? new Set()).add(key));
    if (tokens.length >= 2) addPlace(this.firstInArticle, articleId, tokens[0], { key, start });
  }

  /**
   * `token`: the mention's last word; `whole`: all of it. In the same article: the nearest full name before the mention
   * with that surname, or the only one; else, for a name of one word, the one person of the article with that first
   * name, named before it; elsewhere in the workspace: only a surname, and only when one person has it.
   */
  resolve(token: string, whole: string, articleId: string, start: number): { key: string; reason: LinkReason } | null {
    const candidates = this.inArticle.get(articleId)?.get(token) ?? [];
    let nearest: { key: string; start: number } | null = null;
    for (const c of candidates) if (c.start < start && (!nearest || c.start > nearest.start)) nearest = c;
    if (nearest) return { key: nearest.key, reason: 'nearest-full-name' };
    const keys = new Set(candidates.map((c) => c.key));
    if (keys.size === 1) return { key: [...keys][0], reason: 'nearest-full-name' };
    if (keys.size > 1) return null;
    const byFirstName = this.firstInArticle.get(articleId)?.get(whole) ?? [];
    const people = new Set(byFirstName.map((c) => c.key));
    if (people.size === 1 && byFirstName.some((c) => c.start < start)) return { key: byFirstName[0].key, reason: 'nearest-full-name' };
    const bySurname = this.surnames.get(token);
    return bySurname?.size === 1 ? { key: [...bySurname][0], reason: 'unique-surname' } : null;
  }
}

function addPlace(byArticle: PlacesByArticle, articleId: string, name: string, place: { key: string; start: number }): void {
  let names = byArticle.get(articleId);
  if (!names) byArticle.set(articleId, (names = new Map()));
  const places = names.get(name);
  if (places) places.push(place);
  else names.set(name, [place]);
}

/** Joins an all-capitals short form to the one longer name in the workspace whose initials it spells, seen with it. */
function mergeAcronyms(clusters: Map<string, Cluster>, mentionOf: (r: MentionRef) => EntityMention): void {
  const byInitials = new Map<string, string[]>();
  for (const [key, cluster] of clusters) {
    const initials = acronymOf(mentionOf(cluster.mentions[0]).text);
    if (!initials || cluster.type === 'PERSON') continue;
    byInitials.set(`${cluster.type}:${initials}`, [...(byInitials.get(`${cluster.type}:${initials}`) ?? []), key]);
  }
  for (const [key, cluster] of [...clusters]) {
    const text = mentionOf(cluster.mentions[0]).text;
    if (!isAcronym(text)) continue;
    const targets = byInitials.get(`${cluster.type}:${text.replace(/\./g, '').toLowerCase()}`);
    if (!targets || targets.length !== 1 || targets[0] === key) continue;
    const target = clusters.get(targets[0])!;
    // Initials are short and many names share them (AP, Act of Parliament): the long form must appear beside them.
    const articles = new Set(cluster.mentions.map((r) => r.articleId));
    if (!target.mentions.some((r) => articles.has(r.articleId))) continue;
    for (const ref of cluster.mentions) target.mentions.push({ ...ref, reason: 'acronym' });
    clusters.delete(key);
  }
}

function describe(
  id: string,
  cluster: Cluster,
  mentionOf: (r: MentionRef) => EntityMention,
  order: Map<string, number>,
): LinkedEntity {
  const counts = new Map<string, number>();
  for (const ref of cluster.mentions) {
    const text = mentionOf(ref).text;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  // A person's canonical name is their most frequent full name; anything else is called by its most frequent
  // spelled-out name ("Russia" over "Russian Federation", "United Nations" over "U.N.").
  const forms = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const words = (s: string) => s.split(/\s+/).length;
  const longest = Math.max(...forms.map(([f]) => words(f)));
  const preferred = forms.filter(([f]) => !isAcronym(f) && (cluster.type !== 'PERSON' || words(f) === longest));
  const canonical = (preferred[0] ?? forms[0])[0];
  const aliases = forms.filter(([f]) => f !== canonical).map(([f]) => f);
  for (const ref of cluster.mentions) if (ref.reason === 'same-name' && mentionOf(ref).text !== canonical) ref.reason = 'spelling-variant';
  const articles = [...new Set(cluster.mentions.map((m) => m.articleId))].sort((a, b) => order.get(a)! - order.get(b)!);
  return { id, type: cluster.type, canonical, aliases, mentions: cluster.mentions, articles };
}
