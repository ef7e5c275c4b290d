// Who a source is: the named person or organization inside the source phrase ("campaign spokesman Jason Miller"), or,
// for a pronoun, the one it refers to ("he" → the last person quoted, else the last person named before it).
import { firstEndingAfter, firstStartingFrom } from './text';
import type { Attribution, EntityMention, Sentence, Span } from './types';

const PERSON_PRONOUNS = new Set(['he', 'she']);
const THING_PRONOUNS = new Set(['it', 'they']);
/** A pronoun refers back at most this many paragraphs; further back, a reader would need the name again. */
const MAX_PARAGRAPHS_BACK = 3;
/** A name whose paragraph is not worked out yet (-1 is a name in no sentence). */
const UNKNOWN_PARAGRAPH = -2;

/**
 * For each attribution, the index in `entities` of the entity its source names or refers to, or null. The attributions
 * must be in document order, so a pronoun can refer to an earlier attribution's source, and the entities in order of
 * their starts, as the recognizer gives them.
 */
export function resolveSources(attributions: Attribution[], entities: EntityMention[], sentences: Sentence[]): (number | null)[] {
  // The first sentence that holds the offset or ends on it, found by bisection: pronouns look at many earlier names.
  const paragraphAt = (offset: number) => {
    const s = sentences[firstEndingAfter(sentences, offset - 1)];
    return s && s.start <= offset ? s.paragraph : -1;
  };
  // Each name's paragraph, worked out when first asked: every pronoun looks back over the sources before it.
  const paragraphs = new Int32Array(entities.length).fill(UNKNOWN_PARAGRAPH);
  const paragraphOf = (i: number) => (paragraphs[i] === UNKNOWN_PARAGRAPH ? (paragraphs[i] = paragraphAt(entities[i].start)) : paragraphs[i]);
  const resolved: (number | null)[] = [];
  attributions.forEach((attribution, a) => {
    const { source } = attribution;
    if (!source) return resolved.push(null);
    const named = namedIn(source, entities);
    if (named !== null) return resolved.push(named);
    const pronoun = source.text.toLowerCase();
    if (!PERSON_PRONOUNS.has(pronoun) && !THING_PRONOUNS.has(pronoun)) return resolved.push(null);
    const wanted = PERSON_PRONOUNS.has(pronoun) ? 'PERSON' : 'ORGANIZATION';
    const oldest = paragraphAt(source.start) - MAX_PARAGRAPHS_BACK;
    const recent = (i: number) => entities[i].end <= source.start && paragraphOf(i) >= oldest;
    // The last source of the right kind is the likeliest referent ("Berg said ... He added ..."), then the last mention.
    for (let k = a - 1; k >= 0; k--) {
      const earlier = resolved[k];
      if (earlier !== null && entities[earlier].type === wanted && recent(earlier)) return resolved.push(earlier);
    }
    // From the last name that starts before the pronoun, back to the oldest paragraph a pronoun reaches.
    for (let i = firstStartingFrom(entities, source.start) - 1; i >= 0; i--) {
      const paragraph = paragraphOf(i);
      if (paragraph >= 0 && paragraph < oldest) break; // those before it start no later (-1: a name in no sentence)
      if (entities[i].type === wanted && recent(i)) return resolved.push(i);
    }
    return resolved.push(null);
  });
  return resolved;
}

/** The person named in the source phrase, else the organization; the last one when there are several. */
function namedIn(source: Span, entities: EntityMention[]): number | null {
  let organization: number | null = null;
  let person: number | null = null;
  for (let i = firstStartingFrom(entities, source.start); i < entities.length && entities[i].start < source.end; i++) {
    if (entities[i].end > source.end) continue;
    if (entities[i].type === 'PERSON') person = i;
    if (entities[i].type === 'ORGANIZATION') organization = i;
  }
  return person ?? organization;
}
