// Stage 3: named entities, tagged by an averaged perceptron trained on CoNLL-2003 (model in models/, code in
// server/src/ner, training in tools/src/ner). Callers depend only on EntityRecognizer.
import { loadNerModel } from './ner/bundledModel';
import { EntityTagger } from './ner/tagger';
import type { EntityMention, Sentence } from './types';

export interface EntityRecognizer {
  recognize(text: string, sentences: readonly Sentence[]): EntityMention[];
}

export function taggerRecognizer(tagger: EntityTagger): EntityRecognizer {
  return { recognize: (text, sentences) => tagger.tag(text, sentences) };
}

let bundled: EntityRecognizer | undefined;

/** The recognizer with the model shipped in models/, loaded on first use (about a tenth of a second). */
export function defaultRecognizer(): EntityRecognizer {
  bundled ??= taggerRecognizer(new EntityTagger(loadNerModel()));
  return bundled;
}

/** Named entities of the text with the default recognizer. */
export function recognizeEntities(text: string, sentences: readonly Sentence[]): EntityMention[] {
  return defaultRecognizer().recognize(text, sentences);
}
