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
  // Most names have one or two words: they keep their titles, without their words being listed.
  if (mention.type !== 'PERSON' || !THREE_WORDS.test(mention.text)) return mention;
  const words = [...mention.text.matchAll(/\S+/g)];
  let first = 0;
  while (words.length - first > 2 && TITLES.has(words[first][0])) first++;
  if (first === 0) return mention;
  const cut = words[first].index!;
  return { ...mention, start: mention.start + cut, text: mention.text.slice(cut) };
}

const THREE_WORDS = /^\s*\S+\s+\S+\s+\S/;

/**
 * A one-word name the tagger took for a person that opens a longer name of another type in the article is that
 * thing ("Pirelli said" beside "Pirelli SpA", "Nusra" beside "Nusra Front"), unless a title precedes it ("President
 * Reagan" beside "the Reagan Administration") or a person's longer name has the word.
 */
export function readOneWordPeople(text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const firstWords = new Map<string, EntityType>();
  const personWords = new Set<string>();
  for (const m of mentions) {
    if (!/\s/.test(m.text)) continue; // one word, not split into one
    const words = m.text.split(/\s+/);
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
  const surnames = new Set<string>();
  const votes = new Map<string, Map<EntityType, number>>();
  mentions.forEach((m, i) => {
    if (!oneWord[i]) {
      if (m.type === 'PERSON') surnames.add(m.text.split(/\s+/).pop()!);
      return;
    }
    const byType = votes.get(m.text);
    if (byType) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    else votes.set(m.text, new Map([[m.type, 1]]));
  });
  // Each name's most voted type where two mentions or more agree on it, once per name.
  const agreed = new Map<string, EntityType | null>();
  for (const [name, byType] of votes) agreed.set(name, mostVoted(byType));
  return mapped(mentions, (m, i) => {
    if (!oneWord[i]) return m;
    if (surnames.has(m.text)) return m.type === 'PERSON' ? m : { ...m, type: 'PERSON' };
    const type = agreed.get(m.text);
    return type && type !== m.type ? { ...m, type } : m;
  });
}

/** The type with the most votes (a tie goes to the type voted for first), or null if it has one vote only. */
function mostVoted(byType: Map<EntityType, number>): EntityType | null {
  let most: EntityType | null = null;
  let votes = 1;
  for (const [type, count] of byType) {
    if (count > votes) {
      most = type;
      votes = count;
    }
  }
  return most;
}
