// Stage 5a: groups entity mentions across articles into real-world entities. Every decision carries a reason,
// so a hover can explain why two mentions were joined.
import type { EntityMention, EntityType } from './types';

export interface ArticleMentions {
  articleId: string;
  mentions: readonly EntityMention[];
}

export type LinkReason =
  | 'same-name' // identical after folding case, diacritics, periods and transliteration variants (Sergei/Sergey)
  | 'known-alias' // a short form from the alias table (U.S./United States, U.N./United Nations)
  | 'acronym' // initials of a longer name seen in the workspace (FSA/Free Syrian Army)
  | 'nearest-full-name' // a surname or first name after a full name in the same article
  | 'unique-surname' // a surname matching exactly one full name in the workspace
  | 'unresolved'; // a short name shared by several people: kept apart, per article

export interface MentionRef {
  articleId: string;
  /** Index into that article's mention list. */
  index: number;
  reason: LinkReason;
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

/** Lower case, no diacritics or periods, one spelling for common transliteration variants (Sergey → sergei). */
export function foldToken(token: string): string {
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

/** Folded tokens of a name without particles ("Bashar al-Assad" → bashar, assad). */
export function nameTokens(name: string): string[] {
  return name
    .split(/[\s\-‐–]+/u)
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

interface Cluster {
  type: EntityType;
  mentions: MentionRef[];
}

/** Links all mentions of all articles; the same input always yields the same ids. */
export function linkEntities(articles: readonly ArticleMentions[]): LinkedEntity[] {
  const clusters = new Map<string, Cluster>();
  const add = (clusterKey: string, type: EntityType, ref: MentionRef) => {
    let cluster = clusters.get(clusterKey);
    if (!cluster) clusters.set(clusterKey, (cluster = { type, mentions: [] }));
    cluster.mentions.push(ref);
  };
  const mentionOf = (ref: MentionRef) => articleById.get(ref.articleId)!.mentions[ref.index];
  const articleById = new Map(articles.map((a) => [a.articleId, a]));

  // Pass 1: multi-word person names and every non-person name, by folded key.
  const pending: MentionRef[] = [];
  for (const article of articles) {
    article.mentions.forEach((mention, index) => {
      const ref: MentionRef = { articleId: article.articleId, index, reason: 'same-name' };
      if (mention.type === 'PERSON' && nameTokens(mention.text).length < 2) {
        pending.push(ref);
        return;
      }
      const key = nameKey(mention.text);
      if (key !== nameTokens(mention.text).join(' ')) ref.reason = 'known-alias';
      add(`${mention.type}:${key}`, mention.type, ref);
    });
  }
  mergeAcronyms(clusters, mentionOf);

  // Pass 2: single-word person names join the full name they stand for, when that is unambiguous.
  const fullNames = [...clusters.entries()].filter(([, c]) => c.type === 'PERSON');
  for (const ref of pending) {
    const mention = mentionOf(ref);
    const token = nameTokens(mention.text)[0] ?? foldToken(mention.text);
    const target = resolveShortName(token, ref, mention, fullNames, mentionOf);
    if (target) {
      ref.reason = target.reason;
      clusters.get(target.key)!.mentions.push(ref);
    } else {
      const ambiguous = fullNames.some(([, c]) => c.mentions.some((m) => hasNamePart(mentionOf(m).text, token, 'last')));
      ref.reason = ambiguous ? 'unresolved' : 'same-name';
      add(ambiguous ? `PERSON:${token}@${ref.articleId}` : `PERSON:${token}`, 'PERSON', ref);
    }
  }

  const order = new Map(articles.map((a, i) => [a.articleId, i]));
  const position = (ref: MentionRef) => [order.get(ref.articleId)!, mentionOf(ref).start] as const;
  const before = (a: MentionRef, b: MentionRef) => {
    const [pa, sa] = position(a);
    const [pb, sb] = position(b);
    return pa - pb || sa - sb;
  };
  return [...clusters.values()]
    .map((c) => ({ ...c, mentions: c.mentions.sort(before) }))
    .sort((a, b) => before(a.mentions[0], b.mentions[0]))
    .map((c, i) => describe(`e${i + 1}`, c, mentionOf, order));
}

function hasNamePart(fullName: string, token: string, part: 'first' | 'last' | 'any'): boolean {
  const tokens = nameTokens(fullName);
  if (tokens.length < 2) return false;
  if (part === 'last') return tokens[tokens.length - 1] === token;
  if (part === 'first') return tokens[0] === token;
  return tokens[0] === token || tokens[tokens.length - 1] === token;
}

function resolveShortName(
  token: string,
  ref: MentionRef,
  mention: EntityMention,
  fullNames: [string, Cluster][],
  mentionOf: (r: MentionRef) => EntityMention,
): { key: string; reason: LinkReason } | null {
  // In the same article: the nearest full name before the mention whose first or last name matches.
  let nearest: { key: string; start: number } | null = null;
  const inArticle = new Set<string>();
  for (const [key, cluster] of fullNames) {
    for (const m of cluster.mentions) {
      if (m.articleId !== ref.articleId || !hasNamePart(mentionOf(m).text, token, 'any')) continue;
      inArticle.add(key);
      const start = mentionOf(m).start;
      if (start < mention.start && (!nearest || start > nearest.start)) nearest = { key, start };
    }
  }
  if (nearest) return { key: nearest.key, reason: 'nearest-full-name' };
  if (inArticle.size === 1) return { key: [...inArticle][0], reason: 'nearest-full-name' };
  if (inArticle.size > 1) return null;
  // Elsewhere in the workspace: only a surname, and only when one person has it.
  const bySurname = fullNames.filter(([, c]) => c.mentions.some((m) => hasNamePart(mentionOf(m).text, token, 'last')));
  return bySurname.length === 1 ? { key: bySurname[0][0], reason: 'unique-surname' } : null;
}

/** Joins an all-capitals organization short form to the one longer name in the workspace whose initials it spells. */
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
  // The canonical name is the most frequent of the longest forms (a full name over a surname, a name over an acronym).
  const forms = [...counts.entries()];
  const words = (s: string) => s.split(/\s+/).length;
  const longest = Math.max(...forms.map(([f]) => words(f)));
  const canonical = forms.filter(([f]) => words(f) === longest && !isAcronym(f)).sort((a, b) => b[1] - a[1])[0]?.[0]
    ?? forms.sort((a, b) => b[1] - a[1])[0][0];
  const aliases = forms
    .filter(([f]) => f !== canonical)
    .sort((a, b) => b[1] - a[1])
    .map(([f]) => f);
  const articles = [...new Set(cluster.mentions.map((m) => m.articleId))].sort((a, b) => order.get(a)! - order.get(b)!);
  return { id, type: cluster.type, canonical, aliases, mentions: cluster.mentions, articles };
}
