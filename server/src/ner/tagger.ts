// Runs the trained model over an article: tokens per sentence → BILOU tags → character spans.
import { tokenize } from '../text';
import type { EntityMention, EntityType, Sentence } from '../types';
import { TAGS, decodeTags } from './bilou';
import { documentContext } from './features';
import { type NerModel, viterbi } from './model';
import { EmissionScorer } from './scorer';
import { nameStretches } from './stretches';

const ENTITY_TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', MISC: 'MISC' };

export class EntityTagger {
  private readonly scorer: EmissionScorer;

  constructor(private readonly model: NerModel) {
    if (model.tags.join() !== TAGS.join()) throw new Error('entity model has an unexpected tag set');
    this.scorer = new EmissionScorer(model);
  }

  /** Entity mentions of the text, sorted and non-overlapping, at UTF-16 offsets. */
  tag(text: string, sentences: readonly Sentence[]): EntityMention[] {
    const tokenized = sentences.map((s) => tokenize(text, s));
    const doc = documentContext(tokenized.map((tokens) => tokens.map((t) => t.text)));
    const mentions: EntityMention[] = [];
    const { model, scorer } = this;
    for (const tokens of tokenized) {
      if (!tokens.length) continue;
      const sentence = scorer.sentence(tokens.map((t) => t.text));
      for (const [from, to] of nameStretches(sentence.infos, sentence.gazetteer)) {
        const emissions = scorer.stretchEmissions(sentence, doc, from, to);
        const path = viterbi(model.tags, model.transitions, emissions, to - from, { outsideBefore: from > 0, outsideAfter: to < tokens.length });
        for (const range of decodeTags(path.map((p) => model.tags[p]))) {
          const start = tokens[from + range.start].start;
          const end = tokens[from + range.end - 1].end;
          mentions.push({ start, end, text: text.slice(start, end), type: ENTITY_TYPES[range.type] });
        }
      }
    }
    return harmonizeTypes(mentions);
  }
}

/**
 * One article calls one thing by one type: a one-word name that ends a person's full name in the article is that
 * person ("Orlov has promised ..."), and other repeated one-word names take the type most of their mentions have.
 */
export function harmonizeTypes(mentions: EntityMention[]): EntityMention[] {
  const oneWord = (m: EntityMention) => !/\s/.test(m.text);
  const surnames = new Set(mentions.filter((m) => m.type === 'PERSON' && !oneWord(m)).map((m) => m.text.split(/\s+/).pop()!));
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions.filter(oneWord)) {
    const byType = votes.get(m.text) ?? new Map<EntityType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    votes.set(m.text, byType);
  }
  return mentions.map((m) => {
    if (!oneWord(m)) return m;
    if (surnames.has(m.text)) return m.type === 'PERSON' ? m : { ...m, type: 'PERSON' };
    const [best] = [...votes.get(m.text)!].sort((a, b) => b[1] - a[1]);
    return best[1] > 1 && best[0] !== m.type ? { ...m, type: best[0] } : m;
  });
}
