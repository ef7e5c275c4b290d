// Corrections of the tagger's names from how the article writes them elsewhere: the tagger reads one sentence at a
// time, and a word after a capitalized title, a company's name alone, or a surname alone can look like a person, or
// like something else, there.
import { mapped } from '../arrays';
import { TITLES } from '../lexicons';
import type { EntityMention, EntityType } from '../types';

/** The tagger's mentions of an article, read against each other. */
export function namesReadInArticle(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  return harmonizeTypes(readOneWordPeople(text, mapped(mentions, withoutLeadingTitles)));
}

/**
 * A person's mention without the titles before the name ("Special Envoy Staffan de Mistura" reads "Staffan de
 * Mistura", as CoNLL annotates and as other articles write the name). Two words stay at least: "Prince Charles"
 * and "President Obama" are how the person is named.
 */
export function withoutLeadingTitles(mention: EntityMention): EntityMention {
  if (mention.type !== 'PERSON') return mention;
  const words = [...mention.text.matchAll(/\S+/g)];
  let first = 0;
  while (words.length - first > 2 && TITLES.has(words[first][0])) first++;
  if (first === 0) return mention;
  const cut = words[first].index!;
  return { ...mention, start: mention.start + cut, text: mention.text.slice(cut) };
}

/**
 * A one-word name the tagger took for a person that opens a longer name of another type in the article is that
 * thing ("Pirelli said" beside "Pirelli SpA", "Nusra" beside "Nusra Front"), unless a title precedes it ("President
 * Reagan" beside "the Reagan Administration") or a person's longer name has the word.
 */
export function readOneWordPeople(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const firstWords = new Map<string, EntityType>();
  const personWords = new Set<string>();
  for (const m of mentions) {
    const words = m.text.split(/\s+/);
    if (words.length < 2) continue;
    if (m.type === 'PERSON') for (const w of words) personWords.add(w);
    else if (!firstWords.has(words[0])) firstWords.set(words[0], m.type);
  }
  return mapped(mentions, (m) => {
    const type = m.type === 'PERSON' && !m.editor ? firstWords.get(m.text) : undefined;
    return type && !personWords.has(m.text) && !afterTitle(text, m.start) ? { ...m, type } : m;
  });
}

function afterTitle(text: string, start: number): boolean {
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 40), start));
  return before !== null && TITLES.has(before[1]);
}

/**
 * One article calls one thing by one type: a one-word name that ends a person's full name in the article is that
 * person ("Orlov has promised ..."), and other repeated one-word names take the type most of their mentions have.
 */
export function harmonizeTypes(mentions: EntityMention[]): EntityMention[] {
  const oneWord = mapped(mentions, (m) => !/\s/.test(m.text));
  const surnames = new Set(mentions.filter((m, i) => m.type === 'PERSON' && !oneWord[i]).map((m) => m.text.split(/\s+/).pop()!));
  const votes = new Map<string, Map<EntityType, number>>();
  mentions.forEach((m, i) => {
    if (!oneWord[i]) return;
    const byType = votes.get(m.text) ?? new Map<EntityType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    votes.set(m.text, byType);
  });
  // Each name's most voted type, once per name; a tie goes to the type voted for first.
  const winners = new Map<string, [EntityType, number]>();
  for (const [name, byType] of votes) winners.set(name, [...byType].sort((a, b) => b[1] - a[1])[0]);
  return mapped(mentions, (m, i) => {
    if (!oneWord[i]) return m;
    if (surnames.has(m.text)) return m.type === 'PERSON' ? m : { ...m, type: 'PERSON' };
    const [type, count] = winners.get(m.text)!;
    return count > 1 && type !== m.type ? { ...m, type } : m;
  });
}
