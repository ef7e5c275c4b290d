// Who a source is: the named person or organization inside the source phrase ("campaign spokesman Jason Miller"), or,
// for a pronoun, the one it refers to ("he" → the last person quoted, else the last person named before it).
import type { Attribution, EntityMention, Sentence, Span } from './types';

const PERSON_PRONOUNS = new Set(['he', 'she']);
const THING_PRONOUNS = new Set(['it', 'they']);
/** A pronoun refers back at most this many paragraphs; further back, a reader would need the name again. */
const MAX_PARAGRAPHS_BACK = 3;

/**
 * For each attribution, the index in `entities` of the entity its source names or refers to, or null. The attributions
 * must be in document order, so a pronoun can refer to an earlier attribution's source.
 */
export function resolveSources(attributions: Attribution[], entities: EntityMention[], sentences: Sentence[]): (number | null)[] {
  const paragraphAt = (offset: number) => sentences.find((s) => s.start <= offset && offset <= s.end)?.paragraph ?? -1;
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
    const recent = (i: number) => entities[i].end <= source.start && paragraphAt(entities[i].start) >= oldest;
    // The last source of the right kind is the likeliest referent ("Berg said ... He added ..."), then the last mention.
    for (let k = a - 1; k >= 0; k--) {
      const earlier = resolved[k];
      if (earlier !== null && entities[earlier].type === wanted && recent(earlier)) return resolved.push(earlier);
    }
    for (let i = entities.length - 1; i >= 0; i--) {
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
  entities.forEach((e, i) => {
    if (e.start < source.start || e.end > source.end) return;
    if (e.type === 'PERSON') person = i;
    if (e.type === 'ORGANIZATION') organization = i;
  });
  return person ?? organization;
}
