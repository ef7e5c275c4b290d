// Stage 3: named entities, tagged by an averaged perceptron trained on CoNLL-2003 (model in models/, code in
// server/src/ner, training in tools/src/ner). Callers depend only on EntityRecognizer.
import { loadNerModel } from './ner/bundledModel';
import { EntityTagger } from './ner/tagger';
import type { EntityMention, Sentence } from './types';

export interface EntityRecognizer {
  recognize(text: string, sentences: readonly Sentence[]): EntityMention[];
}

let bundled: EntityRecognizer | undefined;

/** The recognizer with the model shipped in models/, loaded on first use (about a tenth of a second). */
export function defaultRecognizer(): EntityRecognizer {
  if (!bundled) {
    const tagger = new EntityTagger(loadNerModel());
    bundled = { recognize: (text, sentences) => tagger.tag(text, sentences) };
  }
  return bundled;
}
