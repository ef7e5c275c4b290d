// Runs the trained model over an article: tokens per sentence → BILOU tags → character spans.
import { mapped } from '../arrays';
import type { Lru } from '../lru';
import { type SentenceTokens, tokenize } from '../text';
import type { EntityMention, EntityType, Sentence, Token } from '../types';
import { TAGS, decodeTags } from './bilou';
import { CasingTally } from './casingTally';
import { type DocumentContext, casingSeen, casingSeenIn, contextOf } from './features';
import { type NerModel, viterbi } from './model';
import { EmissionScorer, type ScoredSentence } from './scorer';
import { namesReadInArticle } from './nameShapes';
import { nameStretches } from './stretches';

const ENTITY_TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', MISC: 'MISC' };

/**
 * What tagging read and found in one sentence, at offsets into the sentence, remembered by the sentence's text: its
 * tokens depend on that text alone, and its tags also on the document's casing of the words in its name stretches,
 * so a remembered result holds while those casings do.
 */
export interface SentenceTags {
  /** What the sentence shows of the document's casing (casingSeen). */
  casingSeen: string[];
  /** The document's casing of each word tagging looked up: lowercased form and casing, alternately. */
  casingRead: string[];
  mentions: { start: number; end: number; type: EntityType }[];
}

export type EntityMemo = Lru<string, SentenceTags>;

/** A sentence as read before any is scored: its tags in the memo, or its tokens and the casing they show. */
interface ReadSentence {
  known: SentenceTags | null;
  tokens: Token[] | null;
  /** The scorer's reading, while it reads ahead; dropped once scored. */
  scored: ScoredSentence | null;
  casingSeen?: string[];
}

export class EntityTagger {
  private readonly scorer: EmissionScorer;
  /** Scores of a stretch, reused from one to the next: most stretches are a name of a few words. */
  private readonly emissions: Float64Array;
  /** The casing of the article last tagged with a memo. */
  private readonly casingTally = new CasingTally();

  constructor(private readonly model: NerModel) {
    if (model.tags.join() !== TAGS.join()) throw new Error('entity model has an unexpected tag set');
    this.scorer = new EmissionScorer(model);
    this.emissions = new Float64Array(64 * model.tags.length);
  }

  /** Forgets the word forms remembered for speed (between articles): their memory goes, they are read again when met. */
  forgetForms(): void {
    this.scorer.clear();
  }

  /** Entity mentions of the text, sorted and non-overlapping, at UTF-16 offsets. `memo` serves this tagger only. */
  tag(text: string, sentences: readonly Sentence[], memo?: EntityMemo, tokensOf: SentenceTokens = tokenize): EntityMention[] {
    const { scorer } = this;
    // The scorer reads a sentence here and scores it below, and must not forget its forms in between. So it reads
    // sentences ahead only while its caches are within their bounds; past them (a long article of rare words), a
    // sentence is read by formInfo alone, and the scorer forgets and reads it again when no sentence it read is left.
    scorer.keepBounded();
    let lastReadAhead = -1;
    const read = mapped(sentences, (sentence, s): ReadSentence => {
      const known = memo?.get(sentence.text);
      if (known) return { known, tokens: null, scored: null };
      const tokens = tokensOf(sentence.text);
      const forms = mapped(tokens, (t) => t.text);
      if (scorer.overBounds()) return { known: null, tokens, scored: null, casingSeen: casingSeen(forms) };
      lastReadAhead = s;
      const scored = scorer.sentence(forms);
      return { known: null, tokens, scored, casingSeen: casingSeenIn(scored.infos) };
    });
    const casings = mapped(read, (r) => r.known?.casingSeen ?? r.casingSeen!);
    // With a memo, the article is likely the one analyzed last, edited: its casings are counted again only where it changed.
    const doc = memo ? this.casingTally.contextOf(casings) : contextOf(casings);
    const mentions: EntityMention[] = [];
    sentences.forEach((sentence, s) => {
      const { known, casingSeen: seen } = read[s];
      let tags = known && stillRead(known, doc) ? known : null;
      if (!tags) {
        const tokens = read[s].tokens ?? tokensOf(sentence.text);
        if (s > lastReadAhead) scorer.keepBounded();
        const scored = read[s].scored ?? scorer.sentence(mapped(tokens, (t) => t.text));
        read[s].scored = null; // its forms may go when the scorer forgets them
        tags = this.tagSentence(tokens, scored, doc, known?.casingSeen ?? seen!, memo !== undefined);
        memo?.set(sentence.text, tags);
      }
      for (const m of tags.mentions) {
        const start = sentence.start + m.start;
        const end = sentence.start + m.end;
        mentions.push({ start, end, text: text.slice(start, end), type: m.type });
      }
    });
    return namesReadInArticle(text, mentions);
  }

  /** `remembered`: the tags go into a memo, which needs the casings read (without one, nothing reads them). */
  private tagSentence(tokens: readonly Token[], sentence: ScoredSentence, doc: DocumentContext, seen: string[], remembered: boolean): SentenceTags {
    const tags: SentenceTags = { casingSeen: seen, casingRead: [], mentions: [] };
    if (!tokens.length) return tags;
    const { model, scorer } = this;
    for (const [from, to] of nameStretches(sentence.infos, sentence.gazetteer)) {
      if (remembered) for (let i = from; i < to; i++) tags.casingRead.push(sentence.infos[i].key, doc.casing.get(sentence.infos[i].key) ?? 'none');
      const emissions = scorer.stretchEmissions(sentence, doc, from, to, this.emissions);
      const path = viterbi(model.tags, model.transitions, emissions, to - from, { outsideBefore: from > 0, outsideAfter: to < tokens.length });
      for (const range of decodeTags(mapped(path, (p) => model.tags[p]))) {
        tags.mentions.push({ start: tokens[from + range.start].start, end: tokens[from + range.end - 1].end, type: ENTITY_TYPES[range.type] });
      }
    }
    return tags;
  }
}

/** Whether the document's casing of every word the sentence's tagging looked up is still what it was. */
function stillRead(tags: SentenceTags, doc: DocumentContext): boolean {
  const read = tags.casingRead;
  for (let i = 0; i < read.length; i += 2) if ((doc.casing.get(read[i]) ?? 'none') !== read[i + 1]) return false;
  return true;
}
